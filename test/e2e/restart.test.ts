/**
 * Restart end to end, with real operating-system processes: the app is compiled as `npm start`
 * compiles it and run by `node <build>/local/startLocalHost.js` with the embedded default store,
 * then killed (SIGKILL) or stopped (SIGTERM) and started again on the same DATA_DIR. Everything
 * goes through the real HTTP entry point (POST /api/messages); the fake Bot Connector runs in
 * this test process on loopback and outlives the app processes, as Teams would.
 *
 * In-process restarts (test/fakes/botHarness.ts) cannot prove this: they share one Node process,
 * so nothing un-flushed is lost and no stale lock is left behind.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { t } from '../../cards/i18n';
import { inputs, textIn } from '../cards/cardChecks';
import { FakeBotConnector } from '../fakes/fakeBotConnector';
import { personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf, namedReportInputs, type StepInputs } from './wizardJourney';
import { REFERENCE } from '../fixtures/demoPeople';

const repoRoot = join(__dirname, '..', '..');
/** Generous: a cold start loads the Agents SDK from disk, which is slow on a busy CI machine. */
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
/** Settings that would switch the app away from "no setup" (Cosmos DB, production mode, other key/bind locations). */
const NON_DEFAULT_SETTINGS = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'COSMOS_ENDPOINT', 'COSMOS_KEY', 'KEY_RING', 'KEY_FILE', 'HOST', 'WEBSITE_INSTANCE_ID'];

