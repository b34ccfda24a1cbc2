import type { Clock } from '../../domain/clock';
import type { Logger } from '../common/loggerPorts';
import type { Repositories } from '../common/repositories';
import { drainInBatches, RETENTION_BATCH, retentionCutOff } from './retentionRun';

/** Bounds one run; whatever is left goes the next day. */
const MAX_BATCHES = 50;

/**
 * A relay address is looked at once it was not written for this many days: long enough that the
 * case of a submit in progress exists by then.
 */
export const RELAY_CHECK_DAYS = 2;

type Dependencies = { repos: Pick<Repositories, 'cases' | 'relayAddresses'>; clock: Clock; logger: Logger };

/**
 * An anonymous reporter's relay address is written just before their case (`submitReport`). A
 * crash in between leaves an address — who the reporter is, for whoever holds the relay key —
 * that no case points to. Each address not written for {@link RELAY_CHECK_DAYS} days is checked:
 * without its case it is deleted; with it, it is dated anew (by day) and looked at again later.
 * Addresses of cases go with their case (`purgeClosedCases`). Returns how many were deleted.
 */
export async function purgeOrphanRelayAddresses(deps: Dependencies): Promise<number> {
  const now = deps.clock.now();
  const before = retentionCutOff(now, RELAY_CHECK_DAYS, 'RELAY_CHECK_DAYS').toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const removed = await drainInBatches(
    () => deps.repos.relayAddresses.listUpdatedBefore(before, RETENTION_BATCH),
    async (record) => {
      if (await deps.repos.cases.findByRelayId(record.id)) {
        await deps.repos.relayAddresses.put({ ...record, updatedAt: today });
        return false;
      }
      await deps.repos.relayAddresses.delete(record.id);
      return true;
    },
    MAX_BATCHES,
  );
  if (removed > 0) deps.logger.info('retention.orphan_relay_addresses', { removed });
  return removed;
}
