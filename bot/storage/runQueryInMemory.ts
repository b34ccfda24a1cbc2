import type { Page, Versioned } from '../app/common/storePorts';
import { ValidationError } from '../domain/errors';
import { compareQueryValues, isQueryValue } from './compareQueryValues';
import type { QueryCondition, QuerySpec, QueryValue } from './documentContainer';

/** Where the previous page ended: the last item's sort value (when ordered) and id. */
interface Cursor {
  value?: QueryValue;
  id: string;
}

/**
 * Executes a query over documents held in memory, with Cosmos DB's comparison rules.
 *
 * The continuation token is a cursor (the last item's sort value and id), not an offset, so a
 * caller that deletes what it has read (a purge job paging through expired drafts) does not skip
 * the items that moved up. Ties on the sort field are broken by id to keep the order total.
 */
export function runQueryInMemory<T extends { id: string }>(entries: Iterable<Versioned<T>>, spec: QuerySpec<T>): Page<Versioned<T>> {
  const orderBy = spec.orderBy;
  const direction = orderBy?.direction === 'DESC' ? -1 : 1;
  const sortValue = (doc: T): QueryValue | undefined => (orderBy ? field(doc, orderBy.field) : undefined);
  const compare = (a: Cursor, b: Cursor): number => {
    const byValue = orderBy ? direction * compareQueryValues(a.value as QueryValue, b.value as QueryValue) : 0;
    return byValue !== 0 ? byValue : compareQueryValues(a.id, b.id);
  };

  const matching: { cursor: Cursor; entry: Versioned<T> }[] = [];
  for (const entry of entries) {
    if (!spec.where.every((condition) => matches(entry.value, condition))) continue;
    const value = sortValue(entry.value);
    if (orderBy && value === undefined) continue;
    matching.push({ cursor: { value, id: entry.value.id }, entry });
  }
  matching.sort((a, b) => compare(a.cursor, b.cursor));

  const after = spec.continuationToken === undefined ? undefined : decodeCursor(spec.continuationToken, orderBy !== undefined);
  const start = after === undefined ? 0 : firstIndexAfter(matching, after, compare);
  const end = spec.limit === undefined ? matching.length : Math.min(matching.length, start + spec.limit);
  const page = matching.slice(start, end);
  return {
    items: page.map(({ entry }) => entry),
    continuationToken: end < matching.length && page.length > 0 ? encodeCursor(page[page.length - 1].cursor) : undefined,
  };
}

function field<T>(doc: T, name: string): QueryValue | undefined {
  const value = (doc as Record<string, unknown>)[name];
  return isQueryValue(value) ? value : undefined;
}

/** Like Cosmos DB, a comparison between values of different types is undefined, so the document does not match. */
function matches<T>(doc: T, condition: QueryCondition<T>): boolean {
  if (condition.op === 'isDefined') return (doc as Record<string, unknown>)[condition.field] !== undefined;
  const value = field(doc, condition.field);
  if (value === undefined || typeof value !== typeof condition.value) return false;
  const order = compareQueryValues(value, condition.value);
  switch (condition.op) {
    case '=':
      return order === 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function firstIndexAfter<E extends { cursor: Cursor }>(sorted: E[], after: Cursor, compare: (a: Cursor, b: Cursor) => number): number {
  const index = sorted.findIndex((item) => compare(item.cursor, after) > 0);
  return index === -1 ? sorted.length : index;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Tokens come back from outside (card data, query strings), so a bad one is the caller's input error. */
function decodeCursor(token: string, ordered: boolean): Cursor {
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    cursor = undefined;
  }
  const candidate = cursor as Partial<Cursor> | undefined;
  const valid = typeof candidate === 'object' && candidate !== null && typeof candidate.id === 'string' && (!ordered || isQueryValue(candidate.value));
  if (!valid) throw new ValidationError({ continuationToken: 'invalid' });
  return { value: candidate.value, id: candidate.id as string };
}
