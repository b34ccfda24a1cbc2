/**
 * The names of the application's OpenTelemetry spans and metrics, and the only attributes they
 * carry: codes, counts and durations. The alerts in infra/modules/monitoring.bicep query these.
 */
/** The instrumentation scope (tracer and meter name) of the application's own spans and metrics. */
export const OWN_SCOPE = 'veilig-melden';

export const METRICS = {
  /** Every use-case event the application logs (case.submitted, case.closed, agenda.posted, …): attribute `vm.event`. */
  events: 'vm.events',
  /** Proactive message deliveries: `vm.outcome` sent | retried | throttled (429) | deferred | failed, `vm.code`. */
  outboxDeliveries: 'vm.outbox.deliveries',
  /** Reminders sent by the reminder timer. */
  reminders: 'vm.reminders.sent',
  /** Escalations of late cases and team actions. */
  escalations: 'vm.reminders.escalations',
  /** Documents deleted by the retention jobs: `vm.purge` cases | drafts | audit | delivery_records | attempts. */
  purged: 'vm.purged',
  /** Application builds: `vm.outcome` ok | failed, `vm.error` the error class. */
  startups: 'vm.startups',
  /** Duration of turns and jobs in milliseconds: `vm.operation`. */
  duration: 'vm.duration',
} as const;

export const SPANS = {
  /** One POST /api/messages: `vm.activity.type`, `vm.activity.name` (invoke names such as task/fetch), `http.response.status_code`. */
  turn: 'vm.turn',
  /** One timer job run (`vm.job`: deliverOutbox, sendDueReminders, purgeClosedCases, …). */
  job: 'vm.job',
  /** Building the application at start-up. */
  startup: 'vm.startup',
} as const;

/** Log fields that are codes and may become attributes (strings matching CODE_VALUE); anything else is dropped. */
export const CODE_FIELDS: ReadonlySet<string> = new Set(['code', 'errorName', 'activityType', 'kind', 'role', 'rule', 'outcome', 'stage', 'clock', 'reason', 'status', 'mode', 'identity', 'storage']);

/** A code: short, no spaces, nothing that could be a sentence. Ids are left out by field name (never in CODE_FIELDS). */
export const CODE_VALUE = /^[A-Za-z0-9_.:/-]{1,48}$/;
