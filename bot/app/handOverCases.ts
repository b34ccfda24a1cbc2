import { ForbiddenError, ValidationError } from '../domain/errors';
import { assignCase } from './assignCase';
import { rememberCaseActor } from './caseActors';
import { mayHandleCase } from './caseAccess';
import { fallbackHandler } from './fallbackHandler';
import type { CaseDependencies } from './intakeDependencies';
import { notifyReporter } from './notifyReporter';
import { updateCase } from './updateCase';

/** What a handover did, per case (references only). */
export interface HandoverResult {
  /** Cases now with the successor. */
  toSuccessor: string[];
  /** Cases the successor may not handle (involved, excluded), sent to the fallback route instead. */
  toFallback: string[];
  /** Cases that could not be moved at all (nobody eligible): stay with the old handler, logged. */
  notMoved: string[];
}

/** Whether `userId` is a coordinator of the unit or of one above it. */
export async function isCoordinatorOf(deps: CaseDependencies, userId: string, unitId: string): Promise<boolean> {
  for (const unit of await deps.directory.unitChain(unitId)) {
    if ((await deps.directory.holdersOfRole('coordinator', unit.id)).people.includes(userId)) return true;
  }
  return false;
}

/**
 * Moves every open case of one person to another in one action ("overdracht bij wisseling van
 * commandant"): by a coordinator of the person's unit, or by the person naming their successor.
 * Each case is checked against its exclusions: one the successor may not handle goes to the
 * fallback route. Without a successor (the person left the directory) all go to the fallback.
 * Reporters are told the new role; nothing is left unassigned.
 */
export async function handOverCases(
  deps: CaseDependencies,
  request: { fromUserId: string; toUserId?: string; actor: { kind: 'user'; userId: string } | { kind: 'system' } },
): Promise<HandoverResult> {
  const { fromUserId, toUserId, actor } = request;
  if (toUserId !== undefined && toUserId === fromUserId) throw new ValidationError({ successor: 'sameAsHandler' });
  if (toUserId !== undefined && !(await deps.directory.getPerson(toUserId))) throw new ValidationError({ successor: 'unknownPerson' });
  if (actor.kind === 'user' && actor.userId !== fromUserId) {
    const unitId = (await deps.directory.unitOf(fromUserId))?.id ?? deps.settings.centralUnitId;
    if (!(await isCoordinatorOf(deps, actor.userId, unitId))) throw new ForbiddenError('not a coordinator of this unit');
  }
  const actorKey = actor.kind === 'user' ? deps.pseudonyms.pseudonym('user', actor.userId) : 'system';
  const actorName = actor.kind === 'user' ? ((await deps.directory.getPerson(actor.userId))?.name ?? '') : '';
  const fromKey = deps.pseudonyms.pseudonym('user', fromUserId);
  const result: HandoverResult = { toSuccessor: [], toFallback: [], notMoved: [] };
  const seen = new Set<string>();

  // Each moved case leaves the handler's list, so the first page is read again until nothing new is on it.
  for (;;) {
    const page = await deps.repos.cases.listOpenByHandler(fromKey, { limit: 50 });
    const fresh = page.items.filter((entry) => !seen.has(entry.value.id));
    if (fresh.length === 0) break;
    for (const entry of fresh) {
      seen.add(entry.value.id);
      await updateCase(deps, entry.value.id, async (record, now) => {
        if (record.handlerKey !== fromKey || !record.isOpen) return { record, result: undefined };
        const successorFits = toUserId !== undefined && (await mayHandleCase(deps, record, toUserId));
        const target = successorFits
          ? { role: (record.assignment?.role ?? 'meldpunt') as 'meldpunt', handlerId: toUserId!, unitId: record.assignment?.unitId ?? deps.settings.centralUnitId }
          : await fallbackHandler(deps, record, [fromUserId]);
        if (!target) {
          result.notMoved.push(record.reference);
          deps.logger.error('handover.no_eligible_handler');
          return { record, result: undefined };
        }
        // A coordinator handing over someone else's cases appears in the history: kept (sealed) so the audit can name them.
        if (actor.kind === 'user') rememberCaseActor(deps, record, { userId: actor.userId, name: actorName, role: 'coordinator' });
        await assignCase(deps, record, target, now, {
          type: 'reassigned',
          actor: actorKey,
          detail: { reason: toUserId === undefined ? 'handler_left' : successorFits ? 'handover' : 'handover_successor_excluded' },
        });
        notifyReporter(deps, record, 'reassigned', now, target.role);
        (successorFits ? result.toSuccessor : result.toFallback).push(record.reference);
        return { record, result: undefined };
      });
    }
  }
  deps.logger.info('handover.done', { toSuccessor: result.toSuccessor.length, toFallback: result.toFallback.length, notMoved: result.notMoved.length });
  return result;
}
