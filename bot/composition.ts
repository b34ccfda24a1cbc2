import { randomBytes, randomUUID } from 'node:crypto';
import { AttemptLimiter } from './app/reporter/attemptLimiter';
import { advanceClockAndRunJobs, type AdvanceableClock } from './app/jobs/advanceClockAndRunJobs';
import type { ActionReminderRun } from './app/agenda/sendDueActionReminders';
import type { DeliveryOptions, DeliveryReport } from './app/outbox/deliverOutbox';
import { deliverTurnItems } from './app/outbox/deliverTurnItems';
import { runDailyRetention, type RetentionPolicy } from './app/retention/runDailyRetention';
import { runDelivery } from './app/outbox/runDelivery';
import { sendAllDueReminders } from './app/deadlines/sendAllDueReminders';
import type { ReminderRun } from './app/deadlines/sendDueReminders';
import { recordingTurnOutbox } from './app/outbox/turnOutbox';
import { purgeExpiredDrafts } from './app/retention/purgeExpiredDrafts';
import type { Clock } from './domain/clock';
import type { Logger } from './app/common/loggerPorts';
import type { Repositories } from './app/common/repositories';
import { isLoopback, loadConfig, type Config } from './config';
import { OffsetClock, systemClock, type Clock as DomainClock } from './domain/clock';
import { DEFAULT_DEADLINE_POLICY, parseDeadlinePolicy } from './domain/deadlines/deadlinePolicies';
import { sendCoordinatorDigests } from './app/insights/sendCoordinatorDigests';
import { handOverFromDepartedHandlers } from './app/handover/handOverFromDepartedHandlers';
import { WorkingCalendar } from './domain/workingCalendar';
import { JsonLogger } from './logging/jsonLogger';
import { activityCodes } from './telemetry/activityCodes';
import { TelemetryLogger } from './telemetry/telemetryLogger';
import { METRICS, OWN_SCOPE, SPANS } from './telemetry/telemetryNames';
import { traced } from './telemetry/traced';
import { metrics } from '@opentelemetry/api';
import { AesGcmContentCipher } from './security/aesGcmContentCipher';
import { HmacPseudonymizer } from './security/hmacPseudonymizer';
import { HmacExclusionMarker } from './security/hmacExclusionMarker';
import type { KeyRing } from './security/keyRing';
import { loadOrCreateKeyFile } from './security/loadOrCreateKeyFile';
import { parseKeyRing } from './security/parseKeyRing';
import { keyVaultSecretSource } from './security/keyVaultSecretSource';
import { loadKeyRingFromKeyVault } from './security/loadKeyRingFromKeyVault';
import { managedIdentityCredential } from './security/managedIdentityCredential';
import { createCosmosRepositories } from './storage/createCosmosRepositories';
import { createEmbeddedRepositories } from './storage/createEmbeddedRepositories';
import type { BridgeRequest, BridgeResponse } from './teams/activityHttpBridge';
import type { BotServices } from './teams/botServices';
import { createAdapter } from './teams/createAdapter';
import { createTeamsEndpoint } from './teams/createTeamsEndpoint';
import { createTabApi, type TabApi } from './teams/tab/tabApi';
import { createEntraTabTokenVerifier } from './security/entraTabTokenVerifier';
import { renderNotification } from './teams/renderNotification';
import { TeamsProactiveMessenger } from './teams/teamsProactiveMessenger';
import { loadJsonDirectory } from './directory/jsonDirectory';
import { GraphDirectory } from './directory/graphDirectory';
import type { OrganisationDirectory } from './domain/directory';
import { graphTokenSource } from './teams/graphTokenSource';
import { ConfigurationError } from './domain/errors';
import { loadTopicLibrary } from './topicLibrary/loadTopicLibrary';
import type { HelpContact } from './domain/helpContact';
import { loadHelpContacts } from './help/loadHelpContacts';
import type { TopicLibrary } from './domain/agenda/topic';
import { postDueTopics } from './app/agenda/postDueTopics';
import { findCentralUnit } from './directory/centralUnitProblems';
import type { JsonDirectory } from './directory/jsonDirectory';
import { markUnavailableReason, type UnavailableReason } from './startup/unavailableReason';

