import { loadConfig } from '../../bot/config';
import { ConfigurationError } from '../../bot/domain/errors';

const APP_ID = '5d1f0c2a-7e4b-4c1e-9a8f-3b2d6e0f1a11';
const production = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  COSMOS_ENDPOINT: 'https://vm.documents.azure.com:443/',
  KEY_VAULT_URL: 'https://vm-kv.vault.azure.net/',
  DIRECTORY_FILE: 'config/directory.demo.json',
};

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('TAB_APP_ID_URI (the tab\'s single sign-on)', () => {
  it('when it is api://<host>/<MicrosoftAppId>, then the tab accepts that URI and the client id as audiences', () => {
    expect(loadConfig({ ...production, TAB_APP_ID_URI: `api://veilig-melden.example.net/${APP_ID}` }).tab).toEqual({ appIdUri: `api://veilig-melden.example.net/${APP_ID}`, clientId: APP_ID });
  });

  it('when it is absent, then the tab is not configured (its API refuses tokens with 503)', () => {
    expect(loadConfig(production).tab).toBeUndefined();
  });

  it.each([
    ['https://veilig-melden.example.net/' + APP_ID],
    ['api://veilig-melden.example.net'],
    [`api://veilig-melden.example.net/${APP_ID}/extra`],
    ['api://veilig-melden.example.net/not-a-guid'],
  ])('when it is %s, then start-up names the setting', (value) => {
    expect(problemsOf({ ...production, TAB_APP_ID_URI: value })).toEqual([expect.stringContaining('TAB_APP_ID_URI must be api://<host>/<client id>')]);
  });

  it('when its client id is not MicrosoftAppId, then start-up says so', () => {
    expect(problemsOf({ ...production, TAB_APP_ID_URI: 'api://veilig-melden.example.net/9a9a9a9a-1b1b-4c4c-8d8d-2e2e2e2e2e2e' })).toEqual([expect.stringContaining('must end in MicrosoftAppId')]);
  });
});
