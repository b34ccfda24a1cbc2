/**
 * Cases: the case document and its repository (implemented in bot/storage).
 */
import type { CaseOutcome, CaseState } from '../../domain/caseLifecycle';
import type { CaseMessageAuthor, CaseMessageKind } from '../../domain/caseMessageKind';
import type { Locale } from '../../domain/locale';
import type { Category, IdentityMode, ManagerInvolved, RequestKind } from '../../domain/report';
import type { LessonStatus } from '../../domain/lessons/lesson';
import type { AftercareRecord, RetaliationLink } from '../aftercare/aftercareRecord';
import type { LessonRecord } from '../lessons/lessonRecord';
import type { OutboxItem } from '../outbox/outboxPorts';
import type { ExclusionMarks, Sealed } from '../common/cryptoPorts';
import type { Page, PageRequest, Versioned } from '../common/storePorts';

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
  /** The lesson's id (`lesson.id`), indexed: a posted lesson's card reads its one case (cases stored before this field lack it). */
  lessonId?: string;
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
  /** The case whose lesson has this id (`lessonId`, one equality condition), or undefined. */
  findByLessonId(lessonId: string): Promise<Versioned<CaseRecord> | undefined>;
}
