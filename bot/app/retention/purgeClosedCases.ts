import { appendCaseAudit } from '../audit/appendCaseAudit';
import { auditEntryId } from '../audit/auditEntryId';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import type { Repositories } from '../common/repositories';
import { purgeLogEntryFor } from './purgeLogEntryFor';
import { sealedAuditEntry } from '../audit/auditEntrySeal';
import { drainInBatches, RETENTION_BATCH, retentionCutOff } from './retentionRun';

/** Five years, leap day included (5 × 365 + 1): the default retention of a closed case. */
export const DEFAULT_CASE_RETENTION_DAYS = 1826;

/** Bounds one run (5,000 cases); whatever is left is purged by the next. */
const MAX_BATCHES = 50;

/** What the purge needs: the stores it touches, the clock and the logger, and optionally the configured retention. */
export type PurgeClosedCasesDependencies = Pick<CaseDependencies, 'clock' | 'logger' | 'cipher' | 'pseudonyms'> & {
  repos: Pick<Repositories, 'cases' | 'relayAddresses' | 'purgeLog' | 'audit'>;
  /** Any settings object; only `caseRetentionDays` is read (`object &` lets today's settings, which lack it, be passed as they are). */
  settings?: object & { caseRetentionDays?: number };
};

/** `retentionDays`: how long after closing a case is kept; `now`: instead of the clock (tests, a catch-up run). */
export interface PurgeClosedCasesOptions {
  retentionDays: number;
  now?: Date;
}

/**
 * Deletes closed cases whose retention has passed (GDPR art. 5(1)(e): kept no longer than
 * needed). Each case leaves its history and a `purged` entry in the audit record and an entry in
 * the purge register first, because its own history goes with it; then the anonymous
 * reporter's sealed relay address goes, then the case. Outbox items of the case are left alone.
 * Safe to re-run and to interrupt: a case whose register entry was written but which is still
 * there is simply purged again, and the entries' deterministic ids keep it from being registered
 * twice. Returns how many cases were deleted; logs only that count.
 *
 * Retention: `options.retentionDays`, else `deps.settings.caseRetentionDays`, else five years.
 */
export async function purgeClosedCases(deps: PurgeClosedCasesDependencies, options?: PurgeClosedCasesOptions): Promise<number> {
  const retentionDays = options?.retentionDays ?? deps.settings?.caseRetentionDays ?? DEFAULT_CASE_RETENTION_DAYS;
  const now = options?.now ?? deps.clock.now();
  const closedBefore = retentionCutOff(now, retentionDays, 'case retention').toISOString();
  const purged = await drainInBatches(
    () => deps.repos.cases.listClosedBefore(closedBefore, RETENTION_BATCH),
    async ({ value }) => {
      await purgeCase(deps, value, now);
      return true;
    },
    MAX_BATCHES,
  );
  if (purged > 0) deps.logger.info('cases.purged', { count: purged });
  return purged;
}

/**
 * Register first, delete after: a crash in between leaves an entry and a case the next run completes, never a case gone without a trace.
 * The audit record outlives the case: its history not yet copied goes there first, then a `purged` entry (deterministic id).
 */
async function purgeCase(deps: PurgeClosedCasesDependencies, record: CaseRecord, now: Date): Promise<void> {
  await appendCaseAudit(deps, record);
  const id = auditEntryId(record.id, 'purged');
  const at = now.toISOString();
  await deps.repos.audit.append(sealedAuditEntry(deps, {
    id,
    caseId: record.id,
    reference: record.reference,
    ...(record.unitId ? { unitId: record.unitId } : {}),
    at,
    action: 'purged',
    actorRole: 'system',
    detail: { reason: 'retention' },
    sortKey: `${at}#p`,
  }));
  await deps.repos.purgeLog.append(purgeLogEntryFor(record, now));
  if (record.relayId) await deps.repos.relayAddresses.delete(record.relayId);
  await deps.repos.cases.delete(record.id);
}
