/**
 * The ports the use cases depend on. Implementations live in bot/storage (Cosmos DB and the
 * embedded file store), bot/security (encryption) and bot/teams (sending).
 *
 * Records hold no plaintext report content or reporter identity: those travel as `Sealed`
 * values produced by a `ContentCipher`, and people are found through keyed pseudonyms
 * (`Pseudonymizer`), never by their Teams or Entra ids.
 */
import type { CaseOutcome, CaseState } from '../domain/caseLifecycle';
import type { CaseMessageAuthor, CaseMessageKind } from '../domain/caseMessageKind';
import type { Locale } from '../domain/locale';
import type { Category, IdentityMode, ManagerInvolved, RequestKind, WizardStep } from '../domain/report';
import type { TeamSettings } from '../domain/agenda/teamSettings';
import type { AftercareRecord, RetaliationLink } from './aftercare/aftercareRecord';
import type { LessonStatus } from '../domain/lessons/lesson';
import type { LessonRecord } from './lessons/lessonRecord';

export type { Clock } from '../domain/clock';

/** One page of a listing. Pass `continuationToken` back to get the next page; absent on the last one. */
export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

export interface PageRequest {
  limit?: number;
  continuationToken?: string;
}

/** A stored value with the ETag to replace it with. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** An encrypted value: AES-256-GCM, with the id of the key that sealed it. */
export interface Sealed {
  /** Key id. */
  kid: string;
  /** Base64 initialisation vector (12 bytes). */
  iv: string;
  /** Base64 authentication tag (16 bytes). */
  tag: string;
  /** Base64 ciphertext. */
  ct: string;
}

/**
 * What a key is for: keys are separate so that one leaked key does not open everything.
 * 'address' seals conversation references; 'relay' seals the address of anonymous reporters,
 * so that holding the address key alone cannot link an anonymous case to a chat.
 */
export type KeyPurpose = 'content' | 'identity' | 'address' | 'relay';

/**
 * Seals and opens JSON values. `context` is bound to the ciphertext (GCM additional data),
 * typically the id of the record that holds it, so a sealed value cannot be moved to another record.
 */
export interface ContentCipher {
  seal(purpose: KeyPurpose, value: unknown, context: string): Sealed;
  open<T>(purpose: KeyPurpose, sealed: Sealed, context: string): T;
}

/**
 * The people who may never handle a case, kept as keyed hashes (HMAC-SHA-256 of case id + person
 * id under the key ring's own 'exclusion' key), so the record answers "may this person handle this
 * case?" without listing who is excluded to whoever holds the content key or the database. The
 * marks are padded with random ones to a multiple of {@link EXCLUSION_MARK_BLOCK}, so their number
 * does not tell how long the reporter's manager chain is.
 */
export interface ExclusionMarker {
  /** The marks of `personIds` for one case, under the active key. */
  mark(caseId: string, personIds: readonly string[]): ExclusionMarks;
  /** Whether `personId` is one of the people marked (false when the key named by `marks.kid` is no longer in the ring). */
  isMarked(caseId: string, personId: string, marks: ExclusionMarks): boolean;
}

/** What `ExclusionMarker.mark` gives: the key id and the (padded, unordered) marks. */
export interface ExclusionMarks {
  kid: string;
  marks: string[];
}

/** Marks are padded to a multiple of this many. */
export const EXCLUSION_MARK_BLOCK = 16;

/** Turns an identifier (a Teams/Entra user id) into a stable keyed pseudonym (HMAC), so lookups never store the id itself. */
export interface Pseudonymizer {
  /** Kinds are domain-separated: the same input gives unrelated outputs per kind. 'secret' derives an anonymous reporter's follow-up secret from the case id; 'audit' seals audit entries (a MAC). */
  pseudonym(kind: 'user' | 'conversation' | 'secret' | 'audit', id: string): string;
}

// ---------------------------------------------------------------------------------------------
// Drafts

