import type { LessonStatus } from '../domain/lessons/lesson';
import type { CaseRecord, CaseRepository } from '../app/cases/casePorts';
import type { Page, PageRequest, Versioned } from '../app/common/storePorts';
import type { DocumentContainer } from './documentContainer';
import { pageSize } from './pageSize';
import { listEarliestUpTo } from './listEarliestUpTo';

/**
 * Cases as documents: one document per case, replaced as a whole with its ETag.
 *
 * `reference` uniqueness is not enforced by the store (Cosmos DB unique keys are per partition,
 * and the partition is the case id): references are random and the submit use case must retry
 * on the rare collision it finds with `findByReference`.
 */
export class DocumentCaseRepository implements CaseRepository {
  constructor(private readonly container: DocumentContainer<CaseRecord>) {}

  create(record: CaseRecord): Promise<Versioned<CaseRecord>> {
    return this.container.create(record);
  }

  get(id: string): Promise<Versioned<CaseRecord> | undefined> {
    return this.container.read(id);
  }

  /** ConcurrencyError if the case changed since `etag`; NotFoundError if it no longer exists. */
  replace(record: CaseRecord, etag: string): Promise<Versioned<CaseRecord>> {
    return this.container.replace(record, etag);
  }

  async findByReference(reference: string): Promise<Versioned<CaseRecord> | undefined> {
    const result = await this.container.query({ where: [{ field: 'reference', op: '=', value: reference }], limit: 1 });
    return result.items[0];
  }

  async findByLessonId(lessonId: string): Promise<Versioned<CaseRecord> | undefined> {
    const result = await this.container.query({ where: [{ field: 'lessonId', op: '=', value: lessonId }], limit: 1 });
    return result.items[0];
  }

  async findByRelayId(relayId: string): Promise<Versioned<CaseRecord> | undefined> {
    const result = await this.container.query({ where: [{ field: 'relayId', op: '=', value: relayId }], limit: 1 });
    return result.items[0];
  }

  async listByReporter(reporterKey: string, page?: PageRequest): Promise<Page<CaseRecord>> {
    const result = await this.container.query({
      where: [{ field: 'reporterKey', op: '=', value: reporterKey }],
      orderBy: { field: 'receivedAt', direction: 'DESC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
    return { items: result.items.map(({ value }) => value), continuationToken: result.continuationToken };
  }

  async listWithPendingOutbox(limit: number): Promise<Versioned<CaseRecord>[]> {
    const result = await this.container.query({ where: [{ field: 'pendingOutboxCount', op: '>', value: 0 }], limit: Math.min(Math.max(limit, 1), 100) });
    return result.items;
  }

  async listWithPendingAudit(limit: number): Promise<Versioned<CaseRecord>[]> {
    const result = await this.container.query({ where: [{ field: 'auditPending', op: '=', value: true }], limit: Math.min(Math.max(limit, 1), 100) });
    return result.items;
  }

  listOpenByHandler(handlerKey: string, page?: PageRequest): Promise<Page<Versioned<CaseRecord>>> {
    return this.container.query({
      where: [
        { field: 'handlerKey', op: '=', value: handlerKey },
        { field: 'isOpen', op: '=', value: true },
      ],
      orderBy: { field: 'receivedAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
  }

  listDueForReminders(now: string, limit: number): Promise<Versioned<CaseRecord>[]> {
    return listEarliestUpTo(this.container, 'nextDueAt', '<=', now, limit);
  }

  listDueForCheckIn(now: string, limit: number): Promise<Versioned<CaseRecord>[]> {
    return listEarliestUpTo(this.container, 'nextCheckInAt', '<=', now, limit);
  }

  listOpen(page?: PageRequest): Promise<Page<Versioned<CaseRecord>>> {
    return this.container.query({
      where: [{ field: 'isOpen', op: '=', value: true }],
      orderBy: { field: 'receivedAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
  }

  /** No continuation token: the purge deletes what it gets and asks again, so the first page is always the next batch. */
  listClosedBefore(closedBefore: string, limit: number): Promise<Versioned<CaseRecord>[]> {
    return listEarliestUpTo(this.container, 'closedAt', '<=', closedBefore, limit, [{ field: 'isOpen', op: '=', value: false }]);
  }

  async listOpenWithLegacyExclusions(limit: number): Promise<Versioned<CaseRecord>[]> {
    const result = await this.container.query({
      where: [
        { field: 'sealedExclusions', op: 'isDefined' },
        { field: 'isOpen', op: '=', value: true },
      ],
      limit: Math.min(Math.max(limit, 1), 100),
    });
    return result.items;
  }

  delete(id: string): Promise<void> {
    return this.container.delete(id);
  }

  /** Open and closed alike: the only condition is the range on `receivedAt`, `from` inclusive, `to` exclusive. */
  async listReceivedBetween(from: string, to: string, page?: PageRequest): Promise<Page<CaseRecord>> {
    const result = await this.container.query({
      where: [
        { field: 'receivedAt', op: '>=', value: from },
        { field: 'receivedAt', op: '<', value: to },
      ],
      orderBy: { field: 'receivedAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
    return { items: result.items.map(({ value }) => value), continuationToken: result.continuationToken };
  }

  /** Closed cases only (`isOpen` false), `from` inclusive, `to` exclusive on `closedAt`. */
  async listClosedBetween(from: string, to: string, page?: PageRequest): Promise<Page<CaseRecord>> {
    const result = await this.container.query({
      where: [
        { field: 'isOpen', op: '=', value: false },
        { field: 'closedAt', op: '>=', value: from },
        { field: 'closedAt', op: '<', value: to },
      ],
      orderBy: { field: 'closedAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
    return { items: result.items.map(({ value }) => value), continuationToken: result.continuationToken };
  }

  listByLessonStatus(status: LessonStatus, page?: PageRequest): Promise<Page<Versioned<CaseRecord>>> {
    return this.container.query({
      where: [{ field: 'lessonStatus', op: '=', value: status }],
      orderBy: { field: 'closedAt', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
  }
}
