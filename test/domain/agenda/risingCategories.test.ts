import { risingCategories } from '../../../bot/domain/agenda/risingCategories';
import type { Category } from '../../../bot/domain/report';

const counts = (entries: [Category, number][]) => new Map<Category, number>(entries);

describe('risingCategories', () => {
  it.each<[number, number, boolean, string]>([
    [18, 9, true, 'doubled and large enough'],
    [9, 0, false, 'below the minimum of 10'],
    [10, 6, true, '1.67× and 4 more'],
    [10, 7, false, 'only 1.43×'],
    [12, 0, true, 'from nothing to 12'],
    [20, 18, false, 'only 1.11×'],
    [15, 10, true, 'exactly 1.5×'],
    [10, 10, false, 'unchanged'],
  ])('when the count went from %s (current) against %s (previous), then rising is %s (%s)', (current, previous, rising) => {
    expect(risingCategories(counts([['bullying', current]]), counts([['bullying', previous]]))).toEqual(rising ? ['bullying'] : []);
  });

  it.each<[number, number, boolean]>([
    [4, 2, false],
    [5, 2, true],
  ])('when the minimum is 3 and the count went from %s against %s, then rising is %s (a rise of at least 3 reports)', (current, previous, rising) => {
    expect(risingCategories(counts([['aggression', current]]), counts([['aggression', previous]]), 3)).toEqual(rising ? ['aggression'] : []);
  });

  it('when a category is missing from the previous window, then it counts as 0 there', () => {
    expect(risingCategories(counts([['integrity', 11]]), new Map())).toEqual(['integrity']);
  });

  it('when several categories rose, then the largest relative rise comes first and ties follow the category order', () => {
    const current = counts([['integrity', 15], ['bullying', 12], ['aggression', 20], ['discrimination', 10], ['unsafe_situation', 30]]);
    const previous = counts([['integrity', 10], ['bullying', 8], ['aggression', 4], ['unsafe_situation', 29]]);
    expect(risingCategories(current, previous)).toEqual(['discrimination', 'aggression', 'bullying', 'integrity']);
  });
});
