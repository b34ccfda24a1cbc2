import { ConcurrencyError } from '../domain/errors';
import type { IntakeDependencies } from './intakeDependencies';
import type { CaseRecord, Versioned } from './ports';

const ATTEMPTS = 3;

/**
 * Moves a case's pending messages to the outbox: each is enqueued under its deterministic id
 * (a repeat is a no-op), then removed from the case with an ETag replace. Safe to re-run after
 * a crash at any point: at worst an item is enqueued twice, which the outbox ignores.
 */
export async function flushCaseOutbox(deps: Pick<IntakeDependencies, 'repos'>, stored: Versioned<CaseRecord>): Promise<void> {
  let current: Versioned<CaseRecord> | undefined = stored;
  for (let attempt = 1; current && (current.value.pendingOutbox?.length ?? 0) > 0; attempt += 1) {
    const moved = new Set<string>();
    for (const item of current.value.pendingOutbox ?? []) {
      await deps.repos.outbox.enqueue(item);
      moved.add(item.id);
    }
    const remaining = (current.value.pendingOutbox ?? []).filter((item) => !moved.has(item.id));
    try {
      await deps.repos.cases.replace({ ...current.value, pendingOutbox: remaining, pendingOutboxCount: remaining.length }, current.etag);
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw error;
      current = await deps.repos.cases.get(current.value.id);
    }
  }
}

/** The timer's part: moves what a crashed request left in cases. Returns how many cases it flushed. */
export async function flushAllCaseOutboxes(deps: Pick<IntakeDependencies, 'repos' | 'logger'>): Promise<number> {
  const cases = await deps.repos.cases.listWithPendingOutbox(100);
  for (const stored of cases) {
    try {
      await flushCaseOutbox(deps, stored);
    } catch (error) {
      deps.logger.warn('outbox.flush_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
    }
  }
  return cases.length;
}
