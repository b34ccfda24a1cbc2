import { markLegacyExclusions } from '../cases/markLegacyExclusions';
import { purgeClosedCases } from './purgeClosedCases';
import { purgeDeliveryRecords, type DeliveryRetention } from './purgeDeliveryRecords';
import { purgeExpiredAudit } from './purgeExpiredAudit';
import { purgeOrphanRelayAddresses } from './purgeOrphanRelayAddresses';
import { purgeStaleAttempts } from './purgeStaleAttempts';

/** How long each kind of record is kept (CASE_RETENTION_DAYS, AUDIT_RETENTION_DAYS, …). */
export interface RetentionPolicy extends DeliveryRetention {
  caseRetentionDays: number;
  auditRetentionDays: number;
}

/** What the daily retention run uses: what each of its steps uses. */
export type RetentionDependencies = Parameters<typeof purgeClosedCases>[0] &
  Parameters<typeof purgeExpiredAudit>[0] &
  Parameters<typeof purgeDeliveryRecords>[0] &
  Parameters<typeof purgeOrphanRelayAddresses>[0] &
  Parameters<typeof markLegacyExclusions>[0] &
  Parameters<typeof purgeStaleAttempts>[0];

/**
 * The daily retention run: closed cases, then audit entries (after the case purge, whose `purged`
 * entries are new), delivery records, orphaned relay addresses, legacy exclusion lists, stale
 * attempts. Returns how many cases were deleted.
 */
export async function runDailyRetention(deps: RetentionDependencies, policy: RetentionPolicy): Promise<number> {
  const removed = await purgeClosedCases(deps, { retentionDays: policy.caseRetentionDays });
  await purgeExpiredAudit(deps, { retentionDays: policy.auditRetentionDays });
  await purgeDeliveryRecords(deps, { outboxRetentionDays: policy.outboxRetentionDays, conversationReferenceRetentionDays: policy.conversationReferenceRetentionDays });
  await purgeOrphanRelayAddresses(deps);
  await markLegacyExclusions(deps);
  await purgeStaleAttempts(deps);
  return removed;
}
