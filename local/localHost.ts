import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileRoute } from './compileRoute';
import { errorName } from './errorName';
import { functionsCoreShim, takeRegistrations, type AppRegistrations, type FunctionRegistration } from './functionsCoreShim';
import type { ProgrammingModel, RpcBindingInfo, RpcLogLevel } from './functionsCoreTypes';
import { handleHttpRequest, type HttpRoute } from './handleHttpRequest';
import { invokeFunction, runAppHooks, type InvocationEnvironment } from './invokeFunction';
import { resolveSchedule } from './resolveSchedule';
import { TimerJob, type TimerScheduleStatus } from './timerJob';
import { writeJson } from './writeHttpResponse';

/** Largest request body the local host accepts (Teams activities stay far below it). */
export const maxRequestBodyBytes = 1024 * 1024;

/** How to start a {@link LocalHost}. */
export interface LocalHostOptions {
  /** TCP port; 0 picks a free one (see `LocalHost.port`). */
  port: number;
  /** Interface to listen on. Default `127.0.0.1`: the host has no authentication, keep it local. */
  host?: string;
  /**
   * Registers the functions, by loading modules that call `app.http`/`app.timer`. Default:
   * `require('../functions')`, the list the Functions runtime loads too (package.json `main`).
   */
  loadFunctions?: () => void;
  /** Fire timer functions on their schedules. Default `true`; `runTimer` works either way. */
  startTimers?: boolean;
  /**
   * Local-only pages outside `/api/` (the chat page, `local/chatPage`): tried first, answers and
   * returns true for its own routes, false to let the functions have the request.
   */
  handleOtherRequest?: (request: IncomingMessage, response: ServerResponse, baseUrl: string) => Promise<boolean>;
}

/** A registered function as the local host serves it. */
export interface LocalFunctionInfo {
  name: string;
  kind: 'http' | 'timer';
  /** HTTP route template, served under `/api/`. */
  route?: string;
  /** HTTP methods, upper case. */
  methods?: readonly string[];
  /** Timer schedule with its `%SETTING%` placeholders resolved. */
  schedule?: string;
}

/** A running local Functions host. */
export interface LocalHost {
  /** Base URL, e.g. `http://127.0.0.1:7071`; HTTP functions are under `${url}/api/`. */
  url: string;
  port: number;
  functions: ReadonlyArray<LocalFunctionInfo>;
  /** Runs a timer function once now (after a run in progress); rejects if its handler failed. */
  runTimer(name: string): Promise<void>;
  /** Stops the timers (waiting for runs in progress), closes the server, runs `appTerminate` hooks. */
  close(): Promise<void>;
}

const routePrefix = 'api';

function log(level: RpcLogLevel, line: string): void {
  if (level === 'trace' || level === 'debug' || level === 'none') return;
  if (level === 'error' || level === 'critical') console.error(line);
  else if (level === 'warning') console.warn(line);
  else console.info(line);
}

function defaultLoadFunctions(): void {
  require('../functions');
}

