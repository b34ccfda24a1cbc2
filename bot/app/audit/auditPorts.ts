/**
 * Audit record: every read, action and identity request on a case, kept apart from the case (and after it).
 */
import type { Sealed } from '../common/cryptoPorts';
import type { Page, PageRequest } from '../common/storePorts';

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
