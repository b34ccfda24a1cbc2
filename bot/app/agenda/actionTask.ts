import { NotFoundError } from '../../domain/errors';
import type { TeamActionRecord } from './agendaPorts';
import { userMri } from '../outbox/userMri';
import type { AgendaDependencies } from './agendaDependencies';

/** An agreed action's task card data, as the person looking at it may see it. */
export interface ActionTask {
  action: TeamActionRecord;
  /** What was agreed, opened. */
  text: string;
  teamName: string;
  /** The owner's Teams id, for the card's `refresh.userIds`. */
  ownerMri: string;
  /** Someone other than the owner looks: the card says "not for you". */
  notForYou: boolean;
}

type ActionTaskDependencies = Pick<AgendaDependencies, 'repos' | 'cipher' | 'pseudonyms'>;

/** The task card of an agreed action as it is now; `viewerUserId` absent: for its owner (a delivery). */
export async function actionTaskFor(deps: ActionTaskDependencies, action: TeamActionRecord, viewerUserId?: string): Promise<ActionTask> {
  const owner = deps.cipher.open<{ userId: string; name: string }>('identity', action.sealedOwner, `${action.id}:owner`);
  const team = (await deps.repos.teams.get(action.teamKey))?.value;
  return {
    action,
    text: deps.cipher.open<string>('content', action.sealedText, action.id),
    teamName: team?.name ?? '',
    ownerMri: await userMri(deps, owner.userId),
    notForYou: viewerUserId !== undefined && viewerUserId !== owner.userId,
  };
}

/** The task card of an agreed action after a press on it; a missing action is "not found". */
export async function openActionTask(deps: ActionTaskDependencies, command: { actionId: string }, viewerUserId?: string): Promise<ActionTask> {
  const action = (await deps.repos.teamActions.get(command.actionId))?.value;
  if (!action) throw new NotFoundError('action');
  return actionTaskFor(deps, action, viewerUserId);
}
