import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetApplication } from '../../bot/composition';
import { startLocalHost, type LocalHost } from '../../local/localHost';
import { FakeBotConnector } from './fakeBotConnector';
import { ManualClock } from './manualClock';
import { setTimerSchedules } from '../../local/timerSchedules';

/**
 * The whole product in one process, driven through its real HTTP entry point: the local
 * Functions host serving the real function registrations (POST /api/messages), the application
 * built from environment settings, a fake Bot Connector on loopback for everything the bot
 * sends, and a manual clock.
 *
 * `@azure/functions-core` is the local host's shim in every test (jest.config.js `moduleNameMapper`).
 */
export interface BotHarness {
  connector: FakeBotConnector;
  host: LocalHost;
  clock: ManualClock;
  dataDir: string;
  /** Every log line the application wrote. */
  logs: string[];
  /** POSTs an activity to /api/messages. */
  send(activity: unknown): Promise<{ status: number; body: any }>;
  /** POSTs raw text to /api/messages. */
  sendRaw(body: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /**
   * Rebuilds the application with other settings (e.g. another store) behind the same host:
   * the function modules register once per test file, so a file keeps one host.
   */
  reconfigure(env: NodeJS.ProcessEnv): Promise<void>;
  /** Closes the application (the host closes with the test file), keeping the data directory unless `removeData`. */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

/**
 * One host per test file: the function modules register themselves once per module registry,
 * so a second host in the same file would have no functions. Harnesses in one file share it
 * (one after the other), and it closes when the file is done.
 */
let sharedHost: Promise<LocalHost> | undefined;
afterAll(async () => {
  const host = await sharedHost;
  sharedHost = undefined;
  await host?.close();
});

export async function startBotHarness(options: { env?: NodeJS.ProcessEnv; clock?: ManualClock; dataDir?: string; connector?: FakeBotConnector } = {}): Promise<BotHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vm-e2e-'));
  const connector = options.connector ?? (await new FakeBotConnector().start());
  const clock = options.clock ?? new ManualClock('2026-11-30T09:00:00Z');
  const logs: string[] = [];
  const sleeps: number[] = [];
  const configure = (env: NodeJS.ProcessEnv | undefined) =>
    resetApplication({
      env: { DATA_DIR: dataDir, DRAFT_PURGE_SCHEDULE: '0 15 3 * * *', OUTBOX_SCHEDULE: '0 * * * * *', REMINDER_SCHEDULE: '0 */5 * * * *', DIGEST_SCHEDULE: '0 0 7 * * 1', HANDOVER_CHECK_SCHEDULE: '0 30 5 * * *', CASE_PURGE_SCHEDULE: '0 45 3 * * *', TEAM_TOPICS_SCHEDULE: '0 */15 * * * *', BOT_SERVICE_URL: connector.serviceUrl, ...env },
      clock,
      // The harness stands in for the local host (npm start), which alone may switch on local mode.
      localHostOptIn: true,
      logSink: (line) => logs.push(line),
      // Back-off waits are recorded, not waited: no test depends on real time passing.
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
  await configure(options.env);
  setTimerSchedules();
  sharedHost ??= startLocalHost({ port: 0, startTimers: false });
  const host = await sharedHost;

  const sendRaw = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    connector,
    host,
    clock,
    dataDir,
    logs,
    sendRaw,
    send: (activity) => sendRaw(JSON.stringify(activity)),
    reconfigure: configure,
    async stop({ removeData = false } = {}) {
      await resetApplication();
      if (!options.connector) await connector.stop();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
