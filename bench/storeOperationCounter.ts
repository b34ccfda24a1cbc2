import type { Page, Versioned } from '../bot/app/common/storePorts';
import type { DocumentContainer, QuerySpec } from '../bot/storage/documentContainer';

/** The kinds of store operation, as Cosmos DB bills them: point reads, queries, writes. */
export type StoreOperation = 'read' | 'query' | 'create' | 'replace' | 'upsert' | 'delete';

/** Counts per container. */
export interface ContainerCounts {
  reads: number;
  queries: number;
  /** Documents the queries returned (Cosmos charges queries by what they read and return). */
  queryResults: number;
  writes: number;
  /** Bytes of the documents written (JSON), deletes count 0. */
  bytesWritten: number;
}

/** Store operations counted per container name; `snapshot` and `since` give the cost of a stretch of work. */
export class StoreOperationCounter {
  private readonly counts = new Map<string, ContainerCounts>();

  /** Records one operation on `container`. */
  record(container: string, operation: StoreOperation, detail: { bytes?: number; results?: number } = {}): void {
    const entry = this.counts.get(container) ?? { ...ZERO };
    if (operation === 'read') entry.reads += 1;
    else if (operation === 'query') {
      entry.queries += 1;
      entry.queryResults += detail.results ?? 0;
    } else {
      entry.writes += 1;
      entry.bytesWritten += detail.bytes ?? 0;
    }
    this.counts.set(container, entry);
  }

  /** A copy of the counts so far. */
  snapshot(): Record<string, ContainerCounts> {
    return Object.fromEntries([...this.counts].map(([name, counts]) => [name, { ...counts }]));
  }

  /** The counts added since `earlier` (a snapshot), containers with no operations left out. */
  since(earlier: Record<string, ContainerCounts>): Record<string, ContainerCounts> {
    return countsSince(this.snapshot(), earlier);
  }

  /** A container that counts every operation on `inner` under `name`. */
  counting<T extends { id: string }>(inner: DocumentContainer<T>, name: string): DocumentContainer<T> {
    return {
      read: async (id: string): Promise<Versioned<T> | undefined> => {
        this.record(name, 'read');
        return inner.read(id);
      },
      create: async (doc: T) => {
        this.record(name, 'create', { bytes: byteLength(doc) });
        return inner.create(doc);
      },
      replace: async (doc: T, etag: string) => {
        this.record(name, 'replace', { bytes: byteLength(doc) });
        return inner.replace(doc, etag);
      },
      upsert: async (doc: T) => {
        this.record(name, 'upsert', { bytes: byteLength(doc) });
        return inner.upsert(doc);
      },
      delete: async (id: string) => {
        this.record(name, 'delete');
        return inner.delete(id);
      },
      query: async (spec: QuerySpec<T>): Promise<Page<Versioned<T>>> => {
        const page = await inner.query(spec);
        this.record(name, 'query', { results: page.items.length });
        return page;
      },
    };
  }
}

const ZERO: ContainerCounts = { reads: 0, queries: 0, queryResults: 0, writes: 0, bytesWritten: 0 };

/** What `now` counts more than `before`, per container; containers with no operations left out. */
export function countsSince(now: Record<string, ContainerCounts>, before: Record<string, ContainerCounts>): Record<string, ContainerCounts> {
  const result: Record<string, ContainerCounts> = {};
  for (const [name, counts] of Object.entries(now)) {
    const earlier = before[name] ?? ZERO;
    const delta: ContainerCounts = {
      reads: counts.reads - earlier.reads,
      queries: counts.queries - earlier.queries,
      queryResults: counts.queryResults - earlier.queryResults,
      writes: counts.writes - earlier.writes,
      bytesWritten: counts.bytesWritten - earlier.bytesWritten,
    };
    if (delta.reads || delta.queries || delta.writes) result[name] = delta;
  }
  return result;
}

/** Sums the counts of all containers. */
export function totalCounts(counts: Record<string, ContainerCounts>): ContainerCounts {
  const total: ContainerCounts = { ...ZERO };
  for (const entry of Object.values(counts)) {
    total.reads += entry.reads;
    total.queries += entry.queries;
    total.queryResults += entry.queryResults;
    total.writes += entry.writes;
    total.bytesWritten += entry.bytesWritten;
  }
  return total;
}

function byteLength(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}
