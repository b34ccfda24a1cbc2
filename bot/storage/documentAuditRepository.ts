import type { AuditEntry, AuditRepository } from '../app/audit/auditPorts';
import type { Page, PageRequest } from '../app/common/storePorts';
import type { DocumentContainer } from './documentContainer';
import { pageSize } from './pageSize';
import { createIfAbsent } from './createIfAbsent';
import { listEarliestUpTo } from './listEarliestUpTo';

/**
 * The audit record as documents, one per event, keyed by its (mostly deterministic) id. Entries
 * are only ever created, never replaced or upserted; the retention job deletes old ones.
 */
export class DocumentAuditRepository implements AuditRepository {
  constructor(private readonly container: DocumentContainer<AuditEntry>) {}

  /** Creating (never upserting) keeps the first entry when a flush is retried after a crash. */
  append(entry: AuditEntry): Promise<boolean> {
    return createIfAbsent(this.container, entry);
  }

  listByCase(caseId: string, page?: PageRequest): Promise<Page<AuditEntry>> {
    return this.listWhere('caseId', caseId, page);
  }

  listByReference(reference: string, page?: PageRequest): Promise<Page<AuditEntry>> {
    return this.listWhere('reference', reference, page);
  }

  /** No continuation token: the retention job deletes what it gets and asks again. */
  async listBefore(before: string, limit: number): Promise<AuditEntry[]> {
    return (await listEarliestUpTo(this.container, 'at', '<', before, limit)).map(({ value }) => value);
  }

  delete(id: string): Promise<void> {
    return this.container.delete(id);
  }

  private async listWhere(field: 'caseId' | 'reference', value: string, page?: PageRequest): Promise<Page<AuditEntry>> {
    const result = await this.container.query({
      where: [{ field, op: '=', value }],
      orderBy: { field: 'sortKey', direction: 'ASC' },
      limit: pageSize(page),
      continuationToken: page?.continuationToken,
    });
    return { items: result.items.map(({ value: entry }) => entry), continuationToken: result.continuationToken };
  }
}
