import { NotFoundError } from '../../domain/errors';
import { acknowledgeCase } from './acknowledgeCase';
import { openHandler } from './caseParties';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from './casePorts';
import { userMri } from '../outbox/userMri';

/** The handler task card's data, as the person looking at it may see it. */
export interface HandlerTask {
  record: CaseRecord;
  /** Someone other than the assigned handler looks: the card says "not for you" and names nobody. */
  notForYou: boolean;
  /** For the card's `refresh.userIds`: the viewer's own Teams id, or (no viewer: a delivery) the handler's; never the handler's to someone else. */
  refreshUserId: string;
}

/** The task card of a case as it is now, for `viewerUserId` (or, without one, for its assigned handler at delivery). */
export async function handlerTaskFor(deps: Pick<CaseDependencies, 'repos' | 'cipher' | 'pseudonyms'>, record: CaseRecord, viewerUserId?: string): Promise<HandlerTask> {
  const handler = openHandler(deps, record);
  const notForYou = viewerUserId !== undefined && viewerUserId !== handler?.userId;
  const refreshUserId = viewerUserId !== undefined ? await userMri(deps, viewerUserId) : handler ? await userMri(deps, handler.userId) : '';
  return { record, notForYou, refreshUserId };
}

/** The task card's refresh (Teams calls it for each viewer): the current state, or "not for you". */
export async function openHandlerTask(deps: Pick<CaseDependencies, 'repos' | 'cipher' | 'pseudonyms'>, command: { caseId: string }, viewerUserId: string): Promise<HandlerTask> {
  const stored = await deps.repos.cases.get(command.caseId);
  if (!stored) throw new NotFoundError('case');
  return handlerTaskFor(deps, stored.value, viewerUserId);
}

/** "Ontvangst bevestigen" on the task card: the assigned handler acknowledges; anyone else gets the "not for you" card and changes nothing. */
export async function acknowledgeFromTask(deps: CaseDependencies, command: { caseId: string }, viewerUserId: string): Promise<HandlerTask & { acknowledged: boolean }> {
  const task = await openHandlerTask(deps, command, viewerUserId);
  if (task.notForYou) return { ...task, acknowledged: false };
  const record = await acknowledgeCase(deps, task.record.id, viewerUserId);
  return { ...task, record, acknowledged: true };
}
