import type { Topic } from '../../domain/agenda/topic';
import { isLessonTopicId, LESSON_TOPIC_PREFIX } from '../../domain/lessons/lessonTopic';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { approvedLessonCases, lessonTopicOf, lessonTopicSource } from './lessonTopicSource';

/**
 * The approved lessons a team of this unit may get now, as agenda topics (the rules: see
 * LessonTopicSource). For one team; a run over many teams keeps one `lessonTopicSource` instead.
 */
export function lessonTopicsFor(deps: CaseDependencies, unitId: string): Promise<Topic[]> {
  return lessonTopicSource(deps).topicsFor(unitId);
}

/**
 * A lesson's topic by its topic id, as approved now (for the card of a posting); undefined when it
 * is gone or no longer approved. One case read by the indexed `lessonId`; only a lesson stored
 * before cases carried `lessonId` (and not reviewed since) is looked for among the approved ones.
 */
export async function findLessonTopic(deps: CaseDependencies, topicId: string): Promise<Topic | undefined> {
  if (!isLessonTopicId(topicId)) return undefined;
  const lessonId = topicId.slice(LESSON_TOPIC_PREFIX.length);
  const found = await deps.repos.cases.findByLessonId(lessonId);
  const record = found ? found.value : (await approvedLessonCases(deps)).find((candidate) => candidate.lessonId === undefined && candidate.lesson?.id === lessonId);
  return record?.lesson?.id === lessonId && record.lesson.status === 'approved' ? lessonTopicOf(deps, record) : undefined;
}

/**
 * The topic ids (`lesson/<id>`) of every lesson approved now, in one listing (a view of many
 * postings asks once). Nothing is opened: the caller needs only whether a lesson is still there.
 */
export async function approvedLessonTopicIds(deps: CaseDependencies): Promise<Set<string>> {
  return new Set((await approvedLessonCases(deps)).flatMap((record) => (record.lesson?.status === 'approved' ? [`${LESSON_TOPIC_PREFIX}${record.lesson.id}`] : [])));
}
