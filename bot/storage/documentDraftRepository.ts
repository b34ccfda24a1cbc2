import type { DraftRecord, DraftRepository } from '../app/intake/draftPorts';
import type { Page, PageRequest, Versioned } from '../app/common/storePorts';
import type { DocumentContainer } from './documentContainer';
import { pageSize } from './pageSize';

/**
 * Drafts as documents: the document is the DraftRecord itself, keyed by the owner's pseudonym.
 * Times are compared as strings, so they must all be `Date.prototype.toISOString()` output (UTC, ms).
 */
export class DocumentDraftRepository implements DraftRepository {
  constructor(private readonly container: DocumentContainer<DraftRecord>) {}

  get(ownerKey: string): Promise<Versioned<DraftRecord> | undefined> {
    return this.container.read(ownerKey);
  }

  /** Creates without `etag` (ConflictError if one exists); with it, replaces (ConcurrencyError if changed, NotFoundError if deleted meanwhile). */
  save(draft: DraftRecord, etag?: string): Promise<Versioned<DraftRecord>> {
    return etag === undefined ? this.container.create(draft) : this.container.replace(draft, etag);
  }

  delete(ownerKey: string): Promise<void> {
    return this.container.delete(ownerKey);
  }

  async listExpired(now: string, page?: PageRequest): Promise<Page<DraftRecord>> {
    const result = await this.container.query({
      where: [{ field: 'expiresAt', op: '<=', value: now }],
      orderBy: { field: 'expiresAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
    return { items: result.items.map(({ value }) => value), continuationToken: result.continuationToken };
  }
}
