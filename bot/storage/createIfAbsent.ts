import { ConflictError } from '../domain/errors';
import type { DocumentContainer } from './documentContainer';

/**
 * Creates a document unless one with its id exists: true when created, false (and no change)
 * when it was there already. Never upserts, so the first version stays — what makes a retried
 * enqueue, register entry or audit entry harmless.
 */
export async function createIfAbsent<T extends { id: string }>(container: DocumentContainer<T>, document: T): Promise<boolean> {
  try {
    await container.create(document);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}
