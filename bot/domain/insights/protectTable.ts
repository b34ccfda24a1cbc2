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
 * Every cell below `threshold` is hidden (primary; so are `alsoPrimary`, cells that are shown only together
 * with a small one); then, as long as some hidden cell is still
 * fixed by the relations and the shown cells (one hidden cell in a row or column next to its
 * total, or any longer chain of such subtractions and additions), one more shown cell that shares
 * a relation with it is hidden as well: the smallest, a part before a total. Each round hides one
 * more cell and hiding more never fixes a cell, so it ends; in the worst case everything is hidden.
 *
 * "Fixed" is exact linear algebra over the hidden cells: a hidden cell is fixed when it is
 * the same in every solution of the relations, i.e. when no combination of the relations leaves it free.
 * What stays: the sum of the hidden cells of a relation is known (when it is 0, each is 0).
 */
export function protectTable(values: ReadonlyMap<string, number>, relations: readonly TableRelation[], threshold: number, alsoPrimary: Iterable<string> = []): TableProtection {
  const primary = new Set([...[...values].filter(([, value]) => value < threshold).map(([cell]) => cell), ...alsoPrimary]);
  const hidden = new Set(primary);
  const totals = new Set(relations.map((relation) => relation.total));
  const shown = (candidates: Iterable<string>) => [...new Set(candidates)].filter((candidate) => !hidden.has(candidate) && values.has(candidate));
  const hideOneOf = (candidates: string[]): boolean => {
    if (candidates.length === 0) return false;
    candidates.sort((a, b) => (values.get(a) ?? 0) - (values.get(b) ?? 0) || Number(totals.has(a)) - Number(totals.has(b)));
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
    const neighbours = relations.filter((relation) => relation.total === fixed[0] || relation.parts.includes(fixed[0])).flatMap((relation) => [relation.total, ...relation.parts]);
    if (!hideOneOf(shown(neighbours)) && !hideOneOf(shown(values.keys()))) return { primary, hidden };
  }
}

/**
 * The hidden cells whose value follows from the relations and the shown cells. Each relation is a
 * row `total − Σ parts = 0`; over the hidden cells only (the shown ones are constants), a hidden cell
 * is fixed exactly when, in the reduced row echelon form, its column is a pivot whose row has no
 * free column.
 */
export function fixedHiddenCells(hidden: ReadonlySet<string>, relations: readonly TableRelation[]): string[] {
  const columns = [...hidden];
  const index = new Map(columns.map((cell, column) => [cell, column]));
  const rows = relations
    .map((relation) => {
      const row = new Array<number>(columns.length).fill(0);
      if (index.has(relation.total)) row[index.get(relation.total)!] += 1;
      for (const part of relation.parts) if (index.has(part)) row[index.get(part)!] -= 1;
      return row;
    })
    .filter((row) => row.some((value) => Math.abs(value) > EPSILON));
  const pivots = reduceToEchelon(rows, columns.length);
  const pivotColumns = new Set(pivots.map((pivot) => pivot.column));
  return pivots
    .filter((pivot) => rows[pivot.row].every((value, column) => column === pivot.column || pivotColumns.has(column) || Math.abs(value) < EPSILON))
    .map((pivot) => columns[pivot.column]);
}

/** Gauss–Jordan elimination in place; the pivots found, one per row used. */
function reduceToEchelon(rows: number[][], width: number): { row: number; column: number }[] {
  const pivots: { row: number; column: number }[] = [];
  let next = 0;
  for (let column = 0; column < width && next < rows.length; column += 1) {
    let best = next;
    for (let row = next + 1; row < rows.length; row += 1) if (Math.abs(rows[row][column]) > Math.abs(rows[best][column])) best = row;
    if (Math.abs(rows[best][column]) < EPSILON) continue;
    [rows[next], rows[best]] = [rows[best], rows[next]];
    const pivot = rows[next][column];
    rows[next] = rows[next].map((value) => value / pivot);
    for (let row = 0; row < rows.length; row += 1) {
      if (row === next) continue;
      const factor = rows[row][column];
      if (Math.abs(factor) > EPSILON) rows[row] = rows[row].map((value, at) => value - factor * rows[next][at]);
    }
    pivots.push({ row: next, column });
    next += 1;
  }
  return pivots;
}
