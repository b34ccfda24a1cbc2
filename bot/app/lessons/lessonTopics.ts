import type { Topic } from '../../domain/agenda/topic';
import { DEFAULT_LESSON_DELAY_DAYS, lessonAvailable, lessonCountWindowStart, lessonDelayPassed } from '../../domain/lessons/lesson';
import { isLessonTopicId, lessonTopic, LESSON_TOPIC_PREFIX } from '../../domain/lessons/lessonTopic';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import { lessonTextContext } from './lessonRecord';

const PAGE = 100;

async function approvedLessonCases(deps: CaseDependencies): Promise<CaseRecord[]> {
  const cases: CaseRecord[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.cases.listByLessonStatus('approved', { limit: PAGE, continuationToken });
    cases.push(...page.items.map((entry) => entry.value));
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return cases;
}

function topicOf(deps: CaseDependencies, record: CaseRecord): Topic {
  const lesson = record.lesson!;
  return lessonTopic(lesson.id, lesson.category, deps.cipher.open<{ text: string }>('content', lesson.sealedText, lessonTextContext(record.id)).text);
}

/**
 * The approved lessons a team of this unit may get now, as agenda topics: lessons of the unit or a
 * unit above it whose delay after closing has passed (LESSON_DELAY_DAYS) and for which at least
 * five cases of the lesson's category were closed in the lesson's unit level (and below) in the
 * past year — the insights' small-number rule, so a lesson never points at one of a few cases.
 */
export async function lessonTopicsFor(deps: CaseDependencies, unitId: string): Promise<Topic[]> {
  const now = deps.clock.now();
  const chain = new Set((await deps.directory.unitChain(unitId)).map((unit) => unit.id));
  const delayDays = deps.settings.lessonDelayDays ?? DEFAULT_LESSON_DELAY_DAYS;
  const candidates = (await approvedLessonCases(deps)).filter(
    (record) => record.lesson && record.closedAt && chain.has(record.lesson.unitId) && lessonDelayPassed(record.closedAt, now, delayDays),
  );
  if (candidates.length === 0) return [];
  const counts = await closedCountsInWindow(deps, now);
  return candidates
    .filter((record) => lessonAvailable({ closedAt: record.closedAt!, now, delayDays, closedCasesInWindow: counts(record.lesson!.unitId, record.lesson!.category) }))
    .map((record) => topicOf(deps, record));
}

/**
 * Counts of the cases closed in the window before `now`, per unit level (a case counts for its
 * unit and every unit above it) and category: read once, then asked per lesson.
 */
async function closedCountsInWindow(deps: CaseDependencies, now: Date): Promise<(unitId: string, category: string) => number> {
  const counts = new Map<string, number>();
  const chains = new Map<string, string[]>();
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.cases.listClosedBetween(lessonCountWindowStart(now).toISOString(), now.toISOString(), { limit: PAGE, continuationToken });
    for (const record of page.items) {
      const unitId = record.unitId ?? deps.settings.centralUnitId;
      let chain = chains.get(unitId);
      if (!chain) {
        chain = (await deps.directory.unitChain(unitId)).map((unit) => unit.id);
        chains.set(unitId, chain);
      }
      for (const level of chain) for (const category of new Set(record.categories)) counts.set(`${level}|${category}`, (counts.get(`${level}|${category}`) ?? 0) + 1);
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return (unitId, category) => counts.get(`${unitId}|${category}`) ?? 0;
}

/** A lesson's topic by its topic id, as approved now (for the card of a posting); undefined when it is gone or no longer approved. */
export async function findLessonTopic(deps: CaseDependencies, topicId: string): Promise<Topic | undefined> {
  if (!isLessonTopicId(topicId)) return undefined;
  const lessonId = topicId.slice(LESSON_TOPIC_PREFIX.length);
  const record = (await approvedLessonCases(deps)).find((candidate) => candidate.lesson?.id === lessonId);
  return record ? topicOf(deps, record) : undefined;
}
