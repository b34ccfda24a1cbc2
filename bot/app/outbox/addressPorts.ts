/**
 * Sealed addresses: conversation references, and the relay to anonymous reporters.
 */
import type { Sealed } from '../common/cryptoPorts';

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
