/**
 * The low-level storage port under the repositories: a container of JSON documents keyed by `id`
 * (which is also the partition key), with optimistic concurrency through ETags and a small
 * structured query language that both the Cosmos DB and the embedded file store can execute.
 * The repositories are written once against this port, so both backends behave the same.
 */
import type { Page, Versioned } from '../app/common/storePorts';

/** A value a query can compare with. */
export type QueryValue = string | number | boolean;

export const QUERY_OPERATORS = ['=', '<=', '<', '>=', '>'] as const;
export type QueryOperator = (typeof QUERY_OPERATORS)[number];

/** `doc[field] op value`. Only top-level fields; a document whose field is absent or of another type does not match. */
export interface ComparisonCondition<T> {
  field: keyof T & string;
  op: QueryOperator;
  value: QueryValue;
}

/** The top-level `field` is present (any value, objects too): Cosmos DB's `IS_DEFINED`, served from the index. */
export interface DefinedCondition<T> {
  field: keyof T & string;
  op: 'isDefined';
}

export type QueryCondition<T> = ComparisonCondition<T> | DefinedCondition<T>;

/** All conditions must hold; results come in `orderBy` order, `limit` at a time. */
export interface QuerySpec<T> {
  where: readonly QueryCondition<T>[];
  /** Documents without this field are left out, as Cosmos DB does for a single-field ORDER BY. */
  orderBy?: { field: keyof T & string; direction: 'ASC' | 'DESC' };
  /** Most items per page; the backend may return fewer. Absent: the backend's default. */
  limit?: number;
  /** From the previous page of the same query. */
  continuationToken?: string;
}

/** A container of documents whose partition key is their `id` (path `/id`). */
export interface DocumentContainer<T extends { id: string }> {
  /** The document, or undefined when there is none with this id. */
  read(id: string): Promise<Versioned<T> | undefined>;
  /** Stores a new document. ConflictError when the id is taken. */
  create(doc: T): Promise<Versioned<T>>;
  /** Replaces the document if it is still at `etag`: ConcurrencyError if it changed, NotFoundError if it is gone. */
  replace(doc: T, etag: string): Promise<Versioned<T>>;
  /** Creates or overwrites, whatever its current version. */
  upsert(doc: T): Promise<Versioned<T>>;
  /** Deletes; no error when it is already gone. */
  delete(id: string): Promise<void>;
  query(spec: QuerySpec<T>): Promise<Page<Versioned<T>>>;
}
