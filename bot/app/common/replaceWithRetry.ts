import { ConcurrencyError, NotFoundError } from '../../domain/errors';
import type { Versioned } from './storePorts';

/** A store of whole documents replaced with their ETag. */
export interface VersionedStore<T> {
  get(id: string): Promise<Versioned<T> | undefined>;
  replace(document: T, etag: string): Promise<Versioned<T>>;
}

/** The change to make: reads only (it may throw a DomainError to refuse), returns the new version and a result. */
export type DocumentChange<T, R> = (document: T, now: Date) => { record: T; result: R } | Promise<{ record: T; result: R }>;

const ATTEMPTS = 3;

/**
 * Optimistic concurrency for single-document aggregates (cases, teams, agreed actions): reads
 * the document, applies `change` to a copy, replaces it if nobody changed it meanwhile, and
 * re-reads and re-applies when someone did (at most three times, then the ConcurrencyError
 * goes to the caller). NotFoundError (`what`) when the document is not there.
 */
export async function replaceWithRetry<T, R>(store: VersionedStore<T>, id: string, now: () => Date, what: string, change: DocumentChange<T, R>): Promise<{ saved: Versioned<T>; result: R }> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await store.get(id);
    if (!stored) throw new NotFoundError(what);
    const { record, result } = await change(structuredClone(stored.value), now());
    try {
      return { saved: await store.replace(record, stored.etag), result };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
