import { assignCase } from './assignCase';
import { openHandler } from './caseParties';
import { fallbackHandler } from './fallbackHandler';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { OutboxItem } from '../outbox/outboxPorts';
import { updateCase } from './updateCase';

/** After this many moves for unreachable handlers, the case stays put and the error is logged (escalation watches it). */
const MAX_UNREACHABLE_MOVES = 3;

/**
 * A handler's task card could not be delivered at all (no chat could be opened): the case goes
 * to the central Meldpunt, and the history says why. Never leaves a case unassigned, and never
 * moves it around endlessly when nobody can be reached.
 */
export async function reassignUnreachableHandler(deps: CaseDependencies, item: OutboxItem): Promise<void> {
  if (!item.onUndeliverable) return;
  await updateCase(deps, item.onUndeliverable.caseId, async (record, now) => {
    const unreachable = openHandler(deps, record)?.userId;
    if (!record.isOpen || !unreachable || item.recipient.kind !== 'user' || item.recipient.userKey !== record.handlerKey) return { record, result: undefined };
    const moves = record.history.filter((event) => event.detail?.reason === 'handler_unreachable').length;
    if (moves >= MAX_UNREACHABLE_MOVES) {
      deps.logger.error('case.handlers_unreachable', { moves });
      return { record, result: undefined };
    }
    const fallback = await fallbackHandler(deps, record, [unreachable]);
    if (!fallback) {
      deps.logger.error('case.no_fallback_handler');
      return { record, result: undefined };
    }
    await assignCase(deps, record, fallback, now, { type: 'reassigned', actor: 'system', detail: { reason: 'handler_unreachable' } });
    return { record, result: undefined };
  });
}
