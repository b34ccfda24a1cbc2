import type { CaseRecord, DraftRecord, OutboxItem, PurgeLogEntry, Repositories, SealedRecord } from '../app/ports';
import { CONTAINER_NAMES } from './containerNames';
import { acquireDirectoryLock } from './directoryLock';
import { DocumentCaseRepository } from './documentCaseRepository';
import { DocumentDraftRepository } from './documentDraftRepository';
import { DocumentOutboxRepository } from './documentOutboxRepository';
import { DocumentPurgeLogRepository } from './documentPurgeLogRepository';
import { DocumentSealedRecordRepository } from './documentSealedRecordRepository';
import { EmbeddedDocumentContainer } from './embeddedDocumentContainer';

/**
 * The local store: repositories on JSON-lines files in `dataDir` (created with mode 0700 when
 * absent), durable across restarts and hard kills. One process at a time: a second open of the
 * same directory fails while the first holds its lock. `close()` releases the lock.
 */
export async function createEmbeddedRepositories(dataDir: string): Promise<Repositories> {
  const lock = await acquireDirectoryLock(dataDir);
  const closers: (() => Promise<void>)[] = [];
  const openContainer = async <T extends { id: string }>(name: string): Promise<EmbeddedDocumentContainer<T>> => {
    const container = await EmbeddedDocumentContainer.open<T>(lock, name);
    closers.push(() => container.close());
    return container;
  };
  // The lock goes last, after every file is closed, and even when closing one of them failed.
  const closeAll = async (): Promise<void> => {
    try {
      await Promise.all(closers.map((close) => close()));
    } finally {
      await lock.release();
    }
  };

  try {
    const drafts = await openContainer<DraftRecord>(CONTAINER_NAMES.drafts);
    const cases = await openContainer<CaseRecord>(CONTAINER_NAMES.cases);
    const conversationReferences = await openContainer<SealedRecord>(CONTAINER_NAMES.conversationReferences);
    const relayAddresses = await openContainer<SealedRecord>(CONTAINER_NAMES.relayAddresses);
    const outbox = await openContainer<OutboxItem>(CONTAINER_NAMES.outbox);
    const purgeLog = await openContainer<PurgeLogEntry>(CONTAINER_NAMES.purgeLog);
    let closing: Promise<void> | undefined;
    return {
      drafts: new DocumentDraftRepository(drafts),
      cases: new DocumentCaseRepository(cases),
      conversationReferences: new DocumentSealedRecordRepository(conversationReferences),
      relayAddresses: new DocumentSealedRecordRepository(relayAddresses),
      outbox: new DocumentOutboxRepository(outbox),
      purgeLog: new DocumentPurgeLogRepository(purgeLog),
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
