import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigurationError } from './domain/errors';
import { DEFAULT_CHECK_IN_MONTHS, MAX_CHECK_IN_MONTH } from './domain/aftercare/checkIns';
import { DEFAULT_LESSON_DELAY_DAYS } from './domain/lessons/lesson';
import { debugEnablesAgents } from './security/debugEnablesAgents';

/**
 * Every setting, read once from the environment and validated at start-up. Secrets never have
 * defaults. Without `MicrosoftAppId` the bot runs in local mode (unauthenticated, loopback only),
 * and only when the local host (`npm start`) asked for it: the Functions host refuses to start.
 *
 * | env | meaning | default |
 * |---|---|---|
 * | MicrosoftAppId | the bot's Entra app id; its presence switches on production mode | (none: local mode) |
 * | MicrosoftAppPassword | client secret of that app (or use a certificate/managed identity per the Agents SDK) | (none) |
 * | MicrosoftAppTenantId | the tenant the bot serves | (none) |
 * | MicrosoftAppAuthority | production: Entra authority endpoint, an origin only (sovereign clouds, e.g. https://login.microsoftonline.us). Incoming tokens' keys come from `<authority>/<tenant>/discovery/v2.0/keys`, `<authority>/<tenant>/v2.0` is an accepted issuer, and the SDK gets its own tokens there. https only: plain http only for a loopback host when NODE_ENV=test off Azure (test key servers) | https://login.microsoftonline.com |
 * | BOT_SERVICE_HOSTS | production: the only hosts the bot sends to (an activity's serviceUrl, stored chats, new chats), comma-separated; an entry also covers its subdomains, `*.` in front means the same; the host of BOT_SERVICE_URL is always added. Activities naming another serviceUrl are refused | smba.trafficmanager.net,*.botframework.com |
 * | NODE_ENV | `test` lets test doubles on loopback use plain http (MicrosoftAppAuthority, BOT_SERVICE_URL, BOT_SERVICE_HOSTS); ignored on Azure | (none) |
 * | DEBUG | the `debug` package's switch. Production refuses to start when it enables any `agents:*` namespace (also `*`): the Agents SDK logs whole activities, report text included, there | (none) |
 * | HOST | the address the local host binds to; local mode requires loopback | 127.0.0.1 |
 * | COSMOS_ENDPOINT | Cosmos DB account endpoint; when set, Cosmos DB is the store | (none: embedded store) |
 * | COSMOS_KEY | Cosmos DB key (secret); local and test only. Without it the app's managed identity is used (production: key auth is disabled on the account) | (none) |
 * | AZURE_CLIENT_ID | the client id of the app's user-assigned managed identity, used for Cosmos DB and Key Vault; absent: the system-assigned identity | (none) |
 * | COSMOS_DATABASE | database name | veilig-melden |
 * | DATA_DIR | folder of the embedded store and the local key file | ./.data |
 * | KEY_FILE | local mode: the key ring file, created on first start (0600) | DATA_DIR/keys.json |
 * | KEY_RING | production, instead of KEY_VAULT_URL: the whole key ring as JSON (from Key Vault via an app setting reference) | (none) |
 * | KEY_VAULT_URL | production (recommended): the Key Vault holding one secret per key set, `<KEY_VAULT_SECRET_PREFIX>-<purpose>` (content, identity, address, relay, pseudonym, exclusion), each `{ "active": "<kid>", "keys": { "<kid>": "<base64 32 bytes>" } }`, read at start-up with the app's managed identity (AZURE_CLIENT_ID: a user-assigned one's client id). https only (plain http only for a loopback host when NODE_ENV=test off Azure) | (none) |
 * | KEY_VAULT_SECRET_PREFIX | the first part of those secret names: lower-case letters, digits and -, at most 40 | vm-keys |
 * | DRAFT_TTL_DAYS | days a draft is kept after its last change | 14 |
 * | DRAFT_PURGE_SCHEDULE | NCRONTAB schedule of the draft purge timer | 0 15 3 * * * |
 * | LIBERATION_DAY_OFF | count 5 May as a day off every year (Rijksoverheid) | true |
 * | DIRECTORY_FILE | the organisation directory (units, roles, people, teams), JSON | config/directory.demo.json (local mode only) |
 * | DIRECTORY_SOURCE | `file` (people, managers and roles from DIRECTORY_FILE) or `graph` (people and manager chains from Microsoft Graph with the bot's app registration; units, roles and teams still from DIRECTORY_FILE); graph needs production mode | file |
 * | TOPIC_LIBRARY_FILE | the team-meeting topic library (werkoverleg), JSON checked at start-up | config/topics/library.json |
 * | HELP_CONTACTS_FILE | where a reporter gets help right now (112 first, then e.g. the Koninklijke Marechaussee, duty officer, BMW, chaplaincy, counsellors, company doctor), JSON checked at start-up | config/help.demo.json |
 * | UNIT_TOPICS_DIR | folder of the units' own topic files (`*.json`, see config/topics/units/README.md); a missing folder means none | config/topics/units |
 * | TEAM_TOPICS_SCHEDULE | NCRONTAB schedule of the timer that posts topics to team channels | 0 *\/15 * * * * |
 * | CENTRAL_UNIT_ID | the root unit, whose Meldpunt is the last resort | the directory's only unit without a parent |
 * | BOT_SERVICE_URL | Bot Connector URL for chats the bot opens itself | https://smba.trafficmanager.net/teams/ |
 * | OUTBOX_SCHEDULE | NCRONTAB schedule of the proactive message sender | 0 * * * * * |
 * | DEADLINE_POLICY | follow-up clocks, reminder stages and escalation as JSON (see bot/domain/deadlines) | DOMAIN.md defaults |
 * | REMINDER_SCHEDULE | NCRONTAB schedule of the reminder timer | 0 *\/5 * * * * |
 * | DIGEST_SCHEDULE | NCRONTAB schedule of the coordinators' weekly digest | 0 0 7 * * 1 |
 * | HANDOVER_CHECK_SCHEDULE | NCRONTAB schedule of the daily check for handlers who left | 0 30 5 * * * |
 * | CASE_RETENTION_DAYS | days a closed case is kept after closing; then deleted, leaving a purge register entry (at least 365) | 1826 |
 * | OUTBOX_RETENTION_DAYS | days a finished (sent, failed) proactive message record is kept, then deleted by the daily purge | 90 |
 * | CONVERSATION_REFERENCE_RETENTION_DAYS | days a 1:1 chat address is kept when it has not changed; then forgotten (the bot reopens the chat when needed) | 365 |
 * | CASE_PURGE_SCHEDULE | NCRONTAB schedule of the closed-case purge timer | 0 45 3 * * * |
 * | AUDIT_RETENTION_DAYS | days an audit entry (who did what on which case, when) is kept; then deleted by the same daily purge. At least CASE_RETENTION_DAYS, so a case never outlives its audit | 3653 |
 * | ANONYMOUS_NOTICE_DELAY_MINUTES | notices to anonymous reporters wait a random time up to this | 120 |
 * | CHECK_IN_MONTHS | months after a case closes at which its reporter gets an aftercare check-in (comma-separated, each 1–36; `none`: no check-ins) | 1,3,6,12 |
 * | LESSON_DELAY_DAYS | days after a case closed before an approved lesson from it may go on the team agenda (7–365) | 30 |
 * | LOG_LEVEL | info, warn, error or silent | info |
 * | TAB_APP_ID_URI | the Teams tab's Application ID URI, `api://<host>/<client id>` (the client id is MicrosoftAppId: the bot's registration exposes the tab's scope `access_as_user`). Tab API tokens must have this or the client id as audience. Absent in production: the tab API refuses every call (503 `tab_not_configured`) | (none) |
 */
