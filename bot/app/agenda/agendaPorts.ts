/**
 * Team meeting agenda (werkoverleg): teams that installed the bot, their topic postings, and the
 * follow-up actions they agreed.
 */
import type { TeamSettings } from '../../domain/agenda/teamSettings';
import type { CaseClockRecord, CaseEvent } from '../cases/casePorts';
import type { Sealed } from '../common/cryptoPorts';
import type { Page, PageRequest, Versioned } from '../common/storePorts';

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
  /** The open actions of one owner (by their owner key), a page at a time, earliest `dueAt` first. */
  listOpenByOwner(ownerKey: string, page?: PageRequest): Promise<Page<Versioned<TeamActionRecord>>>;
  /** Actions agreed at or after `from` and before `to` (ISO), a page at a time, oldest first. */
  listCreatedBetween(from: string, to: string, page?: PageRequest): Promise<Page<TeamActionRecord>>;
}
