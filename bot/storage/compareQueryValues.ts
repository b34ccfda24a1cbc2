import type { QueryValue } from './documentContainer';

/** Cosmos DB orders values of different types by type: booleans, then numbers, then strings. */
const TYPE_RANK: Record<string, number> = { boolean: 1, number: 2, string: 3 };

/** Orders two query values as Cosmos DB's ORDER BY does (strings by UTF-16 code unit, which suits ISO times). */
export function compareQueryValues(a: QueryValue, b: QueryValue): number {
  const byType = TYPE_RANK[typeof a] - TYPE_RANK[typeof b];
  if (byType !== 0) return Math.sign(byType);
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** True when `value` is something a query can compare (string, number or boolean). */
export function isQueryValue(value: unknown): value is QueryValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
