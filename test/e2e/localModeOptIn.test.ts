import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication, resetApplication } from '../../bot/composition';
import { ConfigurationError } from '../../bot/domain/errors';
import { startLocalHost, type LocalHost } from '../../local/localHost';
import { FakeBotConnector } from '../fakes/fakeBotConnector';
import { ManualClock } from '../fakes/manualClock';
import { personalMessage, type TeamsUser } from '../fixtures/teamsActivities';
import { setTimerSchedules } from '../../local/timerSchedules';

const anna: TeamsUser = { id: '29:1optin', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000b0b1', name: 'Anna Opt-in', locale: 'nl-NL' };

/**
 * Unauthenticated local mode is an explicit opt-in that only the local host (npm start) gives.
 * The production composition (the Functions host loads functions/index.ts and builds the
 * application without overrides) never accepts an unauthenticated activity, whatever the
 * environment says, and never serves /api/dev/clock.
 */
describe('local mode without the local host\'s opt-in (issue 10, section 1)', () => {
  let host: LocalHost;
  let connector: FakeBotConnector;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vm-optin-'));
    connector = await new FakeBotConnector().start();
    setTimerSchedules();
    // Loopback, no MicrosoftAppId, no Azure variable: everything the old guard looked at says "local".
    await resetApplication({ env: { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl, HOST: '127.0.0.1' }, clock: new ManualClock('2026-11-30T09:00:00Z') });
    host = await startLocalHost({ port: 0, startTimers: false });
  });

  afterAll(async () => {
    await host.close();
    await resetApplication();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when an unauthenticated activity arrives, then it is refused with 503 (configuration), nothing is sent and nothing is stored', async () => {
    const response = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(personalMessage(anna, connector.serviceUrl, 'hallo')) });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'unavailable', reason: 'configuration' });
    expect(connector.sent).toEqual([]);
    expect(existsSync(join(dataDir, 'keys.json'))).toBe(false);
  });

  it('when /api/dev/clock is called, then the route is not served at all', async () => {
    expect(host.functions.map((fn) => fn.name)).not.toContain('devClock');
    const response = await fetch(`${host.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advance: 'P8D' }) });
    expect(response.status).toBe(404);
  });

  it('when health is asked, then 503 with the reason code only', async () => {
    const response = await fetch(`${host.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'configuration' });
  });

  it('when the application is built without the opt-in, then it is refused with a message saying who may switch local mode on', async () => {
    const error = await createApplication({ env: { DATA_DIR: dataDir } }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems.join('\n')).toMatch(/only by the local host \(npm start\)/);
  });

  it.each(['WEBSITE_INSTANCE_ID', 'WEBSITE_SITE_NAME', 'WEBSITE_HOSTNAME', 'FUNCTIONS_EXTENSION_VERSION', 'AzureWebJobsScriptRoot', 'CONTAINER_APP_NAME', 'IDENTITY_ENDPOINT', 'MSI_ENDPOINT'])(
    'when the opt-in is given but %s says this is an Azure or Functions host, then local mode is still refused',
    async (indicator) => {
      const error = await createApplication({ env: { DATA_DIR: dataDir, [indicator]: 'x' }, localHostOptIn: true }).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems.join('\n')).toContain(`(${indicator} set)`);
    },
  );

  it('when the opt-in is given but the host is not loopback, then local mode is refused', async () => {
    const error = await createApplication({ env: { DATA_DIR: dataDir, HOST: '0.0.0.0' }, localHostOptIn: true }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConfigurationError);
  });

  it('when the local host gives the opt-in on loopback, then local mode starts', async () => {
    const application = await createApplication({ env: { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl }, localHostOptIn: true, clock: new ManualClock('2026-11-30T09:00:00Z'), logSink: () => undefined });
    expect(application.mode).toBe('local');
    await application.close();
  });
});
