import type { PageRequest } from '../app/common/storePorts';

/** Page size when the caller names none. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page served, whatever is asked: keeps one request's cost and payload bounded. */
export const MAX_PAGE_SIZE = 100;

/** The page size to use for `request`: its limit rounded down and clamped to 1…100, or 20. */
export function pageSize(request?: PageRequest): number {
  const limit = request?.limit;
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}