export interface Config {
  mode: 'local' | 'production';
  /** `authority`: MicrosoftAppAuthority (an origin), absent for the SDK's default (public cloud). */
  bot: { appId?: string; appPassword?: string; tenantId?: string; authority?: string };
  host: string;
  storage: { kind: 'cosmos'; endpoint: string; key?: string; databaseId: string } | { kind: 'embedded'; dataDir: string };
  keys: { kind: 'file'; path: string } | { kind: 'inline'; json: string } | { kind: 'keyVault'; vaultUrl: string; prefix: string };
  draftTtlDays: number;
  draftPurgeSchedule: string;
  liberationDayOff: boolean;
  directoryFile: string;
  directorySource: 'file' | 'graph';
  topicLibraryFile: string;
  unitTopicsDir: string;
  /** The organisation's help file: ways to get help right now (see bot/help). */
  helpContactsFile: string;
  centralUnitId?: string;
  botServiceUrl: string;
  /** Production: the outbound host allowlist (SDK notation), BOT_SERVICE_URL's host included. */
  botServiceHosts: string[];
  /** NODE_ENV=test off Azure: plain http to loopback test doubles (key server, fake connector) is allowed. */
  allowLoopbackHttp: boolean;
  outboxSchedule: string;
  anonymousNoticeDelayMinutes: number;
  /** CHECK_IN_MONTHS: months after closing at which the reporter is checked in with (nazorg); empty: none. */
  checkInMonths: readonly number[];
  /** LESSON_DELAY_DAYS: days after closing before an approved lesson may go on the team agenda. */
  lessonDelayDays: number;
  caseRetentionDays: number;
  /** AUDIT_RETENTION_DAYS: days an audit entry is kept (≥ caseRetentionDays). */
  auditRetentionDays: number;
  outboxRetentionDays: number;
  conversationReferenceRetentionDays: number;
  /** Raw JSON; validated by the deadline policy schema when the application is built. */
  deadlinePolicyJson?: string;
  logLevel: 'info' | 'warn' | 'error' | 'silent';
  /** AZURE_CLIENT_ID: the user-assigned managed identity (Cosmos DB without a key, Key Vault); absent: system-assigned. */
  managedIdentityClientId?: string;
  /** The tab's sign-in (TAB_APP_ID_URI): the audiences a tab API token may have; absent when the tab is not configured. */
  tab?: { appIdUri: string; clientId: string };
}

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((value) => (value === undefined ? undefined : ['true', '1', 'yes'].includes(value)));

