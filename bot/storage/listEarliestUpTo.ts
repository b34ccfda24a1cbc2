import type { Versioned } from '../app/common/storePorts';
import type { DocumentContainer, QueryCondition } from './documentContainer';
import { pageSize } from './pageSize';

/**
 * The documents whose `field` is up to a moment (`'<='`) or before it (`'<'`), earliest first, at
 * most `limit` (clamped to 1…100), with optional extra equality conditions. One range condition
 * on one indexed field, so the cost follows the number returned. No continuation token: the jobs
 * that use it (reminders, postings, retention) change or delete what they get and ask again.
 * Documents without `field` never match.
 */
export async function listEarliestUpTo<T extends { id: string }>(
  container: DocumentContainer<T>,
  field: keyof T & string,
  op: '<' | '<=',
  value: string,
  limit: number,
  also: readonly QueryCondition<T>[] = [],
): Promise<Versioned<T>[]> {
  const result = await container.query({ where: [...also, { field, op, value }], orderBy: { field, direction: 'ASC' }, limit: pageSize({ limit }) });
  return result.items;
}
