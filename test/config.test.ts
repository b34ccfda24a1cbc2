import { loadConfig } from '../bot/config';
import { ConfigurationError } from '../bot/domain/errors';

describe('loadConfig', () => {
  it('when nothing is set, then it runs in local mode on loopback with the embedded store', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: 'local', host: '127.0.0.1', storage: { kind: 'embedded' }, keys: { kind: 'file' }, draftTtlDays: 14 });
  });

  it('when local mode would bind to a public address, then start-up is refused with a clear message', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0: without MicrosoftAppId .* only runs on loopback/);
  });

  it('when there is no app id on an Azure host, then start-up is refused', () => {
    expect(() => loadConfig({ WEBSITE_INSTANCE_ID: 'abc' })).toThrow(ConfigurationError);
  });

  it('when production misses its required settings, then every missing one is listed', () => {
    try {
      loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems).toEqual([
        expect.stringContaining('MicrosoftAppTenantId'),
        expect.stringContaining('COSMOS_ENDPOINT'),
        expect.stringContaining('KEY_RING'),
        expect.stringContaining('DIRECTORY_FILE'),
      ]);
    }
  });

  it('when values are malformed, then each is named', () => {
    expect(() => loadConfig({ DRAFT_TTL_DAYS: 'two weeks', COSMOS_ENDPOINT: 'not a url', LOG_LEVEL: 'loud' })).toThrow(
      /DRAFT_TTL_DAYS[\s\S]*COSMOS_ENDPOINT|COSMOS_ENDPOINT[\s\S]*DRAFT_TTL_DAYS/,
    );
  });

  it('when COSMOS_ENDPOINT is set, then Cosmos DB is the store', () => {
    expect(loadConfig({ COSMOS_ENDPOINT: 'https://vm.documents.azure.com:443/', COSMOS_KEY: 'k' }).storage).toEqual({
      kind: 'cosmos',
      endpoint: 'https://vm.documents.azure.com:443/',
      key: 'k',
      databaseId: 'veilig-melden',
    });
  });
});

describe('loadConfig: directory source', () => {
  it('when Graph is asked for in local mode, then start-up is refused (Graph needs the bot\'s app registration)', () => {
    expect(() => loadConfig({ DIRECTORY_SOURCE: 'graph' })).toThrow(/DIRECTORY_SOURCE=graph needs the bot's app registration/);
  });

  it('when nothing is said, then the directory file is the source; an unknown source is named', () => {
    expect(loadConfig({}).directorySource).toBe('file');
    expect(() => loadConfig({ DIRECTORY_SOURCE: 'ldap' })).toThrow(/DIRECTORY_SOURCE/);
  });
});

describe('loadConfig: retention of delivery records', () => {
  it('when nothing is said, then finished messages are kept 90 days and chat addresses 365', () => {
    expect(loadConfig({})).toMatchObject({ outboxRetentionDays: 90, conversationReferenceRetentionDays: 365 });
  });

  it('when a retention is set, then it is used; a value that would delete what is still needed is refused and named', () => {
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '30', CONVERSATION_REFERENCE_RETENTION_DAYS: '730' })).toMatchObject({ outboxRetentionDays: 30, conversationReferenceRetentionDays: 730 });
    expect(() => loadConfig({ OUTBOX_RETENTION_DAYS: '1' })).toThrow(/OUTBOX_RETENTION_DAYS/);
    expect(() => loadConfig({ CONVERSATION_REFERENCE_RETENTION_DAYS: 'a year' })).toThrow(/CONVERSATION_REFERENCE_RETENTION_DAYS/);
  });
});

describe('loadConfig: retention of the audit record', () => {
  it('when nothing is said, then audit entries are kept ten years, twice the case retention', () => {
    expect(loadConfig({})).toMatchObject({ auditRetentionDays: 3653, caseRetentionDays: 1826 });
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '2000', CASE_RETENTION_DAYS: '2000' }).auditRetentionDays).toBe(2000);
  });

  it('when the audit would be deleted before the case, then start-up is refused and says why', () => {
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '1000' })).toThrow(/AUDIT_RETENTION_DAYS \(1000\) must be at least CASE_RETENTION_DAYS \(1826\)/);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '3653', CASE_RETENTION_DAYS: '4000' })).toThrow(/the audit of a case must outlive the case/);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '30' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });
});