const envSchema = z.object({
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppAuthority: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  BOT_SERVICE_HOSTS: optionalText,
  NODE_ENV: optionalText,
  DEBUG: optionalText,
  HOST: optionalText,
  COSMOS_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  COSMOS_KEY: optionalText,
  AZURE_CLIENT_ID: optionalText,
  COSMOS_DATABASE: optionalText.pipe(z.string().regex(/^[A-Za-z0-9-_]{1,255}$/).optional()),
  DATA_DIR: optionalText,
  KEY_FILE: optionalText,
  KEY_RING: optionalText,
  KEY_VAULT_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  KEY_VAULT_SECRET_PREFIX: optionalText.pipe(z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and -, at most 40').optional()),
  DRAFT_TTL_DAYS: optionalText.pipe(z.string().regex(/^\d+$/, 'a whole number of days').transform(Number).pipe(z.number().int().min(1).max(365)).optional()),
  DRAFT_PURGE_SCHEDULE: optionalText.pipe(z.string().regex(/^\S+( \S+){5}$/, 'six NCRONTAB fields, seconds first').optional()),
  LIBERATION_DAY_OFF: booleanText,
  DIRECTORY_FILE: optionalText,
  DIRECTORY_SOURCE: optionalText.pipe(z.enum(['file', 'graph']).optional()),
  TOPIC_LIBRARY_FILE: optionalText,
  HELP_CONTACTS_FILE: optionalText,
  UNIT_TOPICS_DIR: optionalText,
  DEADLINE_POLICY: optionalText,
  // At least a year: a typo such as 18 would otherwise delete cases closed 18 days ago, for good.
  CASE_RETENTION_DAYS: optionalText.pipe(z.string().regex(/^\d+$/, 'a whole number of days').transform(Number).pipe(z.number().int().min(365).max(36500)).optional()),
  AUDIT_RETENTION_DAYS: optionalText.pipe(z.string().regex(/^\d+$/, 'a whole number of days').transform(Number).pipe(z.number().int().min(365).max(36500)).optional()),
  OUTBOX_RETENTION_DAYS: optionalText.pipe(z.string().regex(/^\d+$/, 'a whole number of days').transform(Number).pipe(z.number().int().min(7).max(3650)).optional()),
  CONVERSATION_REFERENCE_RETENTION_DAYS: optionalText.pipe(z.string().regex(/^\d+$/, 'a whole number of days').transform(Number).pipe(z.number().int().min(30).max(3650)).optional()),
  CENTRAL_UNIT_ID: optionalText,
  BOT_SERVICE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OUTBOX_SCHEDULE: optionalText.pipe(z.string().regex(/^\S+( \S+){5}$/, 'six NCRONTAB fields, seconds first').optional()),
  ANONYMOUS_NOTICE_DELAY_MINUTES: optionalText.pipe(z.string().regex(/^\d+$/, 'a whole number of minutes').transform(Number).pipe(z.number().int().min(0).max(1440)).optional()),
  CHECK_IN_MONTHS: optionalText.pipe(
    z
      .string()
      .regex(/^(none|\d{1,2}( *, *\d{1,2})*)$/, 'comma-separated whole months (e.g. 1,3,6,12), or none')
      .transform((value) => (value === 'none' ? [] : value.split(',').map((part) => Number(part.trim()))))
      .pipe(z.array(z.number().int().min(1, 'at least 1 month').max(MAX_CHECK_IN_MONTH, `at most ${MAX_CHECK_IN_MONTH} months`)).max(12, 'at most 12 check-ins'))
      .optional(),
  ),
  LESSON_DELAY_DAYS: optionalText.pipe(z.string().regex(/^\d+$/, 'a whole number of days').transform(Number).pipe(z.number().int().min(7).max(365)).optional()),
  LOG_LEVEL: optionalText.pipe(z.enum(['info', 'warn', 'error', 'silent']).optional()),
  WEBSITE_INSTANCE_ID: optionalText,
  TAB_APP_ID_URI: optionalText,
});

/** Every setting `loadConfig` reads (the README's settings table lists each; a test keeps them in step). */
export const SETTING_NAMES: readonly string[] = Object.keys(envSchema.shape);

/** Where Teams' Bot Connector lives: the service URLs Teams puts in activities (`https://smba.trafficmanager.net/<region>/`) and the Bot Framework's own hosts. */
export const DEFAULT_BOT_SERVICE_HOSTS: readonly string[] = ['smba.trafficmanager.net', '*.botframework.com'];

/**
 * Environment variables that the Azure Functions host (in Azure and under Core Tools), App
 * Service, Container Apps or a managed identity set. With any of them present, unauthenticated
 * local mode is refused even when the local host asked for it: a second line behind the opt-in
 * (`ApplicationOverrides.localHostOptIn`), which only `npm start` gives.
 */
export const AZURE_HOST_INDICATORS: readonly string[] = [
  'WEBSITE_INSTANCE_ID',
  'WEBSITE_SITE_NAME',
  'WEBSITE_HOSTNAME',
  'FUNCTIONS_EXTENSION_VERSION',
  'AzureWebJobsScriptRoot',
  'CONTAINER_APP_NAME',
  'IDENTITY_ENDPOINT',
  'MSI_ENDPOINT',
];

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/** Reads and validates the configuration; throws ConfigurationError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const mode = e.MicrosoftAppId ? 'production' : 'local';
  const host = e.HOST ?? '127.0.0.1';
  const dataDir = resolve(e.DATA_DIR ?? '.data');
  // Only a test run on a developer's or CI machine may point Microsoft's services at plain-http loopback doubles.
  const allowLoopbackHttp = e.NODE_ENV === 'test' && !e.WEBSITE_INSTANCE_ID;
  const botServiceUrl = e.BOT_SERVICE_URL ?? 'https://smba.trafficmanager.net/teams/';

  if (mode === 'local') {
    if (!isLoopback(host)) problems.push(`HOST=${host}: without MicrosoftAppId the bot accepts unauthenticated requests, so it only runs on loopback (127.0.0.1). Set MicrosoftAppId, or bind to 127.0.0.1.`);
    const azure = AZURE_HOST_INDICATORS.filter((name) => (env[name] ?? '').trim() !== '');
    if (azure.length > 0) problems.push(`MicrosoftAppId is not set, but this looks like an Azure or Functions host (${azure.join(', ')} set): local (unauthenticated) mode is refused here.`);
    if (e.KEY_VAULT_URL) problems.push('KEY_VAULT_URL is read with the app\'s managed identity, which local mode does not have: locally the key file (KEY_FILE) is used.');
    if (e.COSMOS_ENDPOINT && !e.COSMOS_KEY) problems.push('COSMOS_ENDPOINT without COSMOS_KEY: Cosmos DB is then reached with the app\'s managed identity, which local mode does not have; set COSMOS_KEY (emulator) or leave COSMOS_ENDPOINT out for the embedded store.');
  } else {
    if (!e.MicrosoftAppTenantId) problems.push('MicrosoftAppTenantId is required with MicrosoftAppId.');
    if (!e.COSMOS_ENDPOINT) problems.push('COSMOS_ENDPOINT is required in production: the embedded store is for one local process only.');
    if (!e.KEY_VAULT_URL && !e.KEY_RING) problems.push('KEY_VAULT_URL (recommended: one secret per key set, read with the app\'s managed identity) or KEY_RING (the key ring JSON, from Key Vault) is required in production.');
    if (!e.DIRECTORY_FILE) problems.push('DIRECTORY_FILE is required in production: the demo organisation is for local runs only.');
    problems.push(...productionSecurityProblems(e, allowLoopbackHttp));
  }
  if (e.KEY_VAULT_URL && e.KEY_RING) problems.push('KEY_VAULT_URL and KEY_RING are both set: keep one source of keys (KEY_VAULT_URL), so it is clear which keys seal new data.');
  if (e.DIRECTORY_SOURCE === 'graph' && mode === 'local') problems.push('DIRECTORY_SOURCE=graph needs the bot\'s app registration (MicrosoftAppId): in local mode use the directory file.');
  // The audit of a case must be there as long as the case is: its purge is itself an audit entry.
  if ((e.AUDIT_RETENTION_DAYS ?? 3653) < (e.CASE_RETENTION_DAYS ?? 1826)) {
    problems.push(`AUDIT_RETENTION_DAYS (${e.AUDIT_RETENTION_DAYS ?? 3653}) must be at least CASE_RETENTION_DAYS (${e.CASE_RETENTION_DAYS ?? 1826}): the audit of a case must outlive the case.`);
  }
  // A check-in needs its case: none may fall (by whole 30-day months) after the closed case is purged.
  const lastCheckInMonth = Math.max(0, ...(e.CHECK_IN_MONTHS ?? DEFAULT_CHECK_IN_MONTHS));
  if (lastCheckInMonth * 30 > (e.CASE_RETENTION_DAYS ?? 1826)) {
    problems.push(`CHECK_IN_MONTHS: the last check-in (${lastCheckInMonth} months) falls after CASE_RETENTION_DAYS (${e.CASE_RETENTION_DAYS ?? 1826}), when the closed case is already deleted.`);
  }
  const tab = e.TAB_APP_ID_URI ? readTabAppIdUri(e.TAB_APP_ID_URI, e.MicrosoftAppId, problems) : undefined;
  if (problems.length > 0) throw new ConfigurationError(problems);

  return {
    mode,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, tenantId: e.MicrosoftAppTenantId, authority: e.MicrosoftAppAuthority ? new URL(e.MicrosoftAppAuthority).origin : undefined },
    host,
    storage: e.COSMOS_ENDPOINT
      ? { kind: 'cosmos', endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, databaseId: e.COSMOS_DATABASE ?? 'veilig-melden' }
      : { kind: 'embedded', dataDir },
    keys: e.KEY_VAULT_URL
      ? { kind: 'keyVault', vaultUrl: e.KEY_VAULT_URL, prefix: e.KEY_VAULT_SECRET_PREFIX ?? 'vm-keys' }
      : e.KEY_RING ? { kind: 'inline', json: e.KEY_RING } : { kind: 'file', path: resolve(e.KEY_FILE ?? join(dataDir, 'keys.json')) },
    draftTtlDays: e.DRAFT_TTL_DAYS ?? 14,
    draftPurgeSchedule: e.DRAFT_PURGE_SCHEDULE ?? '0 15 3 * * *',
    liberationDayOff: e.LIBERATION_DAY_OFF ?? true,
    directorySource: e.DIRECTORY_SOURCE ?? 'file',
    directoryFile: resolve(e.DIRECTORY_FILE ?? join('config', 'directory.demo.json')),
    topicLibraryFile: resolve(e.TOPIC_LIBRARY_FILE ?? join('config', 'topics', 'library.json')),
    unitTopicsDir: resolve(e.UNIT_TOPICS_DIR ?? join('config', 'topics', 'units')),
    helpContactsFile: resolve(e.HELP_CONTACTS_FILE ?? join('config', 'help.demo.json')),
    centralUnitId: e.CENTRAL_UNIT_ID,
    botServiceUrl,
    botServiceHosts: [...splitHosts(e.BOT_SERVICE_HOSTS ?? DEFAULT_BOT_SERVICE_HOSTS.join(',')), new URL(botServiceUrl).hostname],
    allowLoopbackHttp,
    outboxSchedule: e.OUTBOX_SCHEDULE ?? '0 * * * * *',
    anonymousNoticeDelayMinutes: e.ANONYMOUS_NOTICE_DELAY_MINUTES ?? 120,
    checkInMonths: e.CHECK_IN_MONTHS ?? DEFAULT_CHECK_IN_MONTHS,
    lessonDelayDays: e.LESSON_DELAY_DAYS ?? DEFAULT_LESSON_DELAY_DAYS,
    deadlinePolicyJson: e.DEADLINE_POLICY,
    caseRetentionDays: e.CASE_RETENTION_DAYS ?? 1826,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS ?? 3653,
    outboxRetentionDays: e.OUTBOX_RETENTION_DAYS ?? 90,
    conversationReferenceRetentionDays: e.CONVERSATION_REFERENCE_RETENTION_DAYS ?? 365,
    logLevel: e.LOG_LEVEL ?? 'info',
    managedIdentityClientId: e.AZURE_CLIENT_ID,
    tab,
  };
}

const TAB_APP_ID_URI = /^api:\/\/([a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * TAB_APP_ID_URI: `api://<host>/<client id>`, as Teams requires for single sign-on. The client id
 * must be MicrosoftAppId, whose registration the manifest's `webApplicationInfo` names (locally,
 * without an app id, any GUID: tests sign tokens for it).
 */
function readTabAppIdUri(value: string, appId: string | undefined, problems: string[]): { appIdUri: string; clientId: string } | undefined {
  const match = TAB_APP_ID_URI.exec(value);
  if (!match) {
    problems.push('TAB_APP_ID_URI must be api://<host>/<client id> (the Application ID URI of the tab\'s Entra app, e.g. api://veilig-melden.example.net/00000000-0000-0000-0000-000000000000).');
    return undefined;
  }
  const clientId = match[4].toLowerCase();
  if (appId && clientId !== appId.toLowerCase()) {
    problems.push('TAB_APP_ID_URI must end in MicrosoftAppId: the manifest\'s webApplicationInfo names the bot\'s registration, which exposes the tab\'s scope access_as_user.');
    return undefined;
  }
  return { appIdUri: value, clientId };
}

/** A BOT_SERVICE_HOSTS entry: a DNS name (optionally `*.` in front) or an IPv4 address. */
const HOST_ENTRY = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

function splitHosts(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Production's checks on where tokens come from and where the bot sends: each is a way to leak
 * reports or accept forged activities if misconfigured, so start-up is refused instead.
 */
function productionSecurityProblems(
  e: { MicrosoftAppAuthority?: string; BOT_SERVICE_URL?: string; BOT_SERVICE_HOSTS?: string; DEBUG?: string; KEY_VAULT_URL?: string },
  allowLoopbackHttp: boolean,
): string[] {
  const problems: string[] = [];
  // Plain http is tolerable only where nobody else is on the wire: a loopback test double in a test run.
  const insecure = (url: URL) => url.protocol !== 'https:' && !(allowLoopbackHttp && url.protocol === 'http:' && isLoopback(url.hostname));

  if (e.MicrosoftAppAuthority) {
    const authority = new URL(e.MicrosoftAppAuthority);
    if (authority.username || authority.password || authority.search || authority.hash || (authority.pathname !== '/' && authority.pathname !== '')) {
      problems.push('MicrosoftAppAuthority: give the origin only (e.g. https://login.microsoftonline.us); the tenant comes from MicrosoftAppTenantId, so tokens of another tenant cannot slip in through the path.');
    }
    if (insecure(authority)) problems.push('MicrosoftAppAuthority must use https: the keys that accept or refuse every incoming token are fetched there.');
  }
  if (e.BOT_SERVICE_URL && insecure(new URL(e.BOT_SERVICE_URL))) problems.push('BOT_SERVICE_URL must use https in production: the bot sends its access token there.');
  if (e.KEY_VAULT_URL && insecure(new URL(e.KEY_VAULT_URL))) problems.push('KEY_VAULT_URL must use https: the app sends its managed identity token there and receives every key.');
  for (const entry of splitHosts(e.BOT_SERVICE_HOSTS ?? '')) {
    const bare = entry.replace(/^\*\./, '');
    if (!HOST_ENTRY.test(entry) && isIP(entry) !== 4) {
      problems.push(`BOT_SERVICE_HOSTS: "${entry}" is not a host name (no scheme, port or path; an optional "*." in front).`);
    } else if (isIP(bare) !== 0 || bare.toLowerCase() === 'localhost') {
      if (!(allowLoopbackHttp && isLoopback(bare))) problems.push(`BOT_SERVICE_HOSTS: "${entry}": the Bot Connector is reached by name; addresses and localhost are for test runs only.`);
    } else if (!bare.includes('.')) {
      problems.push(`BOT_SERVICE_HOSTS: "${entry}" would allow a whole top-level domain.`);
    }
  }
  // The debug package reads the process's own DEBUG, whatever settings the application was built from.
  if (debugEnablesAgents(e.DEBUG) || debugEnablesAgents(process.env.DEBUG)) {
    problems.push('DEBUG enables the Agents SDK\'s loggers (agents:*), which write whole activities, report text included: remove them from DEBUG in production.');
  }
  return problems;
}