/** A report being written: one per user, found by the user's pseudonym. */
export interface DraftRecord {
  /** The owner's pseudonym (`Pseudonymizer.pseudonym('user', aadObjectId)`). */
  id: string;
  /** Random id of this draft; a submitted draft's case id is derived from it (idempotent submit). */
  draftId: string;
  step: WizardStep;
  locale: Locale;
  /** `ReportAnswers`, sealed with purpose 'content' and context = draftId. */
  sealedAnswers: Sealed;
  createdAt: string;
  updatedAt: string;
  /** ISO time after which the draft is deleted. */
  expiresAt: string;
}

export interface DraftRepository {
  get(ownerKey: string): Promise<Versioned<DraftRecord> | undefined>;
  /** Creates when `etag` is absent (ConflictError if one exists), else replaces if unchanged (ConcurrencyError if not). */
  save(draft: DraftRecord, etag?: string): Promise<Versioned<DraftRecord>>;
  /** Deletes; no error when it is already gone. */
  delete(ownerKey: string): Promise<void>;
  /** Drafts whose `expiresAt` is at or before `now`, oldest first. */
  listExpired(now: string, page?: PageRequest): Promise<Page<DraftRecord>>;
}

// ---------------------------------------------------------------------------------------------
// Cases

/** One entry of a case's append-only history (the "centrale registratie"). Holds no report content. */
export interface CaseEvent {
  at: string;
  /** 'reporter', 'system', or a handler's pseudonym. */
  actor: string;
  type: string;
  detail?: Record<string, string>;
}

/** A case: one document, replaced as a whole with its ETag. */
export interface CaseRecord {
  /** Opaque id, derived from the draft id (so the same submit twice yields the same id). */
  id: string;
  /** Human reference such as VM-7K3Q-9DX2. Unique. */
  reference: string;
  kind: RequestKind;
  categories: Category[];
  identity: IdentityMode;
  managerInvolved: ManagerInvolved;
  preferMeldpunt: boolean;
  state: CaseState;
  /** The reporter's language, for notices. */
  locale: Locale;
  receivedAt: string;
  /** Pseudonym of the reporter, so they can list their cases. Absent for anonymous reports. */
  reporterKey?: string;
  /** `{ aadObjectId, name }` sealed with purpose 'identity'. Absent for anonymous reports. */
  sealedReporter?: Sealed;
  /** Anonymous reports: the opaque id of the sealed address used to reach the reporter. */
  relayId?: string;
  /** The report's narrative (involved, date, place, description, support answers), sealed with purpose 'content', context = id. */
  sealedContent: Sealed;
  /** The routing decision: handler role and the rule that chose it. */
  routing?: { role: string; rule: string; fallback?: string };
  /** ISO time by which the reporter hears from the handler at the latest. */
  firstResponseDueAt?: string;
  history: CaseEvent[];
  /** The reporter's unit (the central unit when unknown), for routing and counts. */
  unitId?: string;
  /** Who handles the case now. */
  assignment?: CaseAssignment;
  /** Pseudonym of the assigned handler (lookups, authorisation); kept equal to the assignment. */
  handlerKey?: string;
  /** False once closed: an indexed field for the open cases of a handler. */
  isOpen?: boolean;
  /** The follow-up clocks (legal and policy deadlines) of the case. */
  clocks?: CaseClockRecord[];
  /** Keys (`clock:stage:n`) of reminders and escalations already sent or skipped: each goes out once. */
  remindersDone?: string[];
  /** The earliest reminder or escalation moment not yet done; absent when none (closed, or all done). Indexed. */
  nextDueAt?: string;
  /** How far the case has escalated (0 = not). */
  escalationLevel?: number;
  /** A second postponement of a klacht decision waiting for the complainant's consent; the reason is in the sealed messages. */
  pendingExtension?: { days: number; requestedAt: string; proposedDueAt: string };
  /**
   * Legacy (cases stored before exclusion marks): `{ excluded: string[] }` (Entra ids, the
   * reporter's included), sealed 'content', context `<id>:exclusions`. Still honoured when read;
   * new cases keep `exclusionMarks` instead.
   */
  sealedExclusions?: Sealed;
  /**
   * Who may never handle or see the case, as keyed hashes (`ExclusionMarker`): the manager chain
   * when the manager may be involved, people named as involved at routing, and — for named and
   * confidential reports only — the reporter. An anonymous case keeps no reporter identifier at all.
   */
  exclusionMarks?: ExclusionMarks;
  /** `CaseMessage[]` between handler and reporter, sealed 'content', context `<id>:messages`. */
  sealedMessages?: Sealed;
  /** The handler asked a question the reporter has not answered yet. */
  openQuestion?: boolean;
  /**
   * Confidential reports: the last request of a handler to learn who reported (Wet bescherming
   * klokkenluiders art. 1a; EU 2019/1937 art. 16). The reason is in the sealed messages, never here.
   */
  identityRequest?: { state: 'pending' | 'accepted' | 'refused'; requestedAt: string; /** Pseudonym of the handler who asked. */ handlerKey: string; answeredAt?: string };
  /** Confidential reports: pseudonyms of the handlers the reporter allowed to see their name (only they, not a later handler). */
  identityDisclosedTo?: string[];
  acknowledgedAt?: string;
  closedAt?: string;
  outcome?: CaseOutcome;
  /** The reporter's answers to the two closing questions (1–5), for the insights; never shown to the handler. */
  feedback?: { takenSeriously?: number; wouldReportAgain?: number; at: string };
  /**
   * Proactive messages caused by the last change, written in the same document write (so a
   * state change and its notifications cannot come apart), then moved to the outbox.
   */
  pendingOutbox?: OutboxItem[];
  /** Number of `pendingOutbox` items: an indexed field for the timer that moves them. */
  pendingOutboxCount?: number;
  /** How many `history` entries are already in the audit record (`AuditRepository`); absent: none. */
  auditedCount?: number;
  /** Indexed: the history grew since the last copy to the audit record (set in the same write; cleared when copied). */
  auditPending?: boolean;
  /**
   * `Record<pseudonym, CaseActor>` of the staff who can appear as actors in the history (handlers
   * assigned, coordinators who handed the case over), sealed 'identity', context `<id>:actors`:
   * so the audit can name them without storing names in plain text.
   */
  sealedActors?: Sealed;
  /** Closed cases: the check-ins with the reporter (nazorg); see bot/app/aftercare. */
  aftercare?: AftercareRecord;
  /** The next check-in moment; absent when none is left or they were stopped. Indexed. */
  nextCheckInAt?: string;
  /** A retaliation case (benadeling): the case whose reporter met negative consequences. */
  retaliationOf?: RetaliationLink;
  /** Closed cases: the lesson the handler proposed for the team agenda (see bot/app/lessons). */
  lesson?: LessonRecord;
  /** The lesson's status, indexed (coordinators' review, the agenda's approved lessons). */
  lessonStatus?: LessonStatus;
}

