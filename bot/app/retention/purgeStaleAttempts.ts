import type { Clock } from '../../domain/clock';
import type { Logger } from '../common/loggerPorts';
import type { Repositories } from '../common/repositories';
import { drainInBatches, RETENTION_BATCH } from './retentionRun';

const DAY_MS = 24 * 60 * 60 * 1000;
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
  const removed = await drainInBatches(
    () => deps.repos.attempts.listUpdatedBefore(before, RETENTION_BATCH),
    async (record) => {
      // Read again just before deleting: a failure recorded since the list keeps its record.
      const current = await deps.repos.attempts.get(record.id);
      if (!current || current.value.updatedAt >= before) return false;
      await deps.repos.attempts.delete(record.id);
      return true;
    },
    MAX_BATCHES,
  );
  if (removed > 0) deps.logger.info('retention.attempts', { count: removed });
  return removed;
}
