import { ForbiddenError, ValidationError } from '../../domain/errors';
import { assignCase } from '../cases/assignCase';
import { rememberCaseActor } from '../cases/caseActors';
import type { HandlerRole } from '../../domain/chooseRoute';
import { fallbackHandler } from '../cases/fallbackHandler';
import { isInUnitTree, successorUnitFor } from './successorFit';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from '../cases/notifyReporter';
import { updateCase } from '../cases/updateCase';

/**
 * What a handover did, as counts per outcome. No references: the person handing over may not see
 * these cases, and which case went where would tell them whom a case excludes.
 */
export interface HandoverResult {
  /** Cases now with the successor. */
  toSuccessor: number;
  /** Cases the successor may not take (no holder of the case's role for its unit, excluded, involved): sent to the fallback route instead. */
  toFallback: number;
  /** Cases that could not be moved at all (nobody eligible): stay with the old handler, logged. */
  notMoved: number;
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
 * The successor must hold each case's role for the case's unit (or a unit above it) and may not
 * be excluded from it or involved in it; a case they may not take goes to the fallback route.
 * Nobody hands cases to themself, and someone who is not a coordinator hands over only within
 * their own unit tree. Without a successor (the person left the directory) all go to the fallback.
 * Reporters are told the new role; nothing is left unassigned. The answer is counts only.
 */
export async function handOverCases(
  deps: CaseDependencies,
  request: { fromUserId: string; toUserId?: string; actor: { kind: 'user'; userId: string } | { kind: 'system' } },
): Promise<HandoverResult> {
  const { fromUserId, toUserId, actor } = request;
  if (toUserId !== undefined && toUserId === fromUserId) throw new ValidationError({ successor: 'sameAsHandler' });
  if (toUserId !== undefined && actor.kind === 'user' && toUserId === actor.userId) throw new ValidationError({ successor: 'notYourself' });
  if (toUserId !== undefined && !(await deps.directory.getPerson(toUserId))) throw new ValidationError({ successor: 'unknownPerson' });
  if (actor.kind === 'user') {
    const unitId = (await deps.directory.unitOf(fromUserId))?.id ?? deps.settings.centralUnitId;
    const coordinator = await isCoordinatorOf(deps, actor.userId, unitId);
    if (actor.userId !== fromUserId && !coordinator) throw new ForbiddenError('not a coordinator of this unit');
    if (!coordinator && toUserId !== undefined && !(await isInUnitTree(deps.directory, actor.userId, toUserId))) throw new ValidationError({ successor: 'outsideUnitTree' });
  }
  const actorKey = actor.kind === 'user' ? deps.pseudonyms.pseudonym('user', actor.userId) : 'system';
  const actorName = actor.kind === 'user' ? ((await deps.directory.getPerson(actor.userId))?.name ?? '') : '';
  const fromKey = deps.pseudonyms.pseudonym('user', fromUserId);
  // The fallback never picks the person handing over either: they would hand the case to themself.
  const skip = actor.kind === 'user' ? [fromUserId, actor.userId] : [fromUserId];
  const result: HandoverResult = { toSuccessor: 0, toFallback: 0, notMoved: 0 };
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
        const successorUnit = toUserId === undefined ? undefined : await successorUnitFor(deps, record, toUserId);
        const successorFits = successorUnit !== undefined;
        const target = successorFits
          ? { role: (record.assignment?.role ?? 'meldpunt') as HandlerRole, handlerId: toUserId!, unitId: successorUnit }
          : await fallbackHandler(deps, record, skip);
        if (!target) {
          result.notMoved += 1;
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
        if (successorFits) result.toSuccessor += 1;
        else result.toFallback += 1;
        return { record, result: undefined };
      });
    }
  }
  deps.logger.info('handover.done', { ...result });
  return result;
}