/** A staff member who acted on a case, as kept in `CaseRecord.sealedActors`. */
export interface CaseActor {
  userId: string;
  name: string;
  role: 'handler' | 'coordinator';
}

/** A follow-up clock as stored with the case (see bot/domain/deadlines). */
export interface CaseClockRecord {
  clock: string;
  startedAt: string;
  dueAt: string;
  stoppedAt?: string;
  extensions?: { days: number; reason: string; at: string; consented?: boolean }[];
}

/** What `CaseRecord.sealedContent` holds once opened: the report's narrative and support answers. */
export interface SealedCaseContent {
  involved?: string;
  incidentDate?: string;
  location?: string;
  description: string;
  wantsCounsellorContact: boolean;
  immediateDanger: boolean;
}

/** The person handling a case, and in which role and unit. */
export interface CaseAssignment {
  role: string;
  unitId: string;
  /** `{ userId, name }` of the handler, sealed 'identity', context `<caseId>:handler`. */
  sealedHandler: Sealed;
  since: string;
}

/** A message between handler and reporter (stored sealed in the case). */
export interface CaseMessage {
  from: CaseMessageAuthor;
  kind: CaseMessageKind;
  at: string;
  text: string;
}

export interface CaseRepository {
  /** ConflictError if a case with this id exists. */
  create(record: CaseRecord): Promise<Versioned<CaseRecord>>;
  get(id: string): Promise<Versioned<CaseRecord> | undefined>;
  /** ConcurrencyError if the case changed since `etag`. */
  replace(record: CaseRecord, etag: string): Promise<Versioned<CaseRecord>>;
  findByReference(reference: string): Promise<Versioned<CaseRecord> | undefined>;
  /** The case whose `relayId` this is (retention: a relay address whose case never came is purged). */
  findByRelayId(relayId: string): Promise<Versioned<CaseRecord> | undefined>;
  /** The reporter's own cases, newest first. */
  listByReporter(reporterKey: string, page?: PageRequest): Promise<Page<CaseRecord>>;
  /** Cases whose `pendingOutboxCount` is above zero (a change whose messages were not moved to the outbox yet). */
  listWithPendingOutbox(limit: number): Promise<Versioned<CaseRecord>[]>;
  /** Cases whose `auditPending` is true (history not yet copied to the audit record). */
  listWithPendingAudit(limit: number): Promise<Versioned<CaseRecord>[]>;
  /** Open (not closed) cases assigned to a handler, oldest first. */
  listOpenByHandler(handlerKey: string, page?: PageRequest): Promise<Page<Versioned<CaseRecord>>>;
  /**
   * Cases whose next reminder or escalation moment (`nextDueAt`) is at or before `now`, earliest
   * first. One range condition on one indexed field, so the cost follows the number due, not the
   * number of open cases (Cosmos DB's range index; see the benchmark).
   */
  listDueForReminders(now: string, limit: number): Promise<Versioned<CaseRecord>[]>;
  /** Closed cases whose next check-in (`nextCheckInAt`) is at or before `now`, earliest first (one range condition, as for reminders). */
  listDueForCheckIn(now: string, limit: number): Promise<Versioned<CaseRecord>[]>;
  /** All open cases, a page at a time (daily jobs: digest, handlers who left the directory). */
  listOpen(page?: PageRequest): Promise<Page<Versioned<CaseRecord>>>;
  /**
   * Closed cases (`isOpen` false) whose `closedAt` is at or before `closedBefore`, oldest first:
   * the ones the retention purge may delete. One range condition on `closedAt`, like the reminder scan.
   */
  listClosedBefore(closedBefore: string, limit: number): Promise<Versioned<CaseRecord>[]>;
  /** Open cases that still carry a sealed exclusion list (stored before exclusion marks), at most `limit`. */
  listOpenWithLegacyExclusions(limit: number): Promise<Versioned<CaseRecord>[]>;
  /** Deletes a case; no error when it is already gone (so a purge interrupted half-way can be run again). */
  delete(id: string): Promise<void>;
  /**
   * Cases received at or after `from` and before `to` (ISO), oldest first, a page at a time —
   * open and closed alike (trend counts per unit and category). One range condition on `receivedAt`.
   */
  listReceivedBetween(from: string, to: string, page?: PageRequest): Promise<Page<CaseRecord>>;
  /** Closed cases whose `closedAt` is at or after `from` and before `to`, oldest first, a page at a time (lessons: the small-number rule). */
  listClosedBetween(from: string, to: string, page?: PageRequest): Promise<Page<CaseRecord>>;
  /** Cases whose lesson has this status (`lessonStatus`), oldest first, a page at a time. */
  listByLessonStatus(status: LessonStatus, page?: PageRequest): Promise<Page<Versioned<CaseRecord>>>;
}

