import { QUERY_OPERATORS, type QuerySpec } from './documentContainer';

/** Field names end up inside query text, so only plain identifiers are accepted. */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Throws when a query uses a field name, operator or value outside the supported subset. The
 * types already restrict them; this guards the query text against values that bypassed the types.
 */
export function assertValidQuerySpec<T>(spec: QuerySpec<T>): void {
  for (const condition of spec.where) {
    if (!FIELD_NAME.test(condition.field)) throw new Error(`unsupported query field: ${JSON.stringify(condition.field)}`);
    if (condition.op === 'isDefined') continue;
    if (!(QUERY_OPERATORS as readonly string[]).includes(condition.op)) throw new Error(`unsupported query operator: ${JSON.stringify(condition.op)}`);
    if (!['string', 'number', 'boolean'].includes(typeof condition.value)) throw new Error(`unsupported query value for ${condition.field}`);
  }
  if (spec.orderBy) {
    if (!FIELD_NAME.test(spec.orderBy.field)) throw new Error(`unsupported order field: ${JSON.stringify(spec.orderBy.field)}`);
    if (spec.orderBy.direction !== 'ASC' && spec.orderBy.direction !== 'DESC') throw new Error('unsupported order direction');
  }
  if (spec.limit !== undefined && (!Number.isInteger(spec.limit) || spec.limit < 1)) throw new Error('query limit must be a positive integer');
}
