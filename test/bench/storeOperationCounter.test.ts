import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countEmbeddedStore } from '../../bench/countEmbeddedStore';
import { estimateRequestUnits, writeRequestUnits } from '../../bench/estimateRequestUnits';
import { StoreOperationCounter, totalCounts } from '../../bench/storeOperationCounter';
import { createEmbeddedRepositories } from '../../bot/storage/createEmbeddedRepositories';
import { acquireDirectoryLock } from '../../bot/storage/directoryLock';
import { EmbeddedDocumentContainer } from '../../bot/storage/embeddedDocumentContainer';

type Doc = { id: string; text: string };

describe('StoreOperationCounter', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vm-counter-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when a counting container is used, then each read, query and write is counted once with the bytes written and the documents returned', async () => {
    const lock = await acquireDirectoryLock(dataDir);
    const inner = await EmbeddedDocumentContainer.open<Doc>(lock, 'docs');
    const counter = new StoreOperationCounter();
    const docs = counter.counting(inner, 'docs');
    const created = await docs.create({ id: 'a', text: 'é' });
    await docs.upsert({ id: 'b', text: 'x' });
    await docs.replace({ id: 'a', text: 'yy' }, created.etag);
    await docs.read('a');
    await docs.read('missing');
    await docs.query({ where: [{ field: 'text', op: '>=', value: '' }] });
    await docs.delete('b');
    expect(counter.snapshot()).toEqual({
      docs: {
        reads: 2,
        queries: 1,
        queryResults: 2,
        writes: 4,
        // {"id":"a","text":"é"} is 22 bytes in UTF-8 (é is two), {"id":"b","text":"x"} 21, {"id":"a","text":"yy"} 22; a delete writes no document.
        bytesWritten: 22 + 21 + 22,
      },
    });
    await inner.close();
    await lock.release();
  });

  it('when counts are taken since a snapshot, then only the later operations are in them and idle containers are left out', () => {
    const counter = new StoreOperationCounter();
    counter.record('cases', 'read');
    counter.record('drafts', 'upsert', { bytes: 100 });
    const before = counter.snapshot();
    counter.record('cases', 'query', { results: 3 });
    counter.record('cases', 'replace', { bytes: 50 });
    expect(counter.since(before)).toEqual({ cases: { reads: 0, queries: 1, queryResults: 3, writes: 1, bytesWritten: 50 } });
    expect(totalCounts(counter.snapshot())).toEqual({ reads: 1, queries: 1, queryResults: 3, writes: 2, bytesWritten: 150 });
  });

  it('when the embedded store is counted, then the repositories the application builds report their operations by container name', async () => {
    const counter = new StoreOperationCounter();
    countEmbeddedStore(counter);
    const repos = await createEmbeddedRepositories(dataDir);
    await repos.drafts.get('draft-1');
    await repos.close();
    expect(counter.snapshot()).toEqual({ drafts: { reads: 1, queries: 0, queryResults: 0, writes: 0, bytesWritten: 0 } });
  });
});

describe('estimateRequestUnits', () => {
  it('when writes are of a published size, then the published charge is used, and between sizes it is interpolated', () => {
    expect(writeRequestUnits(512)).toBe(4.95);
    expect(writeRequestUnits(2048)).toBeCloseTo(6.29);
    expect(writeRequestUnits(3072)).toBeCloseTo((6.29 + 6.67) / 2);
  });

  it('when operations are counted, then reads are 1 RU each, writes by their average size and queries 2.5 RU plus 1 per document returned', () => {
    expect(estimateRequestUnits({ reads: 3, queries: 2, queryResults: 4, writes: 2, bytesWritten: 2 * 1024 })).toBeCloseTo(3 + 2 * 4.95 + 2 * 2.5 + 4);
  });
});