/** The running application, as the Functions entry points see it. */
export interface Application {
  mode: 'local' | 'production';
  storageKind: 'embedded' | 'cosmos';
  config: Config;
  logger: Logger;
  /** Handles one POST /api/messages. */
  handleActivity(request: BridgeRequest): Promise<BridgeResponse>;
  /** The Teams tab's JSON API (/api/tab/…). */
  tab: TabApi;
  purgeExpiredDrafts(): Promise<number>;
  /** The outbox timer: moves messages left in cases, delivers what is due, reroutes cases whose handler cannot be reached. */
  deliverOutbox(): Promise<DeliveryReport>;
  /** Daily: deletes closed cases past CASE_RETENTION_DAYS (each leaving a purge register entry), then finished outbox items and old chat addresses. */
  purgeClosedCases(): Promise<number>;
  /** The reminder timer: reminders before deadlines, escalation after. */
  sendDueReminders(): Promise<ReminderRun & { actions: ActionReminderRun; checkIns: number }>;
  /** The agenda timer: posts topic cards to team channels whose next meeting is near. */
  postTeamTopics(): Promise<number>;
  /** Weekly: each coordinator's counts per unit. */
  sendCoordinatorDigests(): Promise<number>;
  /** Daily: open cases of handlers who left the directory go to the fallback. */
  handOverFromDepartedHandlers(): Promise<number>;
  /** Local mode only: moves the clock forward and runs the jobs that are then due. Absent in production. */
  advanceClock?(milliseconds: number): Promise<Date>;
  close(): Promise<void>;
}

/**
 * How long a turn may spend on its own messages after its work (Teams gives an invoke ~5 s): one
 * attempt each, at most 1 s waiting for the rate limits, nothing new started after 2 s.
 */
const TURN_DELIVERY: DeliveryOptions = { maxAttemptsPerRun: 1, maxRateWaitMs: 1_000, timeBudgetMs: 2_000 };

/** What tests (and the local host) may replace. */
export interface ApplicationOverrides {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  randomBytes?: (size: number) => Uint8Array;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logSink?: (line: string) => void;
  /**
   * Unauthenticated local mode (no MicrosoftAppId) is accepted only with this: set by the local
   * host (`local/startLocalHost.ts`, `npm start`) and by the test harness that stands in for it;
   * the Functions runtime builds the application without overrides, so it never sets it.
   */
  localHostOptIn?: boolean;
}

/**
 * Builds the application: the one place that creates clients, repositories and the adapter.
 * A failure is tagged with the part that failed (see `unavailableReasonOf`): health reports it.
 */
