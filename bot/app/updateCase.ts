import { ConcurrencyError, NotFoundError } from '../domain/errors';
import type { IntakeDependencies } from './intakeDependencies';
import type { CaseRecord, Versioned } from './ports';
import { flushCaseOutbox } from './flushCaseOutbox';

const ATTEMPTS = 3;

/**
 * Changes one case: reads it, lets `change` produce the new version (no side effects other
 * than reads; it may throw a DomainError to refuse), writes it with its ETag (re-reading and re-applying when another
 * change won the race), then moves the messages it caused to the outbox and its new history
 * entries to the audit record.
 */
export async function updateCase<T>(
  deps: Pick<IntakeDependencies, 'repos' | 'clock' | 'cipher' | 'pseudonyms'>,
  caseId: string,
  change: (record: CaseRecord, now: Date) => { record: CaseRecord; result: T } | Promise<{ record: CaseRecord; result: T }>,
): Promise<{ record: CaseRecord; result: T }> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await deps.repos.cases.get(caseId);
    if (!stored) throw new NotFoundError(`case ${caseId.slice(0, 8)}…`);
    const copy = structuredClone(stored.value);
    const { record, result } = await change(copy, deps.clock.now());
    // History not yet in the audit record: flagged in the same write, so a crash before the flush loses nothing (the timer copies it).
    if (record.history.length > (record.auditedCount ?? 0)) record.auditPending = true;
    let saved: Versioned<CaseRecord>;
    try {
      saved = await deps.repos.cases.replace(record, stored.etag);
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < ATTEMPTS) continue;
      throw error;
    }
    await flushCaseOutbox(deps, saved);
    return { record: saved.value, result };
  }
}
