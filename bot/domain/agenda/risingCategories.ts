import { CATEGORIES, type Category } from '../report';

/**
 * Categories whose report count in the current window rose "clearly" against the previous window,
 * and is large enough that nobody can be recognised. A category qualifies when all three hold:
 *
 * - current ≥ `minimum` (default 10: small numbers could point at a person and are mostly noise),
 * - current ≥ 1.5 × previous (a rise of at least half),
 * - current − previous ≥ 3 (not a rise of one or two reports).
 *
 * Ordered by relative rise (current / max(previous, 1)), largest first; ties in `CATEGORIES` order.
 * A category missing from a map counts 0.
 */
export function risingCategories(current: ReadonlyMap<Category, number>, previous: ReadonlyMap<Category, number>, minimum = 10): Category[] {
  return CATEGORIES.map((category) => ({ category, now: current.get(category) ?? 0, before: previous.get(category) ?? 0 }))
    .filter(({ now, before }) => now >= minimum && 2 * now >= 3 * before && now - before >= 3)
    .map(({ category, now, before }) => ({ category, rise: now / Math.max(before, 1) }))
    .sort((a, b) => b.rise - a.rise)
    .map(({ category }) => category);
}
