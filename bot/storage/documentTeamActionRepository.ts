import type { Page, PageRequest, Versioned } from '../app/common/storePorts';
import type { TeamActionRecord, TeamActionRepository } from '../app/agenda/agendaPorts';
import type { DocumentContainer } from './documentContainer';
import { pageSize } from './pageSize';
import { listEarliestUpTo } from './listEarliestUpTo';

/**
 * Team meeting actions as documents: one document per action, replaced as a whole with its ETag,
 * scanned by the reminder timer the way cases are (one range condition on `nextDueAt`). Times are
 * compared as strings, so they must all be `Date.prototype.toISOString()` output (UTC, ms).
 */
export class DocumentTeamActionRepository implements TeamActionRepository {
  constructor(private readonly container: DocumentContainer<TeamActionRecord>) {}

  /** ConflictError if an action with this id exists. */
  create(record: TeamActionRecord): Promise<Versioned<TeamActionRecord>> {
    return this.container.create(record);
  }

  get(id: string): Promise<Versioned<TeamActionRecord> | undefined> {
    return this.container.read(id);
  }

  /** ConcurrencyError if the action changed since `etag`; NotFoundError if it no longer exists. */
  replace(record: TeamActionRecord, etag: string): Promise<Versioned<TeamActionRecord>> {
    return this.container.replace(record, etag);
  }

  listDueForReminders(now: string, limit: number): Promise<Versioned<TeamActionRecord>[]> {
    return listEarliestUpTo(this.container, 'nextDueAt', '<=', now, limit);
  }

  listOpen(page?: PageRequest): Promise<Page<Versioned<TeamActionRecord>>> {
    return this.container.query({
      where: [{ field: 'isOpen', op: '=', value: true }],
      orderBy: { field: 'createdAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
  }

  listOpenByOwner(ownerKey: string, page?: PageRequest): Promise<Page<Versioned<TeamActionRecord>>> {
    return this.container.query({
      where: [
        { field: 'ownerKey', op: '=', value: ownerKey },
        { field: 'isOpen', op: '=', value: true },
      ],
      orderBy: { field: 'dueAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
  }

  async listCreatedBetween(from: string, to: string, page?: PageRequest): Promise<Page<TeamActionRecord>> {
    const result = await this.container.query({
      where: [
        { field: 'createdAt', op: '>=', value: from },
        { field: 'createdAt', op: '<', value: to },
      ],
      orderBy: { field: 'createdAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
    return { items: result.items.map(({ value }) => value), continuationToken: result.continuationToken };
  }
}
