/** Cosmos DB refuses these characters in ids; the embedded store checks the same so local runs catch it. */
const FORBIDDEN = /[/\\?#]/;
const MAX_LENGTH = 255;

/**
 * Throws unless `id` is acceptable as a Cosmos DB id (non-empty, at most 255 characters, no
 * `/ \ ? #`). Keys derived from hashes must therefore use hex or base64url, not plain base64.
 */
export function assertValidDocumentId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_LENGTH || FORBIDDEN.test(id)) {
    throw new Error('document id must be a non-empty string of at most 255 characters without / \\ ? #');
  }
}
