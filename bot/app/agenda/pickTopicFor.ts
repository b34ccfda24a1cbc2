import { chooseTopic } from '../../domain/agenda/chooseTopic';
import { isLessonTopicId } from '../../domain/lessons/lessonTopic';
import type { Category } from '../../domain/report';
import { lessonTopicSource, type LessonTopicSource } from '../lessons/lessonTopicSource';
import type { TeamRecord, TopicPosting } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';
import { derivedId } from './teamKeys';
import { topicsForUnit } from './topicsForUnit';

/**
 * Adds a new posting for `meetingAt` to the team (in memory): the next topic in the team's
 * rotation, never one already offered for this meeting or the one posted last. Undefined when
 * no topic is left to offer. `lessons`: the run's snapshot of the lessons (one is made when absent).
 */
export async function pickTopicFor(
  deps: AgendaDependencies,
  record: TeamRecord,
  meetingAt: string,
  favourCategories: readonly Category[],
  now: Date,
  lessons: LessonTopicSource = lessonTopicSource(deps),
): Promise<TopicPosting | undefined> {
  if (!record.settings) return undefined;
  const forMeeting = record.postings.filter((posting) => posting.meetingAt === meetingAt);
  const lastPosted = record.postings.at(-1)?.topicId;
  const topics = await topicsForUnit(deps, record.settings.unitId, lessons);
  const choice = chooseTopic({
    topics,
    // A lesson from closed cases that became available goes on the next agenda (once a round, like every topic).
    prefer: topics.filter((topic) => isLessonTopicId(topic.id)).map((topic) => topic.id),
    used: record.usedTopicIds,
    exclude: [...forMeeting.map((posting) => posting.topicId), ...(lastPosted ? [lastPosted] : [])],
    favourCategories,
    seed: `${record.id}:${meetingAt}`,
  });
  if (!choice) return undefined;
  const posting: TopicPosting = {
    id: derivedId(record.id, meetingAt, String(forMeeting.length)),
    topicId: choice.topic.id,
    meetingAt,
    postedAt: now.toISOString(),
    status: 'posted',
  };
  record.usedTopicIds = choice.used;
  record.postings = [...record.postings, posting].slice(-MAX_POSTINGS);
  return posting;
}

/** Postings kept per team (about two years of weekly meetings). */
export const MAX_POSTINGS = 120;
