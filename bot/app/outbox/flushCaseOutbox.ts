import { ConcurrencyError } from '../../domain/errors';
import { appendCaseAudit } from '../audit/appendCaseAudit';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import type { Versioned } from '../common/storePorts';

const ATTEMPTS = 3;

/**
 * Moves a case's pending messages to the outbox and its new history entries to the audit record:
 * each is added under its deterministic id (a repeat is a no-op), then the case is cleared with an
 * ETag replace (`pendingOutbox` emptied, `auditedCount` = history length, `auditPending` false).
 * Safe to re-run after a crash at any point: at worst an item or entry is added twice, which the
 * outbox and the audit record ignore.
 */
export async function flushCaseOutbox(deps: Pick<IntakeDependencies, 'repos' | 'cipher' | 'pseudonyms'>, stored: Versioned<CaseRecord>): Promise<void> {
  let current: Versioned<CaseRecord> | undefined = stored;
  for (let attempt = 1; current && needsFlush(current.value); attempt += 1) {
    const moved = new Set<string>();
    for (const item of current.value.pendingOutbox ?? []) {
      await deps.repos.outbox.enqueue(item);
      moved.add(item.id);
    }
    const auditedCount = await appendCaseAudit(deps, current.value);
    const remaining = (current.value.pendingOutbox ?? []).filter((item) => !moved.has(item.id));
    try {
      await deps.repos.cases.replace({ ...current.value, pendingOutbox: remaining, pendingOutboxCount: remaining.length, auditedCount, auditPending: false }, current.etag);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      current = await deps.repos.cases.get(current.value.id);
    }
  }
}

function needsFlush(record: CaseRecord): boolean {
  return (record.pendingOutbox?.length ?? 0) > 0 || record.auditPending === true || (record.auditedCount ?? 0) < record.history.length;
}

/** The timer's part: moves what a crashed request left in cases (messages and audit entries). Returns how many cases it flushed. */
export async function flushAllCaseOutboxes(deps: Pick<IntakeDependencies, 'repos' | 'cipher' | 'logger' | 'pseudonyms'>): Promise<number> {
  const withMessages = await deps.repos.cases.listWithPendingOutbox(100);
  await flushEach(deps, withMessages);
  // Asked after the first batch was flushed: those no longer have audit pending.
  const withAudit = await deps.repos.cases.listWithPendingAudit(100);
  await flushEach(deps, withAudit);
  return withMessages.length + withAudit.length;
}

async function flushEach(deps: Pick<IntakeDependencies, 'repos' | 'cipher' | 'logger' | 'pseudonyms'>, cases: Versioned<CaseRecord>[]): Promise<void> {
  for (const stored of cases) {
    try {
      await flushCaseOutbox(deps, stored);
    } catch (error) {
      deps.logger.warn('outbox.flush_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
