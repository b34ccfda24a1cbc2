import type { OutboxItem, OutboxRepository, OutboxStatus } from '../app/outbox/outboxPorts';
import type { Versioned } from '../app/common/storePorts';
import type { DocumentContainer, QuerySpec } from './documentContainer';
import { pageSize } from './pageSize';
import { createIfAbsent } from './createIfAbsent';
import { listEarliestUpTo } from './listEarliestUpTo';

/**
 * The outbox as documents: one document per message, keyed by its deterministic id, replaced as
 * a whole with its ETag (claims and state changes are compare-and-swap, so two delivery runs
 * cannot both claim one message). Times are ISO strings compared as strings, so they must all
 * be `Date.prototype.toISOString()` output (UTC, milliseconds).
 */
export class DocumentOutboxRepository implements OutboxRepository {
  constructor(private readonly container: DocumentContainer<OutboxItem>) {}

  /** Creating (never upserting) is what makes a second enqueue of the same id harmless. */
  enqueue(item: OutboxItem): Promise<boolean> {
    return createIfAbsent(this.container, item);
  }

  get(id: string): Promise<Versioned<OutboxItem> | undefined> {
    return this.container.read(id);
  }

  /** ConcurrencyError if the item changed since `etag`; NotFoundError if it is gone. */
  replace(item: OutboxItem, etag: string): Promise<Versioned<OutboxItem>> {
    return this.container.replace(item, etag);
  }

  /**
   * Two queries, each served by the index on `status` plus a time field, so sent and failed
   * items (the bulk of the container over time) are never read. Each returns the oldest `limit`
   * of its kind; the oldest `limit` of both together are therefore among them. `limit` is
   * clamped to 1…100 like every page.
   */
  async listDue(now: string, limit: number, createdAfter?: string): Promise<Versioned<OutboxItem>[]> {
    const size = pageSize({ limit });
    const after: QuerySpec<OutboxItem>['where'] = createdAfter === undefined ? [] : [{ field: 'createdAt', op: '>', value: createdAfter }];
    const byCreation = (where: QuerySpec<OutboxItem>['where']): QuerySpec<OutboxItem> => ({ where: [...where, ...after], orderBy: { field: 'createdAt', direction: 'ASC' }, limit: size });
    const [pending, lapsed] = await Promise.all([
      this.container.query(byCreation([{ field: 'status', op: '=', value: 'pending' }, { field: 'notBefore', op: '<=', value: now }])),
      this.container.query(byCreation([{ field: 'status', op: '=', value: 'sending' }, { field: 'leaseUntil', op: '<=', value: now }])),
    ]);
    return [...pending.items, ...lapsed.items].sort(byCreatedAt).slice(0, size);
  }

  /** One query per unfinished status, both on the conversation's key and ordered by creation, merged oldest first. */
  async listUnfinishedIn(conversationKey: string, limit: number): Promise<Versioned<OutboxItem>[]> {
    const size = pageSize({ limit });
    const pages = await Promise.all(
      UNFINISHED.map((status) =>
        this.container.query({ where: [{ field: 'conversationKey', op: '=', value: conversationKey }, { field: 'status', op: '=', value: status }], orderBy: { field: 'createdAt', direction: 'ASC' }, limit: size }),
      ),
    );
    return pages
      .flatMap((page) => page.items)
      .sort(byCreatedAt)
      .slice(0, size);
  }

  /** One query per finished status (status + creation time), merged oldest first. */
  async listFinishedBefore(before: string, limit: number): Promise<OutboxItem[]> {
    const size = pageSize({ limit });
    const pages = await Promise.all(
      FINISHED.map((status) =>
        this.container.query({ where: [{ field: 'status', op: '=', value: status }, { field: 'createdAt', op: '<', value: before }], orderBy: { field: 'createdAt', direction: 'ASC' }, limit: size }),
      ),
    );
    return pages
      .flatMap((page) => page.items)
      .sort(byCreatedAt)
      .slice(0, size)
      .map((item) => item.value);
  }

  /** One range condition on `forgetAfter`; items without it (all but sent anonymous notices) never match. */
  async listToForgetBefore(day: string, limit: number): Promise<OutboxItem[]> {
    return (await listEarliestUpTo(this.container, 'forgetAfter', '<', day, limit)).map((item) => item.value);
  }

  delete(id: string): Promise<void> {
    return this.container.delete(id);
  }
}

/** Statuses of an item still to be sent (or being sent). */
const UNFINISHED: readonly OutboxStatus[] = ['pending', 'sending'];

/** Statuses after which nothing more happens to an item. */
const FINISHED: readonly OutboxStatus[] = ['sent', 'failed', 'uncertain'];

/** Creation order, ties broken by id so the order is total and the same on every backend. */
function byCreatedAt(a: Versioned<OutboxItem>, b: Versioned<OutboxItem>): number {
  if (a.value.createdAt !== b.value.createdAt) return a.value.createdAt < b.value.createdAt ? -1 : 1;
  if (a.value.id === b.value.id) return 0;
  return a.value.id < b.value.id ? -1 : 1;
}