export async function createApplication(overrides: ApplicationOverrides = {}): Promise<Application> {
  const config = stage('configuration', () => loadConfig(overrides.env ?? process.env));
  if (config.mode === 'local' && !overrides.localHostOptIn) throw markUnavailableReason(new ConfigurationError([LOCAL_MODE_REFUSED]), 'configuration');
  const deadlinePolicy = stage('configuration', () => (config.deadlinePolicyJson ? parseDeadlinePolicy(config.deadlinePolicyJson, 'DEADLINE_POLICY') : DEFAULT_DEADLINE_POLICY));
  // Every log event also becomes OpenTelemetry metrics (codes and counts only; a no-op without an SDK).
  const logger = new TelemetryLogger(new JsonLogger(config.logLevel, overrides.logSink));
  const ring: KeyRing = await stageAsync('keys', async () =>
    config.keys.kind === 'file'
      ? loadOrCreateKeyFile(config.keys.path)
      : config.keys.kind === 'keyVault'
        ? await loadKeyRingFromKeyVault(keyVaultSecretSource(config.keys.vaultUrl, managedIdentityCredential(config.managedIdentityClientId)), config.keys.prefix)
        : parseKeyRing(parseJson(config.keys.json), 'KEY_RING'),
  );
  const stored: Repositories = await stageAsync('storage', () =>
    config.storage.kind === 'cosmos'
      ? createCosmosRepositories({
          endpoint: config.storage.endpoint,
          key: config.storage.key,
          // Without a key: the app's managed identity (production, where the account has key auth disabled).
          aadCredentials: config.storage.key ? undefined : managedIdentityCredential(config.managedIdentityClientId),
          databaseId: config.storage.databaseId,
          // Production never creates the database or containers: its identity has a data-plane role only, the deployment declares them.
          containers: config.mode === 'production' ? 'existing' : 'create',
          // A Cosmos-compatible server on this machine (emulator, test server) has no regional endpoints to discover.
          connectionPolicy: isLoopback(new URL(config.storage.endpoint).hostname) ? { enableEndpointDiscovery: false } : undefined,
        })
      : createEmbeddedRepositories(config.storage.dataDir),
  );
  // Each turn delivers the messages it queued itself: the outbox notes them per turn.
  const repos: Repositories = { ...stored, outbox: recordingTurnOutbox(stored.outbox) };

  let structure: JsonDirectory;
  let directory: OrganisationDirectory;
  let central: { id: string };
  let topics: TopicLibrary;
  let helpContacts: readonly HelpContact[];
  try {
    structure = stage('directory', () => loadJsonDirectory(config.directoryFile));
    directory = config.directorySource === 'graph' ? new GraphDirectory({ getToken: graphTokenSource(config.bot), structure }) : structure;
    const found = await findCentralUnit(structure, directory, config);
    if ('problems' in found) throw markUnavailableReason(new ConfigurationError(found.problems), 'directory');
    central = found;
    const knownUnitIds = new Set((await directory.allUnits()).map((unit) => unit.id));
    topics = stage('configuration', () => loadTopicLibrary({ libraryFile: config.topicLibraryFile, unitTopicsDir: config.unitTopicsDir, knownUnitIds }));
    helpContacts = stage('configuration', () => loadHelpContacts(config.helpContactsFile));
  } catch (error) {
    await repos.close();
    throw markUnavailableReason(error, 'directory');
  }
  const clock: DomainClock = overrides.clock ?? (config.mode === 'local' ? new OffsetClock() : systemClock);
  const sleep = overrides.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const adapter = createAdapter(config.bot, { serviceHosts: config.botServiceHosts, allowLoopbackHttp: config.allowLoopbackHttp, logger });
  const messenger = new TeamsProactiveMessenger(adapter, { appId: config.bot.appId, tenantId: config.bot.tenantId, serviceUrl: config.botServiceUrl, sleep });

  // The Teams layer renders notification intents at delivery, from the case as it is then.
  const renderPayload = (payload: unknown): Promise<object | undefined> => renderNotification(services, payload);
  const services: BotServices = {
    repos,
    cipher: new AesGcmContentCipher(ring),
    pseudonyms: new HmacPseudonymizer(ring.pseudonym),
    exclusions: new HmacExclusionMarker(ring.exclusion),
    clock,
    calendar: new WorkingCalendar({ liberationDayOff: config.liberationDayOff }),
    logger,
    randomBytes: overrides.randomBytes ?? ((size) => randomBytes(size)),
    random: overrides.random ?? Math.random,
    sleep,
    directory,
    messenger,
    topics,
    settings: {
      draftTtlDays: config.draftTtlDays,
      centralUnitId: central.id,
      anonymousNoticeDelayMinutes: config.anonymousNoticeDelayMinutes,
      checkInMonths: config.checkInMonths,
      lessonDelayDays: config.lessonDelayDays,
      deadlinePolicy,
    },
    localMode: config.mode === 'local',
    correlationId: () => randomUUID(),
    deliverQueued: (itemIds) => deliverTurnItems(jobs, itemIds, TURN_DELIVERY),
    secretAttempts: new AttemptLimiter(repos.attempts, clock),
    helpContacts,
  };
  const jobs = { ...services, renderPayload };
  const endpoint = createTeamsEndpoint(services, adapter);
  const tab = createTabApi(services, {
    verifyToken:
      config.tab && config.bot.tenantId
        ? createEntraTabTokenVerifier({ authority: config.bot.authority ?? 'https://login.microsoftonline.com', tenantId: config.bot.tenantId, audiences: [config.tab.appIdUri, config.tab.clientId] })
        : undefined,
    // Local mode only (loopback, the local host's opt-in): the developer sign-in picks a person of the directory file.
    developerPeople: config.mode === 'local' ? () => structure.listPeople() : undefined,
  });
  const retention: RetentionPolicy = {
    caseRetentionDays: config.caseRetentionDays,
    auditRetentionDays: config.auditRetentionDays,
    outboxRetentionDays: config.outboxRetentionDays,
    conversationReferenceRetentionDays: config.conversationReferenceRetentionDays,
  };
  /** A job whose messages go out in the same run (a timer that runs once a day or week should not leave them for the next outbox tick). */
  const thenDeliver =
    <T>(work: () => Promise<T>) =>
    async (): Promise<T> => {
      const result = await work();
      await runDelivery(jobs, { timeBudgetMs: 10_000 });
      return result;
    };
  if (config.mode === 'local') logger.warn('local_mode', { note: 'no MicrosoftAppId: unauthenticated activities accepted on loopback only', storage: config.storage.kind });

  /** A timer job in a span of its own (`vm.job`), with its duration. */
  const job = <T>(name: string, work: () => Promise<T>) => () => traced(SPANS.job, { 'vm.job': name }, work);

  return {
    mode: config.mode,
    storageKind: config.storage.kind,
    config,
    logger,
    tab,
    handleActivity: (request) => traced(SPANS.turn, activityCodes(request.body), () => endpoint.handle(request), (response) => ({ 'http.response.status_code': response.status })),
    purgeExpiredDrafts: job('purgeExpiredDrafts', () => purgeExpiredDrafts(services)),
    deliverOutbox: job('deliverOutbox', () => runDelivery(jobs)),
    purgeClosedCases: job('purgeClosedCases', () => runDailyRetention(services, retention)),
    sendCoordinatorDigests: job('sendCoordinatorDigests', thenDeliver(() => sendCoordinatorDigests(services))),
    handOverFromDepartedHandlers: job('handOverFromDepartedHandlers', thenDeliver(() => handOverFromDepartedHandlers(services))),
    sendDueReminders: job('sendDueReminders', thenDeliver(() => sendAllDueReminders(services))),
    postTeamTopics: job('postTeamTopics', thenDeliver(() => postDueTopics(services))),
    advanceClock: config.mode === 'local' && isAdvanceable(clock) ? (milliseconds) => advanceClockAndRunJobs(jobs, clock, milliseconds, retention) : undefined,
    close: () => repos.close(),
  };
}

