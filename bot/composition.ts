import { randomBytes, randomUUID } from 'node:crypto';
import { AttemptLimiter } from './app/attemptLimiter';
import { deliverOutbox, type DeliveryOptions, type DeliveryReport } from './app/deliverOutbox';
import { flushAllCaseOutboxes } from './app/flushCaseOutbox';
import { purgeExpiredDrafts } from './app/purgeExpiredDrafts';
import { purgeClosedCases } from './app/purgeClosedCases';
import { purgeExpiredAudit } from './app/purgeExpiredAudit';
import { purgeDeliveryRecords } from './app/purgeDeliveryRecords';
import { purgeStaleAttempts } from './app/purgeStaleAttempts';
import { reassignUnreachableHandler } from './app/reassignUnreachableHandler';
import type { Clock, Logger, Repositories } from './app/ports';
import { isLoopback, loadConfig, type Config } from './config';
import { OffsetClock, systemClock, type Clock as DomainClock } from './domain/clock';
import { DEFAULT_DEADLINE_POLICY, parseDeadlinePolicy } from './domain/deadlines/deadlinePolicies';
import { sendDueReminders, type ReminderRun } from './app/sendDueReminders';
import { sendCoordinatorDigests } from './app/sendCoordinatorDigests';
import { handOverFromDepartedHandlers } from './app/handOverFromDepartedHandlers';
import { WorkingCalendar } from './domain/workingCalendar';
import { JsonLogger } from './logging/jsonLogger';
import { AesGcmContentCipher } from './security/aesGcmContentCipher';
import { HmacPseudonymizer } from './security/hmacPseudonymizer';
import type { KeyRing } from './security/keyRing';
import { loadOrCreateKeyFile } from './security/loadOrCreateKeyFile';
import { parseKeyRing } from './security/parseKeyRing';
import { keyVaultSecretSource } from './security/keyVaultSecretSource';
import { loadKeyRingFromKeyVault } from './security/loadKeyRingFromKeyVault';
import { createCosmosRepositories } from './storage/createCosmosRepositories';
import { createEmbeddedRepositories } from './storage/createEmbeddedRepositories';
import type { BridgeRequest, BridgeResponse } from './teams/activityHttpBridge';
import type { BotServices } from './teams/botServices';
import { createAdapter } from './teams/createAdapter';
import { createTeamsEndpoint } from './teams/createTeamsEndpoint';
import { renderNotification } from './teams/renderNotification';
import { TeamsProactiveMessenger } from './teams/teamsProactiveMessenger';
import { loadJsonDirectory } from './directory/jsonDirectory';
import { GraphDirectory } from './directory/graphDirectory';
import type { OrganisationDirectory } from './domain/directory';
import { graphTokenSource } from './teams/graphTokenSource';
import { ConfigurationError } from './domain/errors';
import { loadTopicLibrary } from './agenda/loadTopicLibrary';
import type { HelpContact } from './domain/helpContact';
import { loadHelpContacts } from './help/loadHelpContacts';
import type { TopicLibrary } from './domain/agenda/topic';
import { postDueTopics } from './app/agenda/postDueTopics';
import { sendDueActionReminders, type ActionReminderRun } from './app/agenda/sendDueActionReminders';