/** One running `startLocalHost.js` process. */
interface AppProcess {
  child: ChildProcess;
  /** Base URL from the "listening on" line, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
}

/** How an app process ended. */
interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A free loopback port: listen on 0, read the port, close. The app binds it right after. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Compiles the app as `npm run build` does, but into `outDir` so the shared `dist/` is left alone. */
async function buildApp(outDir: string): Promise<void> {
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: repoRoot, timeout: 110_000 });
  } catch (error) {
    // tsc reports compile errors on stdout.
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building the app for the restart test failed:\n${stdout}${stderr}`);
  }
}

/** Ends a process that is still running with `signal` and waits for it; undefined if it had already exited. */
async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<ExitStatus | undefined> {
  if (child.exitCode !== null || child.signalCode !== null) return undefined;
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
  });
  const result = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`The app process did not exit within ${STOP_TIMEOUT_MS} ms of ${signal}; it was killed.`);
  }
  return { code: result[0], signal: result[1] };
}

describe('restart of the app process (embedded default store, real OS processes)', () => {
  let buildDir: string;
  let connector: FakeBotConnector;
  const running = new Set<ChildProcess>();
  const dataDirs: string[] = [];

  /**
   * Starts `node <build>/local/startLocalHost.js` as `npm start` would (cwd = repository root, so
   * `local.settings.json` is read) and resolves once it prints its "listening on" line. Rejects
   * with the process output when it exits first or does not listen in time.
   */
  async function startApp(dataDir: string): Promise<AppProcess> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The build lives outside the repository, so its require() calls need the repository's node_modules.
      NODE_PATH: join(repoRoot, 'node_modules'),
    };
    for (const name of NON_DEFAULT_SETTINGS) delete env[name];
    const child = spawn(process.execPath, [join(buildDir, 'local', 'startLocalHost.js')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.once('exit', () => running.delete(child));

    let stdout = '';
    let stderr = '';
    const output = () => `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The app did not print "listening on" within ${START_TIMEOUT_MS} ms.\n${output()}`)), START_TIMEOUT_MS);
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        // Up to the line end: a pipe chunk may end in the middle of the URL.
        const listening = /Local Functions host listening on (http:\/\/\S+)\r?\n/.exec(stdout);
        if (listening) {
          clearTimeout(timer);
          resolve(listening[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The app exited (code ${code}, signal ${signal}) before listening.\n${output()}`));
      });
    });
    return { child, url, output };
  }

  /** POSTs an activity to the app's /api/messages. */
  async function send(app: AppProcess, activity: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Asserts the health probe answers 200 with the embedded store: the application could be built from what is on disk. */
  async function expectHealthy(app: AppProcess): Promise<void> {
    const response = await fetch(`${app.url}/api/health`);
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 200, body: { status: 'ok', mode: 'local', storage: 'embedded' } });
  }

  /** Opens the dialog and presses Next on each of `steps`; returns the card shown after the last one. */
  async function answerSteps(app: AppProcess, user: TeamsUser, journey: StepInputs, steps: ReadonlyArray<keyof StepInputs>): Promise<Record<string, any>> {
    let card = dialogCardOf((await send(app, taskFetch(user, connector.serviceUrl, { vm: { dialog: 'wizard', nav: 'next' } }))).body);
    for (const step of steps) {
      const next = buttonVm(card, 'next');
      expect(next.step).toBe(step);
      card = dialogCardOf((await send(app, taskSubmit(user, connector.serviceUrl, { ...journey[step], vm: next }))).body);
    }
    return card;
  }

  /** A fresh data directory, removed after the test. */
  function newDataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'vm-restart-data-'));
    dataDirs.push(dir);
    return dir;
  }

  /**
   * Answers whose incident date is a month before today: the wizard refuses dates in the future,
   * and a fixed date would start failing (or pass for the wrong reason) depending on the real clock.
   */
  function journeyFor(description: string): StepInputs {
    const journey = namedReportInputs(description);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    return { ...journey, details: { ...journey.details, incidentDate: monthAgo } };
  }

  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'vm-restart-build-'));
    connector = await new FakeBotConnector().start();
    await buildApp(buildDir);
  }, 120_000);

  afterEach(async () => {
    // Runs when a test failed half-way too: no app process may outlive its test or hold a data dir.
    await Promise.all([...running].map((child) => stopProcess(child, 'SIGKILL').catch(() => undefined)));
    for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    connector.clear();
  });

  afterAll(async () => {
    await connector?.stop();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it('when a reporter is at step 4 and the process is killed with SIGKILL, then after a restart the dialog opens at step 4 with a welcome-back line and Back shows step 3 with the answer kept', async () => {
    const gijs: TeamsUser = { id: '29:1gijs', aadObjectId: '6b1d2c3e-0000-4000-8000-0000000a1007', name: 'Gijs', locale: 'nl-NL' };
    const dataDir = newDataDir();
    const journey = journeyFor('');

    const first = await startApp(dataDir);
    await expectHealthy(first);
    const atStep4 = await answerSteps(first, gijs, journey, ['what', 'want', 'identity']);
    expect(buttonVm(atStep4, 'next').step).toBe('involved');

    expect(await stopProcess(first.child, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    // No shutdown code ran: the lock of the dead process is still there and the restart must take it over.
    expect(existsSync(join(dataDir, '.lock'))).toBe(true);

    const second = await startApp(dataDir);
    await expectHealthy(second);
    const reopened = dialogCardOf((await send(second, taskFetch(gijs, connector.serviceUrl, { vm: { dialog: 'wizard', nav: 'next' } }))).body);
    expect(buttonVm(reopened, 'next').step).toBe('involved');
    expect(textIn(reopened)).toContain(t('nl', 'wizard.resumed'));

    const back = dialogCardOf((await send(second, taskSubmit(gijs, connector.serviceUrl, { vm: buttonVm(reopened, 'back') }))).body);
    expect(buttonVm(back, 'next').step).toBe('identity');
    expect(inputs(back).find((input) => input.id === 'identity')?.value).toBe('named');
  });

  it('when a report was submitted and the process is stopped with SIGTERM, then after a restart the reporter\'s "status" lists the same reference', async () => {
    const hanna: TeamsUser = { id: '29:1hanna', aadObjectId: '6b1d2c3e-0000-4000-8000-0000000a2008', name: 'Hanna', locale: 'nl-NL' };
    const dataDir = newDataDir();

    const first = await startApp(dataDir);
    await expectHealthy(first);
    const review = await answerSteps(first, hanna, journeyFor('Na het appel word ik steeds uitgelachen.'), ['what', 'want', 'identity', 'involved', 'details', 'support']);
    const receipt = dialogCardOf((await send(first, taskSubmit(hanna, connector.serviceUrl, { vm: buttonVm(review, 'submit') }))).body);
    const reference = REFERENCE.exec(textIn(receipt))?.[0];
    expect(reference).toBeDefined();

    // A graceful stop: the process exits by itself (code 0) after closing the store, which releases its lock.
    const stopped = await stopProcess(first.child, 'SIGTERM');
    expect({ stopped, lockLeft: existsSync(join(dataDir, '.lock')) }).toEqual({ stopped: { code: 0, signal: null }, lockLeft: false });

    const second = await startApp(dataDir);
    await expectHealthy(second);
    connector.clear();
    const status = await send(second, personalMessage(hanna, connector.serviceUrl, 'status'));
    expect(status.status).toBe(200);
    const cards = connector.cardsSentTo(personalConversationId(hanna));
    expect(cards).toHaveLength(1);
    expect(textIn(cards[0])).toContain(reference);
  });
});
