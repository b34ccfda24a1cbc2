import { replaceWithRetry, type DocumentChange } from '../common/replaceWithRetry';
import type { Clock } from '../../domain/clock';
import type { Repositories } from '../common/repositories';
import type { TeamActionRecord } from './agendaPorts';

/** Changes one agreed action with its ETag (see replaceWithRetry). */
export async function updateTeamAction<T>(
  deps: { repos: Pick<Repositories, 'teamActions'>; clock: Clock },
  actionId: string,
  change: DocumentChange<TeamActionRecord, T>,
): Promise<{ record: TeamActionRecord; result: T }> {
  const { saved, result } = await replaceWithRetry(deps.repos.teamActions, actionId, () => deps.clock.now(), 'action', change);
  return { record: saved.value, result };
}
