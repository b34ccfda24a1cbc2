import { pageSize } from '../../bot/storage/pageSize';

describe('pageSize', () => {
  it.each([
    [undefined, 20],
    [{}, 20],
    [{ limit: 10 }, 10],
    [{ limit: 100 }, 100],
    [{ limit: 1000 }, 100],
    [{ limit: 0 }, 1],
    [{ limit: -5 }, 1],
    [{ limit: 7.9 }, 7],
    [{ limit: Number.NaN }, 20],
  ])('when the request is %j, then the page size is %i', (request, expected) => {
    expect(pageSize(request)).toBe(expected);
  });
});