/** The running application, as the Functions entry points see it. */
export interface Application {
  mode: 'local' | 'production';
  storageKind: 'embedded' | 'cosmos';
  config: Config;
  logger: Logger;
  /** Handles one POST /api/messages. */
  handleActivity(request: BridgeRequest): Promise<BridgeResponse>;
  purgeExpiredDrafts(): Promise<number>;
  /** The outbox timer: moves messages left in cases, delivers what is due, reroutes cases whose handler cannot be reached. */
  deliverOutbox(): Promise<DeliveryReport>;
  /** Daily: deletes closed cases past CASE_RETENTION_DAYS (each leaving a purge register entry), then finished outbox items and old chat addresses. */
  purgeClosedCases(): Promise<number>;
  /** The reminder timer: reminders before deadlines, escalation after. */
  sendDueReminders(): Promise<ReminderRun & { actions: ActionReminderRun }>;
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

/** What tests (and the local host) may replace. */
export interface ApplicationOverrides {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  randomBytes?: (size: number) => Uint8Array;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logSink?: (line: string) => void;
}

/** Builds the application: the one place that creates clients, repositories and the adapter. */
export async function createApplication(overrides: ApplicationOverrides = {}): Promise<Application> {
  const config = loadConfig(overrides.env ?? process.env);
  const logger = new JsonLogger(config.logLevel, overrides.logSink);
  const ring: KeyRing =
    config.keys.kind === 'file'
      ? loadOrCreateKeyFile(config.keys.path)
      : config.keys.kind === 'keyVault'
        ? await loadKeyRingFromKeyVault(keyVaultSecretSource(config.keys.vaultUrl), config.keys.prefix)
        : parseKeyRing(parseJson(config.keys.json), 'KEY_RING');
  const repos: Repositories =
    config.storage.kind === 'cosmos'
      ? await createCosmosRepositories({
          endpoint: config.storage.endpoint,
          key: config.storage.key,
          databaseId: config.storage.databaseId,
          // A Cosmos-compatible server on this machine (emulator, test server) has no regional endpoints to discover.
          connectionPolicy: isLoopback(new URL(config.storage.endpoint).hostname) ? { enableEndpointDiscovery: false } : undefined,
        })
      : await createEmbeddedRepositories(config.storage.dataDir);

  const structure = loadJsonDirectory(config.directoryFile);
  const directory: OrganisationDirectory =
    config.directorySource === 'graph' ? new GraphDirectory({ getToken: graphTokenSource(config.bot), structure }) : structure;
  const centralUnitId = config.centralUnitId ?? structure.rootUnitIds()[0];
  const central = centralUnitId ? structure.unitById(centralUnitId) : undefined;
  if (!central || (!config.centralUnitId && structure.rootUnitIds().length !== 1)) {
    await repos.close();
    throw new ConfigurationError([`CENTRAL_UNIT_ID: set it to the root unit of ${config.directoryFile} (found ${structure.rootUnitIds().length} units without a parent).`]);
  }
  if ((await directory.holdersOfRole('meldpunt', central.id)).people.length === 0) {
    await repos.close();
    throw new ConfigurationError([`${config.directoryFile}: the central unit "${central.id}" needs at least one "meldpunt" role holder: it is where every case ends up when nobody else can take it.`]);
  }
  let topics: TopicLibrary;
  let helpContacts: readonly HelpContact[];
  try {
    topics = loadTopicLibrary({ libraryFile: config.topicLibraryFile, unitTopicsDir: config.unitTopicsDir, knownUnitIds: new Set((await directory.allUnits()).map((unit) => unit.id)) });
    helpContacts = loadHelpContacts(config.helpContactsFile);
  } catch (error) {
    await repos.close();
    throw error;
  }
  const clock: DomainClock = overrides.clock ?? (config.mode === 'local' ? new OffsetClock() : systemClock);
  const sleep = overrides.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const adapter = createAdapter(config.bot, { serviceHosts: config.botServiceHosts, allowLoopbackHttp: config.allowLoopbackHttp, logger });
  const messenger = new TeamsProactiveMessenger(adapter, { appId: config.bot.appId, tenantId: config.bot.tenantId, serviceUrl: config.botServiceUrl, sleep });

  const services: BotServices = {
    repos,
    cipher: new AesGcmContentCipher(ring),
    pseudonyms: new HmacPseudonymizer(ring.pseudonym),
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
      deadlinePolicy: config.deadlinePolicyJson ? parseDeadlinePolicy(config.deadlinePolicyJson, 'DEADLINE_POLICY') : DEFAULT_DEADLINE_POLICY,
    },
    localMode: config.mode === 'local',
    correlationId: () => randomUUID(),
    deliverSoon: () => runDelivery({ timeBudgetMs: 3_000, maxAttemptsPerRun: 1 }).then(() => undefined),
    secretAttempts: new AttemptLimiter(repos.attempts, clock),
    helpContacts,
  };
  const runDelivery = async (options: DeliveryOptions = {}): Promise<DeliveryReport> => {
    await flushAllCaseOutboxes(services);
    const report = await deliverOutbox({ ...services, renderPayload: (payload) => renderNotification(services, payload) }, options);
    for (const item of report.failed) {
      if (item.onUndeliverable) await reassignUnreachableHandler(services, item);
    }
    return report;
  };
  const endpoint = createTeamsEndpoint(services, adapter);
  const deliveryRetention = { outboxRetentionDays: config.outboxRetentionDays, conversationReferenceRetentionDays: config.conversationReferenceRetentionDays };
  /** The daily retention run: closed cases, then audit entries (after the case purge, whose `purged` entries are new), delivery records, stale attempts. */
  const runRetention = async (): Promise<number> => {
    const removed = await purgeClosedCases(services, { retentionDays: config.caseRetentionDays });
    await purgeExpiredAudit(services, { retentionDays: config.auditRetentionDays });
    await purgeDeliveryRecords(services, deliveryRetention);
    await purgeStaleAttempts(services);
    return removed;
  };
  /** The reminder timer's work: cases' deadlines, then agreed actions' (one deadline engine). */
  const runReminders = async (): Promise<ReminderRun & { actions: ActionReminderRun }> => ({ ...(await sendDueReminders(services)), actions: await sendDueActionReminders(services) });
  const advanceAndRun = async (advanceable: DomainClock & { advance(milliseconds: number): void }, milliseconds: number): Promise<Date> => {
    advanceable.advance(milliseconds);
    await purgeExpiredDrafts(services);
    await runRetention();
    await runReminders();
    await postDueTopics(services);
    await runDelivery();
    return advanceable.now();
  };
  if (config.mode === 'local') logger.warn('local_mode', { note: 'no MicrosoftAppId: unauthenticated activities accepted on loopback only', storage: config.storage.kind });

