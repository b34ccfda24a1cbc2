import { basename } from 'node:path';
import { EmbeddedDocumentContainer } from '../bot/storage/embeddedDocumentContainer';
import type { StoreOperation, StoreOperationCounter } from './storeOperationCounter';

type Method = (this: EmbeddedDocumentContainer<{ id: string }>, ...args: unknown[]) => Promise<unknown>;

let counted = false;

/**
 * Counts every operation of every embedded container this process opens, for a benchmark run
 * of the whole application (which builds its store itself): wraps the class's methods once.
 */
export function countEmbeddedStore(counter: StoreOperationCounter): void {
  if (counted) throw new Error('the embedded store is already counted in this process');
  counted = true;
  const prototype = EmbeddedDocumentContainer.prototype as unknown as Record<StoreOperation, Method>;
  for (const operation of ['read', 'query', 'create', 'replace', 'upsert', 'delete'] as const) {
    const original = prototype[operation];
    prototype[operation] = async function counted(this: EmbeddedDocumentContainer<{ id: string }>, ...args: unknown[]) {
      const name = basename(this.file, '.jsonl');
      const result = await original.apply(this, args);
      const bytes = operation === 'create' || operation === 'replace' || operation === 'upsert' ? Buffer.byteLength(JSON.stringify(args[0]), 'utf8') : undefined;
      const results = operation === 'query' ? (result as { items: unknown[] }).items.length : undefined;
      counter.record(name, operation, { bytes, results });
      return result;
    };
  }
}
