import { join } from 'node:path';
import type { AgendaDependencies } from '../../../bot/app/agenda/agendaDependencies';
import type { TeamRecord } from '../../../bot/app/agenda/agendaPorts';
import { postDueTopics } from '../../../bot/app/agenda/postDueTopics';
import { teamKeyFor } from '../../../bot/app/agenda/teamKeys';
import type { CaseRepository } from '../../../bot/app/cases/casePorts';
import { findLessonTopic } from '../../../bot/app/lessons/lessonTopics';
import type { LessonStatus } from '../../../bot/domain/lessons/lesson';
import { loadTopicLibrary } from '../../../bot/topicLibrary/loadTopicLibrary';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import { closedCaseRecord } from '../../fixtures/closedCaseRecord';
import { countingCalls } from '../../fakes/countingCalls';
import type { ManualClock } from '../../fakes/manualClock';

const DAY_MS = 86_400_000;
const LESSON_TEXT = 'Spreek elkaar direct aan op grappen die anderen buitensluiten.';

describe('lessons as agenda topics: read once per posting run, one lesson per card', () => {
  let deps: AgendaDependencies;
  let clock: ManualClock;
  let calls: Map<string, number>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const made = await caseTestDependencies();
    ({ clock, cleanup } = made);
    const knownUnitIds = new Set((await made.deps.directory.allUnits()).map((unit) => unit.id));
    const counting = countingCalls<CaseRepository>(made.deps.repos.cases);
    calls = counting.calls;
    deps = {
      ...made.deps,
      repos: { ...made.deps.repos, cases: counting.counted },
      topics: loadTopicLibrary({ libraryFile: join(__dirname, '../../../config/topics/library.json'), knownUnitIds }),
    };
  });

  afterEach(() => cleanup());

  /** A closed case of the infantry company, closed `daysAgo`; with a lesson in `status` when asked (`lessonId` stored or, as before that field, not). */
  async function closedCase(index: number, daysAgo: number, lesson?: { id: string; status: LessonStatus; withLessonId?: boolean }): Promise<void> {
    const closedAt = new Date(clock.now().getTime() - daysAgo * DAY_MS).toISOString();
    const receivedAt = new Date(Date.parse(closedAt) - 20 * DAY_MS).toISOString();
    await deps.repos.cases.create(closedCaseRecord(deps.cipher, { id: `case-${index}`, receivedAt, closedAt, description: 'x', ...(lesson ? { lesson: { ...lesson, text: LESSON_TEXT } } : {}) }));
  }

  /** Five closed bullying cases in the unit (the threshold), the first with an approved lesson past its delay. */
  async function approvedLessonAvailable(): Promise<void> {
    await closedCase(0, 60, { id: 'lesson-a', status: 'approved' });
    for (let index = 1; index < 5; index += 1) await closedCase(index, 50 + index);
  }

  /** `count` teams due now: all of the infantry company, and one of another command (which may not get the lesson). */
  async function dueTeams(count: number): Promise<string[]> {
    const keys: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const teamId = `19:team-${index}@thread.tacv2`;
      const team: TeamRecord = {
        id: teamKeyFor(deps, teamId),
        teamId,
        installedAt: '2026-01-05T08:00:00.000Z',
        updatedAt: '2026-01-05T08:00:00.000Z',
        settings: { weekdays: [1], time: '09:00', everyWeeks: 1, anchorDate: '2026-11-30', leadWorkingDays: 1, locale: 'nl', unitId: index === 0 ? 'u-czsk' : 'u-clas-11-inf', paused: false },
        nextPostAt: new Date(clock.now().getTime() - 60_000).toISOString(),
        nextMeetingAt: new Date(clock.now().getTime() + 3 * DAY_MS).toISOString(),
        usedTopicIds: [],
        postings: [],
      };
      await deps.repos.teams.create(team);
      keys.push(team.id);
    }
    return keys;
  }

  async function firstTopics(keys: readonly string[]): Promise<(string | undefined)[]> {
    return Promise.all(keys.map(async (key) => (await deps.repos.teams.get(key))!.value.postings[0]?.topicId));
  }

  it.each([2, 7])('when %i teams are due, then the run reads the approved lessons and the closed cases once each, and only the teams of the lesson\'s unit get it', async (count) => {
    await approvedLessonAvailable();
    const keys = await dueTeams(count);
    calls.clear();

    expect(await postDueTopics(deps)).toBe(count);

    expect(calls.get('listByLessonStatus')).toBe(1);
    expect(calls.get('listClosedBetween')).toBe(1);
    const topics = await firstTopics(keys);
    expect(topics[0]).not.toBe('lesson/lesson-a');
    expect(topics.slice(1)).toEqual(Array.from({ length: count - 1 }, () => 'lesson/lesson-a'));
  });

  it('when no team may get an approved lesson, then the closed cases are not read at all', async () => {
    await closedCase(0, 10, { id: 'lesson-too-fresh', status: 'approved' });
    for (let index = 1; index < 5; index += 1) await closedCase(index, 50 + index);
    await dueTeams(4);
    calls.clear();

    expect(await postDueTopics(deps)).toBe(4);

    expect(calls.get('listByLessonStatus')).toBe(1);
    expect(calls.get('listClosedBetween')).toBeUndefined();
  });

  it('when only four cases of the category closed in the unit, then no team gets the lesson (the threshold still holds per run)', async () => {
    await closedCase(0, 60, { id: 'lesson-a', status: 'approved' });
    for (let index = 1; index < 4; index += 1) await closedCase(index, 50 + index);
    const keys = await dueTeams(3);

    expect(await postDueTopics(deps)).toBe(3);

    expect((await firstTopics(keys)).filter((topic) => topic?.startsWith('lesson/'))).toEqual([]);
  });

  it('when reading the approved lessons fails once, then that team fails and the next team of the run reads them again and gets the lesson', async () => {
    await approvedLessonAvailable();
    const keys = await dueTeams(3);
    const cases = deps.repos.cases;
    let failures = 1;
    deps = {
      ...deps,
      repos: {
        ...deps.repos,
        cases: Object.assign(Object.create(cases) as CaseRepository, {
          listByLessonStatus: (...args: Parameters<CaseRepository['listByLessonStatus']>) => {
            if (failures-- > 0) return Promise.reject(new Error('store unavailable'));
            return cases.listByLessonStatus(...args);
          },
        }),
      },
    };
    calls.clear();

    expect(await postDueTopics(deps)).toBe(2);

    // One team got nothing this run (it stays due); the two others were served from one successful read.
    const topics = await firstTopics(keys);
    expect(topics.filter((topic) => topic === undefined)).toHaveLength(1);
    expect(calls.get('listByLessonStatus')).toBe(1);
    topics.forEach((topic, index) => {
      if (topic !== undefined) expect(topic === 'lesson/lesson-a').toBe(index > 0);
    });
  });

  it('when a posted lesson\'s card is drawn, then one case is read by the lesson id, and the topic is its approved text', async () => {
    await approvedLessonAvailable();
    calls.clear();

    const topic = await findLessonTopic(deps, 'lesson/lesson-a');

    expect(topic).toMatchObject({ id: 'lesson/lesson-a', categories: ['bullying'], nl: { title: 'Geleerde les', intro: LESSON_TEXT }, en: { title: 'Lesson learned', intro: LESSON_TEXT } });
    expect(Object.fromEntries(calls)).toEqual({ findByLessonId: 1 });
  });

  it('when the lesson is no longer approved, or not a lesson id, then there is no topic', async () => {
    await closedCase(0, 60, { id: 'lesson-held', status: 'held' });

    await expect(findLessonTopic(deps, 'lesson/lesson-held')).resolves.toBeUndefined();
    await expect(findLessonTopic(deps, 'bullying-jokes')).resolves.toBeUndefined();
  });

  it('when the lesson was stored before cases carried lessonId, then it is still found among the approved ones', async () => {
    await closedCase(0, 60, { id: 'lesson-old', status: 'approved', withLessonId: false });
    calls.clear();

    await expect(findLessonTopic(deps, 'lesson/lesson-old')).resolves.toMatchObject({ id: 'lesson/lesson-old', nl: { intro: LESSON_TEXT } });
    expect(calls.get('findByLessonId')).toBe(1);
    expect(calls.get('listByLessonStatus')).toBe(1);
  });
});