// ---------------------------------------------------------------------------------------------
// Audit record: every read, action and identity request on a case, kept apart from the case (and after it)

/** Who did an audited thing, by role. */
export type AuditActorRole = 'handler' | 'reporter' | 'system' | 'coordinator';

/** One event in the append-only audit record: actor, time, action, case. Holds no report content. */
export interface AuditEntry {
  /** History events: base64url SHA-256 of `<caseId>:<history index>` (a re-run appends nothing twice); `purged`: of `<caseId>:purged`; exports: random. */
  id: string;
  caseId: string;
  reference: string;
  /** The case's unit: who may export the audit once the case itself is gone. */
  unitId?: string;
  at: string;
  /** The history event type (`content_opened`, `acknowledged`, …), or `purged`, `audit_exported`. */
  action: string;
  actorRole: AuditActorRole;
  /** Pseudonym of a staff actor (handler, coordinator). */
  actorKey?: string;
  /** `{ userId, name }` of a staff actor, sealed 'identity', context = this entry's id. */
  sealedActor?: Sealed;
  /** The history event's detail (codes, roles, units, counts: never report content). */
  detail?: Record<string, string>;
  /** `<at>#<history index, 6 digits>` (or `<at>#p`, `<at>#x…`): the order within a case, as events at the same millisecond keep their history order. */
  sortKey: string;
  /** The tamper seal: a keyed MAC over all other fields (see `auditEntrySeal`). */
  seal?: string;
}

