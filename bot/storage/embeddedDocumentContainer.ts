import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page, Versioned } from '../app/common/storePorts';
import { ConcurrencyError, ConflictError, NotFoundError } from '../domain/errors';
import { assertValidDocumentId } from './assertValidDocumentId';
import { assertValidQuerySpec } from './assertValidQuerySpec';
import type { DirectoryLock } from './directoryLock';
import type { DocumentContainer, QuerySpec } from './documentContainer';
import type { EmbeddedLogRecord } from './embeddedLogRecord';
import { replayEmbeddedLog } from './replayEmbeddedLog';
import { runQueryInMemory } from './runQueryInMemory';

/** Owner-only: the files hold case records (sealed, but still confidential metadata). */
const FILE_MODE = 0o600;
const CONTAINER_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * The local document container: needs no setup and survives restarts, including a hard kill.
 *
 * Documents live in a Map; every write is first appended to `<dataDir>/<name>.jsonl` and fsynced,
 * and only then applied and acknowledged. Opening replays the log and compacts it (live documents
 * only, written to a temporary file that replaces the log by rename).
 *
 * Group commit: writes are checked one at a time in arrival order (against the documents as the
 * writes before them leave them), and the writes that arrive while an fsync is under way are
 * appended together and made durable by the next single fsync. Reads see a write only once it is
 * durable, and wait for it: a read of a document with a write under way, and a query while any
 * write is under way, first wait until the writes that came before them are durable (so whoever
 * reads after a write, as a retry after a lost race does, sees it, as before group commit). If appending or syncing a group fails, every write in it fails and the container
 * refuses further writes, as before.
 *
 * Single process only: the Map is the source of truth for reads, so another process writing the
 * same files would be invisible and overwritten. `open` therefore requires the directory lock.
 * Meant for local development and tests; production uses Cosmos DB.
 */
export class EmbeddedDocumentContainer<T extends { id: string }> implements DocumentContainer<T> {
  private closed = false;
  /** Checked writes waiting for the next append and fsync, in arrival order (= log order). */
  private group: PendingWrite<T>[] = [];
  /** What the checked but not yet durable writes leave each id as (undefined: deleted). */
  private readonly staged = new Map<string, Versioned<T> | undefined>();
  /** Per id, the last write not yet durable (settles, never rejects, once it is durable or failed). */
  private readonly pending = new Map<string, Promise<void>>();
  /** The append and fsync under way, if any. */
  private flushing: Promise<void> | undefined;
  /** Set when an append failed: memory and file may disagree, so no further write is accepted. */
  private failure: Error | undefined;

  private constructor(
    /** The log file, for error messages. */
    readonly file: string,
    private readonly docs: Map<string, Versioned<T>>,
    private readonly log: FileHandle,
  ) {}

