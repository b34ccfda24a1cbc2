import { ConfigurationError } from '../domain/errors';
import type { CaseDependencies } from './intakeDependencies';
import type { Repositories } from './ports';

/** Ten years, leap days included (10 × 365 + 3): the default retention of an audit entry. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 3653;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Entries per query: one page of the store. */
const BATCH_SIZE = 100;
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
  const { retentionDays } = options;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new ConfigurationError([`audit retention must be a whole number of days of at least 1 (got ${String(retentionDays)}).`]);
  }
  const now = options.now ?? deps.clock.now();
  const before = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    // Always the first page: what was deleted no longer matches.
    const due = await deps.repos.audit.listBefore(before, BATCH_SIZE);
    for (const entry of due) {
      await deps.repos.audit.delete(entry.id);
      deleted += 1;
    }
    if (due.length < BATCH_SIZE) break;
  }
  if (deleted > 0) deps.logger.info('audit.purged', { count: deleted });
  return deleted;
}