/** Append-only apart from retention: entries are added, never changed; `delete` is for the retention job only. */
export interface AuditRepository {
  /** Adds an entry (create, never upsert); false (and no change) when an entry with that id exists already. */
  append(entry: AuditEntry): Promise<boolean>;
  /** A case's entries in order (`sortKey`), a page at a time. */
  listByCase(caseId: string, page?: PageRequest): Promise<Page<AuditEntry>>;
  /** The entries recorded under a case reference in order (also after the case was purged). */
  listByReference(reference: string, page?: PageRequest): Promise<Page<AuditEntry>>;
  /** Entries whose `at` is before `before`, oldest first, at most `limit` (retention). */
  listBefore(before: string, limit: number): Promise<AuditEntry[]>;
  /** Deletes; no error when it is already gone. */
  delete(id: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Sealed addresses: conversation references, and the relay to anonymous reporters

/** A sealed value stored under an opaque key (a pseudonym or a random relay id). */
export interface SealedRecord {
  id: string;
  sealed: Sealed;
  updatedAt: string;
}

/** Stores sealed records by id. Used for conversation references (key: user pseudonym) and for anonymous relay addresses (key: random id). */
export interface SealedRecordRepository {
  get(id: string): Promise<SealedRecord | undefined>;
  /** Creates or overwrites. */
  put(record: SealedRecord): Promise<void>;
  delete(id: string): Promise<void>;
  /** Records whose `updatedAt` is before `before` (compared as strings: a day `YYYY-MM-DD` or an ISO time), oldest first, at most `limit` (retention). */
  listUpdatedBefore(before: string, limit: number): Promise<SealedRecord[]>;
}

// ---------------------------------------------------------------------------------------------
// Guessing limit: failed reference + secret attempts per user, shared by every instance

/** The recent failed reference + secret attempts of one user. */
export interface AttemptRecord {
  /** The user's pseudonym (`Pseudonymizer.pseudonym('user', aadObjectId)`). */
  id: string;
  /** ISO times of the failures within the window, oldest first; at most the limit are kept. */
  failures: string[];
  /** ISO time of the last change (retention deletes records not changed for a day). */
  updatedAt: string;
}

export interface AttemptRepository {
  get(id: string): Promise<Versioned<AttemptRecord> | undefined>;
  /** Creates when `etag` is absent (ConflictError if one exists), else replaces if unchanged (ConcurrencyError if not, NotFoundError if deleted meanwhile). */
  save(record: AttemptRecord, etag?: string): Promise<Versioned<AttemptRecord>>;
  /** Records whose `updatedAt` is before `before` (ISO times compared as strings), oldest first, at most `limit` (retention). */
  listUpdatedBefore(before: string, limit: number): Promise<AttemptRecord[]>;
  /** Deletes; no error when it is already gone. */
  delete(id: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Purge register: what retention deleted, kept apart because a purged case's history goes with it

/**
 * One case deleted by retention. Says that a case of some kind was kept as long as it had to be
 * and then removed, and nothing that leads back to it: no reference, no content, no people.
 */
export interface PurgeLogEntry {
  /** `purge:<caseIdHash>`: deterministic, so a purge retried after a crash is registered once. */
  id: string;
  purgedAt: string;
  /** SHA-256 (hex) of the case id, unkeyed: whoever still holds the id (an old backup, an outbox item id) can confirm this entry is that case. */
  caseIdHash: string;
  kind: RequestKind;
  /** The month the case closed (`YYYY-MM`): enough to show the retention period was kept, too coarse to single a case out. */
  closedAt: string;
  outcome?: CaseRecord['outcome'];
  reason: 'retention';
}

/** Append-only: entries are added, never changed or removed. */
export interface PurgeLogRepository {
  /** Adds an entry; false (and no change) when an entry with that id exists already. */
  append(entry: PurgeLogEntry): Promise<boolean>;
  /** The register, oldest purge first. */
  list(page?: PageRequest): Promise<Page<PurgeLogEntry>>;
}

// ---------------------------------------------------------------------------------------------
// Team meeting agenda (werkoverleg): teams that installed the bot, their topic postings, and the
// follow-up actions they agreed.

/** One topic posted to a team for one meeting, and what the team did with it. */
export interface TopicPosting {
  /** Deterministic per team and meeting (hash of team key + meeting time): a posting retried after a crash is the same posting. */
  id: string;
  topicId: string;
  /** The meeting the topic is for (ISO). */
  meetingAt: string;
  postedAt: string;
  /** 'replaced': the team asked for another topic (a new posting follows with the same meeting). */
  status: 'posted' | 'discussed' | 'skipped' | 'replaced';
  /** When "discussed" or "skipped" was recorded. */
  recordedAt?: string;
  /** `{ userId, name }` of who recorded it, sealed 'identity', context `<teamKey>:<postingId>:by`. */
  sealedRecordedBy?: Sealed;
  /** The short notes (no names or case details, the card says so), sealed 'content', context `<teamKey>:<postingId>:notes`. */
  sealedNotes?: Sealed;
  /** The optional reason for skipping, sealed 'content', context `<teamKey>:<postingId>:skip`. */
  sealedSkipReason?: Sealed;
  /** Ids of the agreed actions (TeamActionRecord). */
  actionIds?: string[];
}

/** A team (channel) that installed the bot: one document, replaced as a whole with its ETag. */
export interface TeamRecord {
  /** The team key: `pseudonym('conversation', 'team:' + teamId)`. The channel's sealed conversation reference is stored under `channel:<id>` in `conversationReferences`. */
  id: string;
  /** The Teams team id (`19:…@thread.tacv2`), as Teams gives it: to find the team in the directory and its owners in Graph. Not personal data. */
  teamId: string;
  /** The Microsoft 365 group behind the team (for Graph), when Teams gave it. */
  aadGroupId?: string;
  /** The team's display name, when known. */
  name?: string;
  installedAt: string;
  updatedAt: string;
  /** Absent until an owner or coordinator saved the settings card: nothing is posted before that. */
  settings?: TeamSettings;
  /** Pseudonym of who last saved the settings, and when. */
  settingsSavedBy?: { userKey: string; at: string };
  /** The team's members `{ userId, name }[]` as the roster said at the last install/"agenda" (for the action-owner list where Teams' people picker is not available), sealed 'identity', context `<id>:members`. */
  sealedMembers?: Sealed;
  /** When the next topic is due to be posted; absent when not configured or paused. Indexed. */
  nextPostAt?: string;
  /** The meeting that next posting is for. */
  nextMeetingAt?: string;
  /** Topic ids the team had since the library was last exhausted (rotation: no repeat before all were had). */
  usedTopicIds: string[];
  /** Postings, oldest first; the oldest are dropped beyond 120 (coverage looks back months, not years). */
  postings: TopicPosting[];
}

export interface TeamRepository {
  /** ConflictError if it exists. */
  create(record: TeamRecord): Promise<Versioned<TeamRecord>>;
  get(id: string): Promise<Versioned<TeamRecord> | undefined>;
  /** ConcurrencyError if changed since `etag`. */
  replace(record: TeamRecord, etag: string): Promise<Versioned<TeamRecord>>;
  /** No error when it is already gone. */
  delete(id: string): Promise<void>;
  /** Teams whose `nextPostAt` is at or before `now`, earliest first (one range condition on an indexed field). */
  listDueForPosting(now: string, limit: number): Promise<Versioned<TeamRecord>[]>;
  /** Every installed team, a page at a time (coverage, digests). */
  list(page?: PageRequest): Promise<Page<Versioned<TeamRecord>>>;
}

/** A follow-up action a team agreed in its meeting: a tracked task for its owner on the cases' deadline engine. */
export interface TeamActionRecord {
  /** Random opaque id. */
  id: string;
  teamKey: string;
  postingId: string;
  /** The team's unit when agreed (coverage per unit). */
  unitId: string;
  /** What was agreed (one line, no names or case details), sealed 'content', context = id. */
  sealedText: Sealed;
  /** Pseudonym of the owner (lookups, authorisation). */
  ownerKey: string;
  /** `{ userId, name }` of the owner, sealed 'identity', context `<id>:owner`. */
  sealedOwner: Sealed;
  createdAt: string;
  /** The due moment: end of working hours (18:00 Amsterdam) on the due date. */
  dueAt: string;
  state: 'open' | 'done';
  /** Indexed: open actions per unit for coverage. */
  isOpen: boolean;
  doneAt?: string;
  /** One clock `action` (due = dueAt); a new date is recorded as an extension (reminder keys start anew). */
  clocks: CaseClockRecord[];
  /** Reminder keys sent or skipped (exactly once per (action, stage)). */
  remindersDone: string[];
  /** The earliest reminder/escalation moment not done; absent when none. Indexed. */
  nextDueAt?: string;
  escalationLevel?: number;
  history: CaseEvent[];
}

export interface TeamActionRepository {
  /** ConflictError if it exists. */
  create(record: TeamActionRecord): Promise<Versioned<TeamActionRecord>>;
  get(id: string): Promise<Versioned<TeamActionRecord> | undefined>;
  /** ConcurrencyError if changed since `etag`. */
  replace(record: TeamActionRecord, etag: string): Promise<Versioned<TeamActionRecord>>;
  /** Actions whose `nextDueAt` is at or before `now`, earliest first. */
  listDueForReminders(now: string, limit: number): Promise<Versioned<TeamActionRecord>[]>;
  /** Open actions (`isOpen` true), a page at a time, oldest `createdAt` first. */
  listOpen(page?: PageRequest): Promise<Page<Versioned<TeamActionRecord>>>;
  /** Actions agreed at or after `from` and before `to` (ISO), a page at a time, oldest first. */
  listCreatedBetween(from: string, to: string, page?: PageRequest): Promise<Page<TeamActionRecord>>;
}

/** Structured, content-free logging: an event name and a few safe fields (ids, codes, counts), never report text. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** All repositories, as built by the composition root. */
export interface Repositories {
  drafts: DraftRepository;
  cases: CaseRepository;
  conversationReferences: SealedRecordRepository;
  relayAddresses: SealedRecordRepository;
  /** Proactive messages waiting to be delivered (and the record of those that were). */
  outbox: OutboxRepository;
  /** The register of cases deleted by retention (the case's own history goes with it). */
  purgeLog: PurgeLogRepository;
  /** The audit record of every case event; outlives the case (AUDIT_RETENTION_DAYS). */
  audit: AuditRepository;
  /** Teams that installed the bot (werkoverleg topics). */
  teams: TeamRepository;
  /** Follow-up actions agreed in team meetings. */
  teamActions: TeamActionRepository;
  /** Failed reference + secret attempts per user (the guessing limit, shared by every instance). */
  attempts: AttemptRepository;
  /** Releases connections and flushes files. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Outbox: proactive messages, written with the state change that causes them, delivered by a
// timer (and on the spot when possible), safe to re-run.

/** Who a proactive message goes to. */
export type Recipient =
  /** A person (handler, coordinator, named/confidential reporter): their 1:1 chat with the bot. */
  | { kind: 'user'; userKey: string; /** `{ userId }` sealed with purpose 'identity', context = userKey: to create the chat when none is known. */ sealedUserId: Sealed }
  /** An anonymous reporter, reached through their sealed relay address. */
  | { kind: 'relay'; relayId: string }
  /** A team channel (team meeting topics). */
  | { kind: 'channel'; channelKey: string };

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One proactive message. */
export interface OutboxItem {
  /** Deterministic (e.g. `<caseId>:<event number>:<recipient>`), so enqueueing twice is harmless. */
  id: string;
  recipient: Recipient;
  /** Messages with the same key go to the same chat and are delivered in `createdAt` order. */
  conversationKey: string;
  /** `{ card: object }` (an Adaptive Card with no report content), sealed with purpose 'content', context = id. */
  sealedPayload: Sealed;
  createdAt: string;
  /** Not delivered before this time (back-off after a failure, working hours, batching). */
  notBefore: string;
  status: OutboxStatus;
  attempts: number;
  /** While `sending`: after this time the claim has lapsed (the sender crashed). */
  leaseUntil?: string;
  sentAt?: string;
  /** The activity id the connector gave the sent message (to update the card later). */
  activityId?: string;
  /** Last failure as a code (HTTP status or error name), never a message body. */
  lastError?: string;
  /** What to tell the domain when the message cannot be delivered at all (e.g. reassign a case whose handler cannot be reached). */
  onUndeliverable?: { caseId: string; reason: 'handler_unreachable' };
  /**
   * A notice to an anonymous reporter, once sent: the day (`YYYY-MM-DD`) after which the
   * retention run deletes the item. Until then it is kept only so the same notice is not queued
   * twice, stripped of everything that ties it to the chat or the case (see `deliverOutbox`).
   */
  forgetAfter?: string;
}

export interface OutboxRepository {
  /** Adds an item; false (and no change) when an item with that id exists already. */
  enqueue(item: OutboxItem): Promise<boolean>;
  get(id: string): Promise<Versioned<OutboxItem> | undefined>;
  /** ConcurrencyError if changed since `etag`. */
  replace(item: OutboxItem, etag: string): Promise<Versioned<OutboxItem>>;
  /**
   * Items to work on now, oldest `createdAt` first: `pending` with `notBefore <= now`, and
   * `sending` whose `leaseUntil <= now` (a crashed run). Cost grows with the number due, not the
   * number stored (indexed on status + time). With `createdAfter`, only items created after that
   * moment: the next page, for a run that has read the first.
   */
  listDue(now: string, limit: number, createdAfter?: string): Promise<Versioned<OutboxItem>[]>;
  /**
   * The unfinished items (`pending`, due or not, and `sending`) of one conversation, oldest
   * `createdAt` first (ties by id), at most `limit`: what must go before a due item of that chat.
   * Indexed on conversationKey + status + createdAt, so its cost follows that chat's queue.
   */
  listUnfinishedIn(conversationKey: string, limit: number): Promise<Versioned<OutboxItem>[]>;
  /** Items that are finished (`sent`, `failed` or `uncertain`) and were created before `before`, oldest first, at most `limit` (retention). */
  listFinishedBefore(before: string, limit: number): Promise<OutboxItem[]>;
  /** Items whose `forgetAfter` day is before `day` (`YYYY-MM-DD`), oldest first, at most `limit` (anonymous notices, deleted days after sending). */
  listToForgetBefore(day: string, limit: number): Promise<OutboxItem[]>;
  /** Deletes; no error when it is already gone. */
  delete(id: string): Promise<void>;
}

/** A failed delivery, as the messenger reports it. */
export class DeliveryError extends Error {
  constructor(
    /** HTTP status from the connector, when there was one. */
    readonly status: number | undefined,
    /** 429, 412, 502, 503, 504 and network errors are worth retrying; 400/401/403/404 are not. */
    readonly retryable: boolean,
    /** From the `Retry-After` header, when given. */
    readonly retryAfterMs?: number,
  ) {
    super(`delivery failed${status ? ` (${status})` : ''}`);
    this.name = 'DeliveryError';
  }
}

/** Sends proactive messages through the Bot Connector. Implemented in bot/teams. */
export interface ProactiveMessenger {
  /**
   * Sends an Adaptive Card to a conversation (a stored conversation reference). Throws DeliveryError.
   * With `maxWaitMs`, a send that would wait longer for the rate limits is not made: a retryable
   * DeliveryError with that wait as `retryAfterMs` instead.
   */
  sendCard(conversation: unknown, card: object, options?: { maxWaitMs?: number }): Promise<{ activityId?: string }>;
  /** Replaces a card sent earlier. Throws DeliveryError. */
  updateCard(conversation: unknown, activityId: string, card: object): Promise<void>;
  /** Opens (or finds) the 1:1 chat of the bot with a user; returns its conversation reference. Throws DeliveryError. */
  createPersonalConversation(userId: string, options?: { maxWaitMs?: number }): Promise<unknown>;
}
