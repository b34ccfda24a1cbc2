import { ConfigurationError } from '../../domain/errors';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Items per query in a retention run: one page of the store. */
export const RETENTION_BATCH = 100;

/**
 * The moment before which a retention deletes: `days` before `now`. A zero, negative or
 * fractional value would put it at (or after) now and delete everything at once, so it is a
 * ConfigurationError naming `label`.
 */
export function retentionCutOff(now: Date, days: number, label: string): Date {
  if (!Number.isInteger(days) || days < 1) throw new ConfigurationError([`${label} must be a whole number of days of at least 1 (got ${String(days)}).`]);
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Works through what a retention query returns, a batch at a time, until a batch comes back
 * short or `maxBatches` ran (the rest goes next time). `next` is asked for the first page each
 * time: what was handled no longer matches. `handle` says whether it removed the item.
 * Returns how many were removed.
 */
export async function drainInBatches<T>(next: () => Promise<readonly T[]>, handle: (item: T) => Promise<boolean>, maxBatches: number): Promise<number> {
  let removed = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const items = await next();
    for (const item of items) if (await handle(item)) removed += 1;
    if (items.length < RETENTION_BATCH) break;
  }
  return removed;
}