  /** Opens (or creates) the container `name` in the locked directory: replays, then compacts its log. */
  static async open<T extends { id: string }>(lock: DirectoryLock, name: string): Promise<EmbeddedDocumentContainer<T>> {
    if (!CONTAINER_NAME.test(name)) throw new Error(`invalid container name: ${JSON.stringify(name)}`);
    const file = join(lock.dataDir, `${name}.jsonl`);
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      if ((error as { code?: string }).code === 'ENOENT') return '';
      throw error;
    });
    const docs = replayEmbeddedLog<T>(text, file);
    await compact(file, docs);
    const log = await open(file, 'a', FILE_MODE);
    return new EmbeddedDocumentContainer<T>(file, docs, log);
  }

  async read(id: string): Promise<Versioned<T> | undefined> {
    this.assertOpen();
    assertValidDocumentId(id);
    const pending = this.pending.get(id);
    if (pending) await pending;
    const entry = this.docs.get(id);
    return entry && copy(entry);
  }

  async create(doc: T): Promise<Versioned<T>> {
    return this.put(doc, (current) => {
      if (current) throw new ConflictError(`a document with this id already exists in ${this.file}`);
    });
  }

  async replace(doc: T, etag: string): Promise<Versioned<T>> {
    return this.put(doc, (current) => {
      if (!current) throw new NotFoundError(`the document to replace is not in ${this.file}`);
      if (current.etag !== etag) throw new ConcurrencyError(`the document changed since it was read (${this.file})`);
    });
  }

  async upsert(doc: T): Promise<Versioned<T>> {
    return this.put(doc, () => undefined);
  }

  async delete(id: string): Promise<void> {
    assertValidDocumentId(id);
    this.assertWritable();
    // Gone and durably so: nothing to write. A pending write to the id (even a delete) is waited for, by logging this one after it.
    if (!this.current(id) && !this.staged.has(id)) return;
    await this.enqueue(id, undefined, { op: 'delete', id });
  }

  async query(spec: QuerySpec<T>): Promise<Page<Versioned<T>>> {
    this.assertOpen();
    assertValidQuerySpec(spec);
    if (this.pending.size > 0) await Promise.all([...this.pending.values()]);
    const page = runQueryInMemory(this.docs.values(), spec);
    return { ...page, items: page.items.map(copy) };
  }

  /** Waits for pending writes and closes the log file. Every acknowledged write is already on disk. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing.catch(() => undefined);
    await this.log.close();
  }

  private async put(doc: T, check: (current: Versioned<T> | undefined) => void): Promise<Versioned<T>> {
    assertValidDocumentId(doc.id);
    this.assertWritable();
    check(this.current(doc.id));
    // Stored as JSON, like Cosmos DB: undefined fields vanish, and the caller's object is not shared.
    const entry: Versioned<T> = { value: JSON.parse(JSON.stringify(doc)) as T, etag: randomUUID() };
    await this.enqueue(doc.id, entry, { op: 'put', etag: entry.etag, doc: entry.value });
    return copy(entry);
  }

  /** The document as the writes checked so far leave it (durable or not). */
  private current(id: string): Versioned<T> | undefined {
    return this.staged.has(id) ? this.staged.get(id) : this.docs.get(id);
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.failure) throw new Error(`an earlier write to ${this.file} failed; reopen the store`, { cause: this.failure });
  }

  /** Adds a checked write to the next group; resolves once it is durable and applied. */
  private enqueue(id: string, entry: Versioned<T> | undefined, record: EmbeddedLogRecord<T>): Promise<void> {
    this.staged.set(id, entry);
    const written = new Promise<void>((resolve, reject) => {
      this.group.push({ id, entry, line: `${JSON.stringify(record)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
    const settled = written.then(
      () => undefined,
      () => undefined,
    );
    this.pending.set(id, settled);
    void settled.then(() => {
      if (this.pending.get(id) === settled) this.pending.delete(id);
    });
    return written;
  }

  /** Appends and fsyncs the waiting writes as one group, then the writes that arrived meanwhile, until none waits. */
  private async flush(): Promise<void> {
    // Let the writes of the same tick join the first group.
    await Promise.resolve();
    while (this.group.length > 0) {
      const group = this.group;
      this.group = [];
      try {
        if (this.failure) throw new Error(`an earlier write to ${this.file} failed; reopen the store`, { cause: this.failure });
        // One write per group: a crash can only tear the last line, which replay drops.
        await this.log.appendFile(group.map((write) => write.line).join(''), 'utf8');
        await this.log.sync();
      } catch (error) {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
        for (const write of group) {
          if (this.staged.get(write.id) === write.entry) this.staged.delete(write.id);
          write.reject(error);
        }
        continue;
      }
      for (const write of group) {
        if (write.entry) this.docs.set(write.id, write.entry);
        else this.docs.delete(write.id);
        if (this.staged.get(write.id) === write.entry) this.staged.delete(write.id);
        write.resolve();
      }
    }
    this.flushing = undefined;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the embedded container ${this.file} is closed`);
  }
}

/** A checked write waiting for its group's fsync. */
interface PendingWrite<T> {
  id: string;
  /** The new version, or undefined for a delete. */
  entry: Versioned<T> | undefined;
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function copy<T>(entry: Versioned<T>): Versioned<T> {
  return { value: structuredClone(entry.value), etag: entry.etag };
}

/** Rewrites the log with only the live documents, atomically: temp file, fsync, rename, fsync the directory. */
async function compact<T>(file: string, docs: Map<string, Versioned<T>>): Promise<void> {
  const temp = `${file}.tmp`;
  // A temp file left by a crash during an earlier compaction is incomplete; the log is intact.
  await rm(temp, { force: true });
  const handle = await open(temp, 'wx', FILE_MODE);
  try {
    const lines = [...docs.values()].map(({ value, etag }) => `${JSON.stringify({ op: 'put', etag, doc: value } satisfies EmbeddedLogRecord<T>)}\n`);
    await handle.writeFile(lines.join(''), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncDirectory(dirname(file));
}

/** Makes the rename durable. Not every platform can open a directory (Windows cannot): then it is skipped. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data itself is already fsynced in the renamed file.
  } finally {
    await handle?.close();
  }
}
