import { ConcurrencyError, NotFoundError } from '../../domain/errors';
import type { Clock, Repositories, TeamRecord, Versioned } from '../ports';

const ATTEMPTS = 3;

/**
 * Changes one team document: reads it, lets `change` produce the new version (reads only; it may
 * throw a DomainError to refuse), writes it with its ETag, and re-applies on a lost race.
 */
export async function updateTeam<T>(
  deps: { repos: Pick<Repositories, 'teams'>; clock: Clock },
  teamKey: string,
  change: (record: TeamRecord, now: Date) => { record: TeamRecord; result: T } | Promise<{ record: TeamRecord; result: T }>,
): Promise<{ record: TeamRecord; result: T }> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await deps.repos.teams.get(teamKey);
    if (!stored) throw new NotFoundError('team');
    const now = deps.clock.now();
    const { record, result } = await change(structuredClone(stored.value), now);
    record.updatedAt = now.toISOString();
    let saved: Versioned<TeamRecord>;
    try {
      saved = await deps.repos.teams.replace(record, stored.etag);
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < ATTEMPTS) continue;
      throw error;
    }
    return { record: saved.value, result };
  }
}
