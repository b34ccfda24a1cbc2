import type { Topic } from '../../domain/agenda/topic';
import { DEFAULT_LESSON_DELAY_DAYS, lessonAvailable, lessonCountWindowStart, lessonDelayPassed } from '../../domain/lessons/lesson';
import { lessonTopic } from '../../domain/lessons/lessonTopic';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import { lessonTextContext } from './lessonRecord';

const PAGE = 100;

/**
 * The lessons from closed cases that teams may get, as one snapshot for a whole posting run: the
 * approved lessons and the closed-case counts are read at most once, whatever the number of teams
 * (the posting timer asks for every team it serves).
 */
export interface LessonTopicSource {
  /**
   * The approved lessons a team of this unit may get now, as agenda topics: lessons of the unit or
   * a unit above it whose delay after closing has passed (LESSON_DELAY_DAYS) and for which at least
   * five cases of the lesson's category were closed in the lesson's unit level (and below) in the
   * past year — the insights' small-number rule, so a lesson never points at one of a few cases.
   */
  topicsFor(unitId: string): Promise<Topic[]>;
}

/** What the snapshot read: the approved lessons past their delay, and (once one is asked for) the closed-case counts. */
interface Snapshot {
  candidates: CaseRecord[];
  counts?: Promise<(unitId: string, category: string) => number>;
}

/**
 * A snapshot as of now (the clock is read once, so every team of the run sees the same lessons).
 * Reads happen on first use: approved lessons on the first team, closed cases only when some team
 * has a candidate lesson. A read that fails is tried again by the next team rather than remembered.
 */
export function lessonTopicSource(deps: CaseDependencies): LessonTopicSource {
  const now = deps.clock.now();
  const delayDays = deps.settings.lessonDelayDays ?? DEFAULT_LESSON_DELAY_DAYS;
  const topics = new Map<string, Topic>();
  let snapshot: Promise<Snapshot> | undefined;

  const candidatesNow = (): Promise<Snapshot> => {
    snapshot ??= approvedLessonCases(deps).then(
      (cases) => ({ candidates: cases.filter((record) => record.lesson && record.closedAt && lessonDelayPassed(record.closedAt, now, delayDays)) }),
      (error: unknown) => {
        snapshot = undefined;
        throw error;
      },
    );
    return snapshot;
  };
  const countsOf = (read: Snapshot): Promise<(unitId: string, category: string) => number> => {
    read.counts ??= closedCountsInWindow(deps, now).catch((error: unknown) => {
      read.counts = undefined;
      throw error;
    });
    return read.counts;
  };
  const topicOf = (record: CaseRecord): Topic => {
    let topic = topics.get(record.id);
    if (!topic) {
      topic = lessonTopicOf(deps, record);
      topics.set(record.id, topic);
    }
    return topic;
  };

  return {
    async topicsFor(unitId) {
      const read = await candidatesNow();
      if (read.candidates.length === 0) return [];
      const chain = new Set((await deps.directory.unitChain(unitId)).map((unit) => unit.id));
      const candidates = read.candidates.filter((record) => chain.has(record.lesson!.unitId));
      if (candidates.length === 0) return [];
      const counts = await countsOf(read);
      return candidates
        .filter((record) => lessonAvailable({ closedAt: record.closedAt!, now, delayDays, closedCasesInWindow: counts(record.lesson!.unitId, record.lesson!.category) }))
        .map(topicOf);
    },
  };
}

/** Every case whose lesson is approved, all pages. */
export async function approvedLessonCases(deps: CaseDependencies): Promise<CaseRecord[]> {
  const cases: CaseRecord[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.cases.listByLessonStatus('approved', { limit: PAGE, continuationToken });
    cases.push(...page.items.map((entry) => entry.value));
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return cases;
}

/** The agenda topic of a case's lesson: its approved text opened (the card shows it to the team). */
export function lessonTopicOf(deps: CaseDependencies, record: CaseRecord): Topic {
  const lesson = record.lesson!;
  return lessonTopic(lesson.id, lesson.category, deps.cipher.open<{ text: string }>('content', lesson.sealedText, lessonTextContext(record.id)).text);
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