/** Why a build without MicrosoftAppId is refused outside the local host. */
export const LOCAL_MODE_REFUSED =
  'MicrosoftAppId is not set: unauthenticated local mode is switched on only by the local host (npm start), never by the Functions host. Set MicrosoftAppId and MicrosoftAppTenantId to run in production.';

/** Runs one part of the build, tagging what it throws with that part. */
function stage<T>(reason: UnavailableReason, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw markUnavailableReason(error, reason);
  }
}

async function stageAsync<T>(reason: UnavailableReason, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw markUnavailableReason(error, reason);
  }
}

function isAdvanceable(clock: DomainClock): clock is AdvanceableClock {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

let application: Promise<Application> | undefined;
let pendingOverrides: ApplicationOverrides = {};

/** True when the local host asked for local mode (functions/devClock.ts registers its route only then). */
export function localHostOptedIn(): boolean {
  return pendingOverrides.localHostOptIn === true;
}

/** The process's application, built on first use from `process.env`. */
export function getApplication(): Promise<Application> {
  application ??= startApplication(pendingOverrides);
  return application;
}

/** Builds the application in a `vm.startup` span and counts the outcome (`vm.startups`; the start-up failure alert reads it). */
function startApplication(overrides: ApplicationOverrides): Promise<Application> {
  const startups = metrics.getMeter(OWN_SCOPE).createCounter(METRICS.startups);
  return traced(SPANS.startup, {}, () => createApplication(overrides)).then(
    (built) => {
      startups.add(1, { 'vm.outcome': 'ok' });
      return built;
    },
    (error: unknown) => {
      startups.add(1, { 'vm.outcome': 'failed', 'vm.error': error instanceof Error ? error.name : typeof error });
      throw error;
    },
  );
}

/** Replaces the process's application (tests, the local host): closes the current one, the next `getApplication()` builds anew. */
export async function resetApplication(overrides: ApplicationOverrides = {}): Promise<void> {
  const current = application;
  application = undefined;
  pendingOverrides = overrides;
  if (current) await (await current.catch(() => undefined))?.close();
}
