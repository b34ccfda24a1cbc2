import type { Clock } from '../../domain/clock';
import type { Logger } from './loggerPorts';

/** One page of a reminder index: at most this many records … */
const BATCH = 100;
/** … and at most this many pages a run (the next run goes on). */
const MAX_BATCHES = 20;

/**
 * Walks what a reminder index (`nextDueAt <= now`) lists as due, page after page until none is
 * left, each record once a run. A record whose handling fails is logged under `failedEvent` (its
 * error's name only) and the run goes on; it stays due for the next run.
 */
export async function forEachDue<T extends { id: string }>(
  deps: { clock: Clock; logger: Logger },
  listDue: (nowIso: string, limit: number) => Promise<ReadonlyArray<{ value: T }>>,
  failedEvent: string,
  handle: (record: T) => Promise<void>,
): Promise<void> {
  const seen = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const due = (await listDue(deps.clock.now().toISOString(), BATCH)).filter((entry) => !seen.has(entry.value.id));
    if (due.length === 0) return;
    for (const { value } of due) {
      seen.add(value.id);
      try {
        await handle(value);
      } catch (error) {
        deps.logger.warn(failedEvent, { errorName: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }
}
