import type { Repositories } from '../app/common/repositories';
import { acquireDirectoryLock } from './directoryLock';
import { EmbeddedDocumentContainer } from './embeddedDocumentContainer';
import { repositoriesOver } from './repositoriesOver';

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
    let closing: Promise<void> | undefined;
    return await repositoriesOver(openContainer, () => (closing ??= closeAll()));
  } catch (error) {
    await closeAll();
    throw error;
  }
}
