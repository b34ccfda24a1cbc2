import { loadConfig } from '../../bot/config';
import { configProblemsOf, PRODUCTION_SETTINGS } from '../fixtures/productionSettings';

const KEY_RING = '{}';

describe('loadConfig: how Cosmos DB is reached', () => {
  it('when production has no COSMOS_KEY, then it is accepted and the user-assigned identity of AZURE_CLIENT_ID is used', () => {
    const config = loadConfig({ ...PRODUCTION_SETTINGS, KEY_RING, AZURE_CLIENT_ID: '0b7e3f52-5a3c-4d8e-9f21-7c6d5e4f3a21' });
    expect(config.storage).toEqual({ kind: 'cosmos', endpoint: PRODUCTION_SETTINGS.COSMOS_ENDPOINT, key: undefined, databaseId: 'veilig-melden' });
    expect(config.managedIdentityClientId).toBe('0b7e3f52-5a3c-4d8e-9f21-7c6d5e4f3a21');
  });

  it('when AZURE_CLIENT_ID is absent, then the system-assigned identity is meant', () => {
    expect(loadConfig({ ...PRODUCTION_SETTINGS, KEY_RING }).managedIdentityClientId).toBeUndefined();
  });

  it('when local mode names a Cosmos endpoint without a key, then start-up is refused: there is no managed identity on a developer\'s machine', () => {
    expect(configProblemsOf({ COSMOS_ENDPOINT: 'https://localhost:8081/' })).toEqual([expect.stringMatching(/^COSMOS_ENDPOINT without COSMOS_KEY/)]);
    expect(configProblemsOf({ COSMOS_ENDPOINT: 'https://localhost:8081/', COSMOS_KEY: 'emulator-key' })).toEqual([]);
  });
});
