import type { Page, PageRequest } from '../app/common/storePorts';
import type { PurgeLogEntry, PurgeLogRepository } from '../app/retention/purgeLogPorts';
import type { DocumentContainer } from './documentContainer';
import { pageSize } from './pageSize';
import { createIfAbsent } from './createIfAbsent';

/**
 * The purge register as documents, one per purged case, keyed by its deterministic id. Only
 * `create` is ever used on the container: never replace, upsert or delete, so an entry once
 * written stays as it was.
 */
export class DocumentPurgeLogRepository implements PurgeLogRepository {
  constructor(private readonly container: DocumentContainer<PurgeLogEntry>) {}

  /** Creating (never upserting) keeps the first entry when a purge is retried after a crash. */
  append(entry: PurgeLogEntry): Promise<boolean> {
    return createIfAbsent(this.container, entry);
  }

  async list(page?: PageRequest): Promise<Page<PurgeLogEntry>> {
    const result = await this.container.query({
      where: [],
      orderBy: { field: 'purgedAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
    return { items: result.items.map(({ value }) => value), continuationToken: result.continuationToken };
  }
}
