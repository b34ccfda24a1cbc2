import type { SealedRecord, SealedRecordRepository } from '../app/outbox/addressPorts';
import type { DocumentContainer } from './documentContainer';
import { listEarliestUpTo } from './listEarliestUpTo';

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

  async listUpdatedBefore(before: string, limit: number): Promise<SealedRecord[]> {
    return (await listEarliestUpTo(this.container, 'updatedAt', '<', before, limit)).map((item) => item.value);
  }
}
