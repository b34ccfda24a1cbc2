import { NotFoundError } from '../../domain/errors';
import type { TeamRecord, TopicPosting } from '../ports';

/** A posting of the team by id; NotFoundError when it is not (or no longer) kept. */
export function findPosting(record: TeamRecord, postingId: unknown): TopicPosting {
  const posting = typeof postingId === 'string' ? record.postings.find((candidate) => candidate.id === postingId) : undefined;
  if (!posting) throw new NotFoundError('posting');
  return posting;
}
