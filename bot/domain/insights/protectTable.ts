/** One additive relation between the cells of a table as shown: `total` is the sum of `parts`. */
export interface TableRelation {
  total: string;
  parts: readonly string[];
}

/** The cells to hide: `primary` (too small to show), and all of `hidden` (those plus the complementary ones). */
export interface TableProtection {
  primary: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
}

const EPSILON = 1e-9;

/**
 * Small-cell suppression that cannot be undone by arithmetic (complementary suppression).
 * Every cell below `threshold` is hidden (primary), and so are `alsoPrimary` (cells shown only together
 * with a small one). Then, while some hidden cell is still fixed by the relations and the shown cells —
 * one hidden cell in a row or column next to its total, or any longer chain of subtractions — a shown
 * cell that shares a relation with it is hidden as well: one of `hideFirst` (cells of least worth to the reader) if
 * there is one, then the smallest, a part before a total. Every round
 * hides at least one more cell, and hiding more never fixes a cell, so it ends (at worst with all hidden).
 *
 * "Fixed" is exact linear algebra over the hidden cells (`fixedHiddenCells`): the same value in every
 * solution of the relations. What stays known: the sum of the hidden cells of a relation (when it is 0, each is 0).
 */
export function protectTable(
  values: ReadonlyMap<string, number>,
  relations: readonly TableRelation[],
  threshold: number,
  alsoPrimary: Iterable<string> = [],
  hideFirst: (cell: string) => boolean = () => false,
): TableProtection {
  const primary = new Set([...[...values].filter(([, value]) => value < threshold).map(([cell]) => cell), ...alsoPrimary]);
  const hidden = new Set(primary);
  const totals = new Set(relations.map((relation) => relation.total));
  const shown = (candidates: Iterable<string>) => [...new Set(candidates)].filter((candidate) => !hidden.has(candidate) && values.has(candidate));
  const hideOneOf = (candidates: string[]): boolean => {
    if (candidates.length === 0) return false;
    candidates.sort((a, b) => Number(hideFirst(b)) - Number(hideFirst(a)) || (values.get(a) ?? 0) - (values.get(b) ?? 0) || Number(totals.has(a)) - Number(totals.has(b)));
    hidden.add(candidates[0]);
    return true;
  };
  for (;;) {
    // The cheap rule first (a row or column with exactly one hidden cell), until no line has one.
    let changed = true;
    while (changed) {
      changed = false;
      for (const relation of relations) {
        const cells = [relation.total, ...relation.parts];
        if (cells.filter((cell) => hidden.has(cell)).length === 1 && hideOneOf(shown(cells))) changed = true;
      }
    }
    // Then the exact check, for chains of subtractions across rows and columns.
    const fixed = fixedHiddenCells(hidden, relations);
    if (fixed.length === 0) return { primary, hidden };
    // One more hidden cell beside each fixed one (a few more than needed at times, in far fewer rounds).
    let hiddenMore = false;
    for (const cell of fixed) {
      const neighbours = relations.filter((relation) => relation.total === cell || relation.parts.includes(cell)).flatMap((relation) => [relation.total, ...relation.parts]);
      if (hideOneOf(shown(neighbours)) || hideOneOf(shown(values.keys()))) hiddenMore = true;
    }
    if (!hiddenMore) return { primary, hidden };
  }
}

/**
 * The hidden cells whose value follows from the relations and the shown cells. Each relation is a
 * row `total − Σ parts = 0`; over the hidden cells only (the shown ones are constants), a hidden cell
 * is fixed exactly when, in the reduced row echelon form, its column is a pivot whose row has no
 * other column left. Sparse Gauss–Jordan elimination, the short relations (rows of the table) first,
 * so that a view with many units costs about linear time rather than cubic.
 */
export function fixedHiddenCells(hidden: ReadonlySet<string>, relations: readonly TableRelation[]): string[] {
  const columns = [...hidden];
  const index = new Map(columns.map((cell, column) => [cell, column]));
  const input = relations
    .map((relation) => {
      const row = new Map<number, number>();
      const add = (cell: string, coefficient: number) => {
        const column = index.get(cell);
        if (column !== undefined) row.set(column, (row.get(column) ?? 0) + coefficient);
      };
      add(relation.total, 1);
      for (const part of relation.parts) add(part, -1);
      return clean(row);
    })
    .filter((row) => row.size > 0)
    .sort((a, b) => a.size - b.size);

  const pivotRows = new Map<number, Map<number, number>>();
  /** For each column, the pivot rows (by their pivot column) in which it still occurs besides their pivot. */
  const occurrences = new Map<number, Set<number>>();
  const note = (pivot: number, row: Map<number, number>) => {
    for (const column of row.keys()) if (column !== pivot) (occurrences.get(column) ?? occurrences.set(column, new Set()).get(column)!).add(pivot);
  };
  const forget = (pivot: number, row: Map<number, number>) => {
    for (const column of row.keys()) occurrences.get(column)?.delete(pivot);
  };
  for (const original of input) {
    let row = new Map(original);
    for (const column of [...row.keys()]) {
      const pivotRow = pivotRows.get(column);
      const factor = row.get(column);
      if (pivotRow && factor !== undefined) subtractInPlace(row, pivotRow, factor);
    }
    clean(row);
    if (row.size === 0) continue;
    // The pivot: the column in the fewest pivot rows (least fill-in).
    let pivot = -1;
    for (const column of row.keys()) if (pivot === -1 || (occurrences.get(column)?.size ?? 0) < (occurrences.get(pivot)?.size ?? 0)) pivot = column;
    const scale = row.get(pivot)!;
    row = new Map([...row].map(([column, value]) => [column, value / scale]));
    for (const other of [...(occurrences.get(pivot) ?? [])]) {
      const otherRow = pivotRows.get(other)!;
      forget(other, otherRow);
      subtractInPlace(otherRow, row, otherRow.get(pivot)!);
      clean(otherRow);
      note(other, otherRow);
    }
    occurrences.delete(pivot);
    pivotRows.set(pivot, row);
    note(pivot, row);
  }
  return [...pivotRows].filter(([, row]) => row.size === 1).map(([pivot]) => columns[pivot]);
}

/** `row −= factor × other` (entries that become zero are left for `clean`). */
function subtractInPlace(row: Map<number, number>, other: ReadonlyMap<number, number>, factor: number): void {
  for (const [column, value] of other) row.set(column, (row.get(column) ?? 0) - factor * value);
}

/** Without the entries that are zero (up to rounding). */
function clean(row: Map<number, number>): Map<number, number> {
  for (const [column, value] of row) if (Math.abs(value) < EPSILON) row.delete(column);
  return row;
}
