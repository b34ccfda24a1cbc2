import { replaceWithRetry, type DocumentChange } from '../common/replaceWithRetry';
import type { Clock } from '../../domain/clock';
import type { Repositories } from '../common/repositories';
import type { TeamRecord } from './agendaPorts';

/**
 * Changes one team document with its ETag (see replaceWithRetry), stamping `updatedAt`.
 */
export async function updateTeam<T>(
  deps: { repos: Pick<Repositories, 'teams'>; clock: Clock },
  teamKey: string,
  change: DocumentChange<TeamRecord, T>,
): Promise<{ record: TeamRecord; result: T }> {
  const { saved, result } = await replaceWithRetry(deps.repos.teams, teamKey, () => deps.clock.now(), 'team', async (copy, now) => {
    const changed = await change(copy, now);
    changed.record.updatedAt = now.toISOString();
    return changed;
  });
  return { record: saved.value, result };
}
