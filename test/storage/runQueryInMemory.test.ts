import type { Versioned } from '../../bot/app/common/storePorts';
import { runQueryInMemory } from '../../bot/storage/runQueryInMemory';

interface Doc {
  id: string;
  n?: number | string;
  flag?: boolean;
}

const docs: Versioned<Doc>[] = [
  { id: 'd', n: 2 },
  { id: 'b', n: 1 },
  { id: 'c', n: 2 },
  { id: 'a', n: '2' },
  { id: 'e' },
  { id: 'f', n: 3, flag: true },
].map((value) => ({ value, etag: `etag-${value.id}` }));

const ids = (items: Versioned<Doc>[]): string[] => items.map((item) => item.value.id);

describe('runQueryInMemory', () => {
  it('when a condition compares values of another type, then those documents do not match (as in Cosmos DB)', () => {
    const page = runQueryInMemory(docs, { where: [{ field: 'n', op: '>=', value: 2 }], orderBy: { field: 'n', direction: 'ASC' } });
    expect(ids(page.items)).toEqual(['c', 'd', 'f']);
  });

  it('when sort values tie, then the order is by id, in both directions, so pages are stable', () => {
    const descending = runQueryInMemory(docs, { where: [{ field: 'n', op: '<', value: 3 }], orderBy: { field: 'n', direction: 'DESC' } });
    expect(ids(descending.items)).toEqual(['c', 'd', 'b']);
  });

  it('when there is no order, then documents come by id, and absent order fields leave documents out only when ordering', () => {
    expect(ids(runQueryInMemory(docs, { where: [] }).items)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(ids(runQueryInMemory(docs, { where: [], orderBy: { field: 'n', direction: 'ASC' } }).items)).toEqual(['b', 'c', 'd', 'f', 'a']);
  });

  it('when paging one at a time, then the token resumes after the last item until none are left', () => {
    const seen: string[] = [];
    let continuationToken: string | undefined;
    do {
      const page = runQueryInMemory(docs, { where: [{ field: 'flag', op: '=', value: true }], limit: 1, continuationToken });
      seen.push(...ids(page.items));
      continuationToken = page.continuationToken;
    } while (continuationToken);
    expect(seen).toEqual(['f']);

    const all: string[] = [];
    do {
      const page = runQueryInMemory(docs, { where: [], orderBy: { field: 'n', direction: 'DESC' }, limit: 2, continuationToken });
      all.push(...ids(page.items));
      continuationToken = page.continuationToken;
    } while (continuationToken);
    expect(all).toEqual(['a', 'f', 'c', 'd', 'b']);
  });
});