function findTrigger(registration: FunctionRegistration): { name: string; binding: RpcBindingInfo } | undefined {
  const found = Object.entries(registration.metadata.bindings).find(([, binding]) => /trigger$/i.test(binding.type ?? ''));
  return found && { name: found[0], binding: found[1] };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Locks `app.setup()` as the worker does at start-up, and refuses HTTP streaming: with it the
 * library expects the host to proxy each request to it, which this host does not do.
 */
async function refuseHttpStreaming(programmingModel: ProgrammingModel): Promise<void> {
  const capabilities = (await programmingModel.getCapabilities?.({})) ?? {};
  if (capabilities.HttpUri) throw new Error('app.setup({ enableHttpStream: true }) is not supported by the local host.');
}

/** The timer value the host sends: PascalCase JSON, which the library camel-cases into a `Timer`. */
function timerTriggerValue(status: TimerScheduleStatus): { json: string } {
  return {
    json: JSON.stringify({
      Schedule: { AdjustForDST: true },
      ScheduleStatus: { Last: status.last, Next: status.next, LastUpdated: status.lastUpdated },
      IsPastDue: false,
    }),
  };
}

/**
 * Starts an in-process stand-in for the Azure Functions host. It serves the HTTP functions and
 * fires the timer functions that `loadFunctions` registers through the real `@azure/functions`
 * `app.http`/`app.timer`, and runs each invocation through the library's own programming model
 * (see `invokeFunction`), so handlers get real `HttpRequest`, `Timer` and `InvocationContext`.
 *
 * The `@azure/functions-core` shim must be in place before the library's first registration
 * (`installFunctionsCoreShim()`, or a virtual `jest.mock` in tests). A host serves what was
 * registered since the previous start, so each host in one process needs its own registrations.
 *
 * @throws if nothing was registered, if a timer schedule needs an unset setting or is not
 *   six-field NCRONTAB, or if the port cannot be bound
 */
export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const { port, host = '127.0.0.1', loadFunctions = defaultLoadFunctions, startTimers = true, handleOtherRequest } = options;

  let registrations: AppRegistrations;
  try {
    loadFunctions();
  } finally {
    // Even a failed load hands its partial registrations over, so they cannot leak into the next start.
    registrations = takeRegistrations();
  }
  const programmingModel = functionsCoreShim.getProgrammingModel();
  if (!programmingModel || registrations.functions.length === 0) {
    throw new Error(
      'No functions were registered. Install the @azure/functions-core shim (installFunctionsCoreShim) before ' +
        '@azure/functions registers anything, and load function modules that this process has not loaded before.',
    );
  }
  await refuseHttpStreaming(programmingModel);

  const environment: InvocationEnvironment = { programmingModel, hooks: registrations.hooks, appHookData: {}, log };
  const routes: HttpRoute[] = [];
  const timerJobs = new Map<string, TimerJob>();
  const runOnStartup: TimerJob[] = [];
  // Azure reads schedules in UTC unless the app sets WEBSITE_TIME_ZONE.
  const timezone = process.env.WEBSITE_TIME_ZONE?.trim() || 'Etc/UTC';

  for (const registration of registrations.functions) {
    const name = registration.metadata.name;
    const trigger = findTrigger(registration);
    const triggerType = trigger?.binding.type?.toLowerCase();
    if (trigger && triggerType === 'httptrigger') {
      const template = typeof trigger.binding.route === 'string' ? trigger.binding.route : name;
      const methods = ((trigger.binding.methods as string[] | undefined) ?? ['GET', 'POST']).map((method) => method.toUpperCase());
      routes.push({
        name,
        route: compileRoute(template, routePrefix),
        methods,
        invoke: (request, invocationId) => invokeFunction(registration, trigger.name, { http: request }, invocationId, environment),
      });
    } else if (trigger && triggerType === 'timertrigger') {
      const schedule = resolveSchedule(name, String(trigger.binding.schedule ?? ''), process.env);
      const run = async (status: TimerScheduleStatus) => {
        const invocationId = randomUUID();
        try {
          await invokeFunction(registration, trigger.name, timerTriggerValue(status), invocationId, environment);
        } catch (error) {
          log('error', `[${name}] timer run failed; correlationId ${invocationId}; ${errorName(error)}`);
          throw error;
        }
      };
      let job: TimerJob;
      try {
        job = new TimerJob(name, schedule, timezone, run, (line) => log('warning', line));
      } catch (error) {
        throw new Error(`Timer function "${name}": schedule "${schedule}" is not valid NCRONTAB (${errorName(error)}).`);
      }
      timerJobs.set(name, job);
      if (trigger.binding.runOnStartup === true) runOnStartup.push(job);
    } else {
      log('warning', `Function "${name}": trigger "${trigger?.binding.type ?? 'none'}" is not supported locally; skipped.`);
    }
  }

  let baseUrl = '';
  const server = createServer((request, response) => {
    const dispatch = { routes, baseUrl, maxBodyBytes: maxRequestBodyBytes, logError: (line: string) => log('error', line) };
    const other = handleOtherRequest && !(request.url ?? '/').startsWith(`/${routePrefix}/`) ? handleOtherRequest(request, response, baseUrl) : Promise.resolve(false);
    other.then((handled) => (handled ? undefined : handleHttpRequest(request, response, dispatch))).catch((error: unknown) => {
      log('error', `local host: request handling failed; ${errorName(error)}`);
      if (response.headersSent) response.destroy();
      else writeJson(response, 500, { error: 'internal' });
    });
  });

  await runAppHooks(registrations.hooks.appStart, environment.appHookData, process.cwd());
  const address = await listen(server, port, host);
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  if (startTimers) {
    for (const job of timerJobs.values()) job.start();
    // A failed start-up run is logged by the run itself and must not stop the host.
    for (const job of runOnStartup) job.runNow().catch(() => undefined);
  }

  const stop = async (): Promise<void> => {
    await Promise.all([...timerJobs.values()].map((job) => job.stop()));
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    await runAppHooks(registrations.hooks.appTerminate, environment.appHookData, process.cwd());
  };
  let stopping: Promise<void> | undefined;

  return {
    url: baseUrl,
    port: address.port,
    functions: Object.freeze([
      ...routes.map(
        (route): LocalFunctionInfo => Object.freeze({ name: route.name, kind: 'http', route: route.route.template, methods: route.methods }),
      ),
      ...[...timerJobs.values()].map((job): LocalFunctionInfo => Object.freeze({ name: job.name, kind: 'timer', schedule: job.schedule })),
    ]),
    async runTimer(name) {
      const job = timerJobs.get(name);
      if (!job) throw new Error(`No timer function named "${name}" (timers: ${[...timerJobs.keys()].join(', ') || 'none'}).`);
      await job.runNow();
    },
    close() {
      stopping ??= stop();
      return stopping;
    },
  };
}
