import type { Page, PageRequest, Versioned } from '../app/common/storePorts';
import type { TeamRecord, TeamRepository } from '../app/agenda/agendaPorts';
import type { DocumentContainer } from './documentContainer';
import { pageSize } from './pageSize';
import { listEarliestUpTo } from './listEarliestUpTo';

/**
 * Teams as documents: one document per installed team, keyed by its team key and replaced as a
 * whole with its ETag (settings, postings and rotation change together). Times are compared as
 * strings, so they must all be `Date.prototype.toISOString()` output (UTC, ms).
 */
export class DocumentTeamRepository implements TeamRepository {
  constructor(private readonly container: DocumentContainer<TeamRecord>) {}

  /** ConflictError if a team with this key exists. */
  create(record: TeamRecord): Promise<Versioned<TeamRecord>> {
    return this.container.create(record);
  }

  get(id: string): Promise<Versioned<TeamRecord> | undefined> {
    return this.container.read(id);
  }

  /** ConcurrencyError if the team changed since `etag`; NotFoundError if it no longer exists. */
  replace(record: TeamRecord, etag: string): Promise<Versioned<TeamRecord>> {
    return this.container.replace(record, etag);
  }

  delete(id: string): Promise<void> {
    return this.container.delete(id);
  }

  /** Teams without `nextPostAt` (not configured, or paused) never match the range condition. */
  listDueForPosting(now: string, limit: number): Promise<Versioned<TeamRecord>[]> {
    return listEarliestUpTo(this.container, 'nextPostAt', '<=', now, limit);
  }

  /** Oldest install first, so a team installed while a job pages through comes last rather than shifting the pages. */
  list(page?: PageRequest): Promise<Page<Versioned<TeamRecord>>> {
    return this.container.query({
      where: [],
      orderBy: { field: 'installedAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
  }
}
