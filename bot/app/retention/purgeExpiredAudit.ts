import type { CaseDependencies } from '../intake/intakeDependencies';
import type { Repositories } from '../common/repositories';
import { drainInBatches, RETENTION_BATCH, retentionCutOff } from './retentionRun';

/** Ten years, leap days included (10 × 365 + 3): the default retention of an audit entry. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 3653;

/** Bounds one run (10,000 entries); whatever is left is deleted by the next. */
const MAX_BATCHES = 100;

/** What the audit retention needs: the audit record, the clock and the logger. */
export type PurgeExpiredAuditDependencies = Pick<CaseDependencies, 'clock' | 'logger'> & { repos: Pick<Repositories, 'audit'> };

/**
 * Deletes audit entries older than the retention (AUDIT_RETENTION_DAYS, at least the case
 * retention, so a case never outlives its audit). Run by the daily purge timer after the case
 * purge. Safe to re-run; logs only the count. Returns how many entries were deleted.
 */
export async function purgeExpiredAudit(deps: PurgeExpiredAuditDependencies, options: { retentionDays: number; now?: Date }): Promise<number> {
  const before = retentionCutOff(options.now ?? deps.clock.now(), options.retentionDays, 'audit retention').toISOString();
  const deleted = await drainInBatches(
    () => deps.repos.audit.listBefore(before, RETENTION_BATCH),
    async (entry) => {
      await deps.repos.audit.delete(entry.id);
      return true;
    },
    MAX_BATCHES,
  );
  if (deleted > 0) deps.logger.info('audit.purged', { count: deleted });
  return deleted;
}
