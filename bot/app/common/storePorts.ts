/**
 * What every repository speaks: pages of a listing and values with their ETag.
 */
/** One page of a listing. Pass `continuationToken` back to get the next page; absent on the last one. */
export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

export interface PageRequest {
  limit?: number;
  continuationToken?: string;
}

/** A stored value with the ETag to replace it with. */
export interface Versioned<T> {
  value: T;
  etag: string;
}