  return {
    mode: config.mode,
    storageKind: config.storage.kind,
    config,
    logger,
    handleActivity: (request) => endpoint.handle(request),
    purgeExpiredDrafts: () => purgeExpiredDrafts(services),
    deliverOutbox: () => runDelivery(),
    purgeClosedCases: runRetention,
    sendCoordinatorDigests: async () => {
      const sent = await sendCoordinatorDigests(services);
      await runDelivery({ timeBudgetMs: 10_000 });
      return sent;
    },
    handOverFromDepartedHandlers: async () => {
      const moved = await handOverFromDepartedHandlers(services);
      await runDelivery({ timeBudgetMs: 10_000 });
      return moved;
    },
    sendDueReminders: async () => {
      const run = await runReminders();
      await runDelivery({ timeBudgetMs: 10_000 });
      return run;
    },
    postTeamTopics: async () => {
      const posted = await postDueTopics(services);
      await runDelivery({ timeBudgetMs: 10_000 });
      return posted;
    },
    advanceClock: config.mode === 'local' && isAdvanceable(clock) ? (milliseconds) => advanceAndRun(clock, milliseconds) : undefined,
    close: () => repos.close(),
  };
}

function isAdvanceable(clock: DomainClock): clock is DomainClock & { advance(milliseconds: number): void } {
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

/** The process's application, built on first use from `process.env`. */
export function getApplication(): Promise<Application> {
  application ??= createApplication(pendingOverrides);
  return application;
}

/** Replaces the process's application (tests, the local host): closes the current one, the next `getApplication()` builds anew. */
export async function resetApplication(overrides: ApplicationOverrides = {}): Promise<void> {
  const current = application;
  application = undefined;
  pendingOverrides = overrides;
  if (current) await (await current.catch(() => undefined))?.close();
}
