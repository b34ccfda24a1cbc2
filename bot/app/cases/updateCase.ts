import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from './casePorts';
import { replaceWithRetry, type DocumentChange } from '../common/replaceWithRetry';
import { flushCaseOutbox } from '../outbox/flushCaseOutbox';
import { convertLegacyExclusions } from './convertLegacyExclusions';

/**
 * Changes one case: reads it, lets `change` produce the new version (no side effects other
 * than reads; it may throw a DomainError to refuse), turns a legacy sealed exclusion list into
 * marks, writes it with its ETag (re-reading and re-applying when another
 * change won the race), then moves the messages it caused to the outbox and its new history
 * entries to the audit record.
 */
export async function updateCase<T>(
  deps: Pick<IntakeDependencies, 'repos' | 'clock' | 'cipher' | 'pseudonyms' | 'exclusions'>,
  caseId: string,
  change: DocumentChange<CaseRecord, T>,
): Promise<{ record: CaseRecord; result: T }> {
  const { saved, result } = await replaceWithRetry(deps.repos.cases, caseId, () => deps.clock.now(), `case ${caseId.slice(0, 8)}…`, async (copy, now) => {
    const changed = await change(copy, now);
    // A case stored before exclusion marks loses its sealed list (and, if anonymous, its reporter's id) at its next change.
    convertLegacyExclusions(deps, changed.record);
    // History not yet in the audit record: flagged in the same write, so a crash before the flush loses nothing (the timer copies it).
    if (changed.record.history.length > (changed.record.auditedCount ?? 0)) changed.record.auditPending = true;
    return changed;
  });
  await flushCaseOutbox(deps, saved);
  return { record: saved.value, result };
}
