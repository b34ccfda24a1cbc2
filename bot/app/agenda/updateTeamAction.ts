import { ConcurrencyError, NotFoundError } from '../../domain/errors';
import type { Clock, Repositories, TeamActionRecord, Versioned } from '../ports';

const ATTEMPTS = 3;

/** Changes one agreed action with its ETag, re-applying the change on a lost race. */
export async function updateTeamAction<T>(
  deps: { repos: Pick<Repositories, 'teamActions'>; clock: Clock },
  actionId: string,
  change: (record: TeamActionRecord, now: Date) => { record: TeamActionRecord; result: T } | Promise<{ record: TeamActionRecord; result: T }>,
): Promise<{ record: TeamActionRecord; result: T }> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await deps.repos.teamActions.get(actionId);
    if (!stored) throw new NotFoundError('action');
    const { record, result } = await change(structuredClone(stored.value), deps.clock.now());
    let saved: Versioned<TeamActionRecord>;
    try {
      saved = await deps.repos.teamActions.replace(record, stored.etag);
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < ATTEMPTS) continue;
      throw error;
    }
    return { record: saved.value, result };
  }
}
