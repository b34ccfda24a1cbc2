import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { schemaProblems, validateManifest } from '../../manifest/validateManifest';

const manifestDir = join(__dirname, '..', '..', 'manifest');
const sampleEnv = { TEAMS_APP_ID: '6f1f3a52-8c1e-4f0a-9d5e-1b2c3d4e5f60', BOT_ID: '0b8e2f44-3c6d-4e7f-8a9b-0c1d2e3f4a5b', BOT_DOMAIN: 'veilig-melden.example.net' };

interface TabManifest {
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
}

describe('the manifest\'s tab (issue 12)', () => {
  const manifest = validateManifest(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), sampleEnv) as unknown as TabManifest;

  it('when filled, then the personal app keeps the bot chat first and adds My reports and My tasks, served by the Functions app', () => {
    expect(manifest.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'myReports', name: 'My reports', contentUrl: 'https://veilig-melden.example.net/api/tab/ui/index.html?view=myReports&lang={locale}', scopes: ['personal'] },
      { entityId: 'myTasks', name: 'My tasks', contentUrl: 'https://veilig-melden.example.net/api/tab/ui/index.html?view=myTasks&lang={locale}', scopes: ['personal'] },
    ]);
    for (const tab of manifest.staticTabs.filter((item) => item.contentUrl)) expect(manifest.validDomains).toContain(new URL(tab.contentUrl!).hostname);
  });

  it('when filled, then single sign-on names the bot\'s registration and the app id URI that TAB_APP_ID_URI must equal', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: sampleEnv.BOT_ID, resource: `api://${sampleEnv.BOT_DOMAIN}/${sampleEnv.BOT_ID}` });
    const config = loadConfig({
      MicrosoftAppId: sampleEnv.BOT_ID,
      MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      COSMOS_ENDPOINT: 'https://vm.documents.azure.com:443/',
      KEY_VAULT_URL: 'https://vm-kv.vault.azure.net/',
      DIRECTORY_FILE: 'config/directory.demo.json',
      TAB_APP_ID_URI: manifest.webApplicationInfo.resource,
    });
    expect(config.tab).toEqual({ appIdUri: manifest.webApplicationInfo.resource, clientId: sampleEnv.BOT_ID });
  });

  it('when the Dutch localization is checked, then it names both tabs and matches the schema', () => {
    const nl = JSON.parse(readFileSync(join(manifestDir, 'nl.json'), 'utf8')) as Record<string, string>;
    expect(nl['staticTabs[1].name']).toBe('Mijn meldingen');
    expect(nl['staticTabs[2].name']).toBe('Mijn taken');
    expect(schemaProblems(nl, '1.30', 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
  });
});
