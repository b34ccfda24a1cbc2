import type { SealedRecord, SealedRecordRepository } from '../app/ports';
import type { DocumentContainer } from './documentContainer';
import { pageSize } from './pageSize';

/** Sealed records (conversation references, relay addresses) as documents keyed by their opaque id. */
export class DocumentSealedRecordRepository implements SealedRecordRepository {
  constructor(private readonly container: DocumentContainer<SealedRecord>) {}

  async get(id: string): Promise<SealedRecord | undefined> {
    return (await this.container.read(id))?.value;
  }

  async put(record: SealedRecord): Promise<void> {
    await this.container.upsert(record);
  }

  delete(id: string): Promise<void> {
    return this.container.delete(id);
  }

  /** One range condition on `updatedAt`; `limit` is clamped to 1…100 like every page. */
  async listUpdatedBefore(before: string, limit: number): Promise<SealedRecord[]> {
    const page = await this.container.query({ where: [{ field: 'updatedAt', op: '<', value: before }], orderBy: { field: 'updatedAt', direction: 'ASC' }, limit: pageSize({ limit }) });
    return page.items.map((item) => item.value);
  }
}
