import type { Topic } from '../../domain/agenda/topic';
import { lessonTopicSource, type LessonTopicSource } from '../lessons/lessonTopicSource';
import type { AgendaDependencies } from './agendaDependencies';

/**
 * The topics a team of this unit rotates through: the library, the own topics of its unit and the
 * units above it, and the lessons from closed cases available to it now (see LessonTopicSource;
 * a run over many teams passes its one source, so the lessons are read once per run).
 */
export async function topicsForUnit(deps: AgendaDependencies, unitId: string, lessons: LessonTopicSource = lessonTopicSource(deps)): Promise<Topic[]> {
  const chain = await deps.directory.unitChain(unitId);
  return [...deps.topics.topics, ...chain.flatMap((unit) => deps.topics.unitTopics.get(unit.id) ?? []), ...(await lessons.topicsFor(unitId))];
}

/** A topic by id (library or unit topic), or undefined when it is no longer in the library. */
export function findTopic(deps: AgendaDependencies, topicId: string): Topic | undefined {
  return deps.topics.topics.find((topic) => topic.id === topicId) ?? [...deps.topics.unitTopics.values()].flat().find((topic) => topic.id === topicId);
}
