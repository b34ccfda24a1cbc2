import { mkdtempSync, rmSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError } from '../../bot/domain/errors';
import { acquireDirectoryLock, type DirectoryLock } from '../../bot/storage/directoryLock';
import { EmbeddedDocumentContainer } from '../../bot/storage/embeddedDocumentContainer';

type Doc = { id: string; n: number };

/** The FileHandle class's prototype, to count and fail fsyncs of the store's log. */
async function fileHandlePrototype(dir: string): Promise<{ sync: () => Promise<void> }> {
  const handle = await open(join(dir, 'probe'), 'w');
  await handle.close();
  return Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
}

describe('embedded store: group commit', () => {
  let dataDir: string;
  let lock: DirectoryLock;
  let container: EmbeddedDocumentContainer<Doc>;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vm-group-commit-'));
    lock = await acquireDirectoryLock(dataDir);
    container = await EmbeddedDocumentContainer.open<Doc>(lock, 'docs');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await container.close();
    await lock.release();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when 50 writes are started together, then they share fewer fsyncs than writes, are logged in arrival order and all survive a reopen', async () => {
    const sync = jest.spyOn(await fileHandlePrototype(dataDir), 'sync');
    await Promise.all(Array.from({ length: 50 }, (_, n) => container.upsert({ id: `doc-${n}`, n })));
    expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
    const logged = (await readFile(join(dataDir, 'docs.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line).doc.n);
    expect(logged).toEqual(Array.from({ length: 50 }, (_, n) => n));

    await container.close();
    container = await EmbeddedDocumentContainer.open<Doc>(lock, 'docs');
    const page = await container.query({ where: [{ field: 'n', op: '>=', value: 0 }], limit: 100 });
    expect(page.items).toHaveLength(50);
  });

  it('when writes to one id are started together, then each is checked against the writes before it: one create wins, a replace with the first etag after another replace conflicts', async () => {
    const created = await Promise.allSettled([container.create({ id: 'a', n: 1 }), container.create({ id: 'a', n: 2 })]);
    expect(created.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect((created[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const etag = (created[0] as PromiseFulfilledResult<{ etag: string }>).value.etag;
    const replaced = await Promise.allSettled([container.replace({ id: 'a', n: 3 }, etag), container.replace({ id: 'a', n: 4 }, etag)]);
    expect(replaced.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect((await container.read('a'))?.value.n).toBe(3);
  });

  it('when a delete is started while another delete of the same document is in the same group, then both resolve once it is durable and the document stays gone after a reopen', async () => {
    await container.upsert({ id: 'gone', n: 1 });
    await Promise.all([container.delete('gone'), container.delete('gone')]);
    await expect(container.read('gone')).resolves.toBeUndefined();
    await container.close();
    container = await EmbeddedDocumentContainer.open<Doc>(lock, 'docs');
    await expect(container.read('gone')).resolves.toBeUndefined();
  });

  it('when a write is not yet durable, then a read of it waits until it is, and never sees it before', async () => {
    let releaseSync: (() => void) | undefined;
    const prototype = await fileHandlePrototype(dataDir);
    const realSync = prototype.sync;
    jest.spyOn(prototype, 'sync').mockImplementationOnce(function (this: unknown) {
      return new Promise<void>((resolve) => (releaseSync = resolve)).then(() => realSync.call(this));
    });
    const writing = container.upsert({ id: 'b', n: 1 });
    // Until the append is done and the fsync has begun (I/O turns, not time).
    while (!releaseSync) await new Promise((resolve) => setImmediate(resolve));
    let durable = false;
    const reading = container.read('b').then((entry) => ({ entry, durable }));
    const querying = container.query({ where: [], limit: 10 }).then((page) => ({ ids: page.items.map((item) => item.value.id), durable }));
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    durable = true;
    releaseSync();
    await writing;
    await expect(reading).resolves.toMatchObject({ entry: { value: { id: 'b', n: 1 } }, durable: true });
    await expect(querying).resolves.toMatchObject({ ids: expect.arrayContaining(['b']), durable: true });
  });

  it('when the fsync of a group fails, then every write of the group fails, none is visible, and later writes are refused', async () => {
    jest.spyOn(await fileHandlePrototype(dataDir), 'sync').mockRejectedValueOnce(Object.assign(new Error('disk gone'), { code: 'EIO' }));
    const results = await Promise.allSettled([container.upsert({ id: 'c', n: 1 }), container.upsert({ id: 'd', n: 2 })]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(container.read('c')).resolves.toBeUndefined();
    await expect(container.read('d')).resolves.toBeUndefined();
    await expect(container.upsert({ id: 'e', n: 3 })).rejects.toThrow(/an earlier write .* failed; reopen the store/);
  });
});
