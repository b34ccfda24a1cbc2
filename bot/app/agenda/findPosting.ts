import { NotFoundError } from '../../domain/errors';
import type { TeamRecord, TopicPosting } from './agendaPorts';

/** A posting of the team by id; NotFoundError when it is not (or no longer) kept. */
export function findPosting(record: TeamRecord, postingId: string): TopicPosting {
  const posting = record.postings.find((candidate) => candidate.id === postingId);
  if (!posting) throw new NotFoundError('posting');
  return posting;
}
