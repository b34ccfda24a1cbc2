import type { Clock, Logger, Repositories } from './ports';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH_SIZE = 100;
/** Bounds one run; whatever is left goes the next day. */
const MAX_BATCHES = 50;

type Dependencies = { repos: Pick<Repositories, 'attempts'>; clock: Clock; logger: Logger };

/**
 * Deletes the guessing-limit records (failed reference + secret attempts per user pseudonym) not
 * changed for a day: their failures left the window long ago, and the store has no TTL, so this
 * keeps the container down to recent failures (data minimisation). Safe to re-run; counts what
 * it removed, never whose.
 */
export async function purgeStaleAttempts(deps: Dependencies): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - DAY_MS).toISOString();
  let removed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const records = await deps.repos.attempts.listUpdatedBefore(before, BATCH_SIZE);
    for (const record of records) {
      // Read again just before deleting: a failure recorded since the list keeps its record.
      const current = await deps.repos.attempts.get(record.id);
      if (current && current.value.updatedAt < before) {
        await deps.repos.attempts.delete(record.id);
        removed += 1;
      }
    }
    if (records.length < BATCH_SIZE) break;
  }
  if (removed > 0) deps.logger.info('retention.attempts', { count: removed });
  return removed;
}
