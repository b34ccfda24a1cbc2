/**
 * Purge register: what retention deleted, kept apart because a purged case's history goes with it.
 */
import type { RequestKind } from '../../domain/report';
import type { CaseRecord } from '../cases/casePorts';
import type { Page, PageRequest } from '../common/storePorts';

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
