import type { AttemptRecord, AttemptRepository } from '../app/reporter/attemptPorts';
import type { Versioned } from '../app/common/storePorts';
import type { DocumentContainer } from './documentContainer';
import { listEarliestUpTo } from './listEarliestUpTo';

/**
 * Failed reference + secret attempts as documents, one per user pseudonym, replaced with its ETag
 * (no patch, no TTL: the daily purge deletes records not changed for a day).
 * Times are compared as strings, so they must all be `Date.prototype.toISOString()` output (UTC, ms).
 */
export class DocumentAttemptRepository implements AttemptRepository {
  constructor(private readonly container: DocumentContainer<AttemptRecord>) {}

  get(id: string): Promise<Versioned<AttemptRecord> | undefined> {
    return this.container.read(id);
  }

  /** Creates without `etag` (ConflictError if one exists); with it, replaces (ConcurrencyError if changed, NotFoundError if deleted meanwhile). */
  save(record: AttemptRecord, etag?: string): Promise<Versioned<AttemptRecord>> {
    return etag === undefined ? this.container.create(record) : this.container.replace(record, etag);
  }

  /** No continuation token: the retention job deletes what it gets and asks again. */
  async listUpdatedBefore(before: string, limit: number): Promise<AttemptRecord[]> {
    return (await listEarliestUpTo(this.container, 'updatedAt', '<', before, limit)).map(({ value }) => value);
  }

  delete(id: string): Promise<void> {
    return this.container.delete(id);
  }
}
