/**
 * Guessing limit: failed reference + secret attempts per user, shared by every instance.
 */
import type { Versioned } from '../common/storePorts';

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
