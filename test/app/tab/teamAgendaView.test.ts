import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgendaDependencies } from '../../../bot/app/agenda/agendaDependencies';
import type { TeamRecord, TopicPosting } from '../../../bot/app/agenda/agendaPorts';
import { teamKeyFor } from '../../../bot/app/agenda/teamKeys';
import type { CaseRepository } from '../../../bot/app/cases/casePorts';
import { tabViewsFor } from '../../../bot/app/tab/tabViewsFor';
import { mayViewTeamAgenda, teamAgendaView } from '../../../bot/app/tab/teamAgendaView';
import type { OrganisationDirectory } from '../../../bot/domain/directory';
import { ForbiddenError } from '../../../bot/domain/errors';
import type { LessonStatus } from '../../../bot/domain/lessons/lesson';
import { loadTopicLibrary } from '../../../bot/topicLibrary/loadTopicLibrary';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import { closedCaseRecord } from '../../fixtures/closedCaseRecord';
import { countingCalls } from '../../fakes/countingCalls';

// The demo organisation: Jeroen (…14) owns A-compagnie (u-clas-11-inf), Rik (…20) the Evertsen's team; Marieke (…04)
// coordinates the root; Lotte (…13) and Daan (…15) own and coordinate nothing.
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const MARIEKE = id(4);
const JEROEN = id(14);
const LOTTE = id(13);
const RIK = id(20);
const ACIE = { teamId: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', unitId: 'u-clas-11-inf' };
const EVERTSEN = { teamId: '19:demo-evertsen@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a02', unitId: 'u-czsk-evertsen' };
const DEMO_PEOPLE: string[] = (JSON.parse(readFileSync(join(__dirname, '../../../config/directory.demo.json'), 'utf8')) as { people: { aadObjectId: string }[] }).people.map(
  (person) => person.aadObjectId,
);
const LESSON_TEXT = 'LES-4411 spreek elkaar direct aan';

describe('the tab\'s team agenda (use cases on real storage and the demo organisation)', () => {
  let deps: AgendaDependencies;
  let caseCalls: Map<string, number>;
  let directoryCalls: Map<string, number>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const made = await caseTestDependencies();
    cleanup = made.cleanup;
    const knownUnitIds = new Set((await made.deps.directory.allUnits()).map((unit) => unit.id));
    const cases = countingCalls<CaseRepository>(made.deps.repos.cases);
    const directory = countingCalls<OrganisationDirectory>(made.deps.directory);
    caseCalls = cases.calls;
    directoryCalls = directory.calls;
    deps = {
      ...made.deps,
      repos: { ...made.deps.repos, cases: cases.counted },
      directory: directory.counted,
      topics: loadTopicLibrary({ libraryFile: join(__dirname, '../../../config/topics/library.json'), knownUnitIds }),
    };
  });

  afterEach(() => cleanup());

  async function installed(team: { teamId: string; aadGroupId?: string; unitId?: string }, topicIds: string[] = []): Promise<void> {
    const key = teamKeyFor(deps, team.teamId);
    const postings: TopicPosting[] = topicIds.map((topicId, index) => ({
      id: `${key}-p${index}`,
      topicId,
      meetingAt: new Date(Date.parse('2026-10-05T07:00:00Z') + index * 7 * 86_400_000).toISOString(),
      postedAt: new Date(Date.parse('2026-10-02T07:00:00Z') + index * 7 * 86_400_000).toISOString(),
      status: 'posted',
    }));
    const record: TeamRecord = {
      id: key,
      teamId: team.teamId,
      ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
      name: team.teamId,
      installedAt: '2026-01-05T08:00:00.000Z',
      updatedAt: '2026-01-05T08:00:00.000Z',
      ...(team.unitId ? { settings: { weekdays: [1], time: '09:00', everyWeeks: 1, anchorDate: '2026-11-30', leadWorkingDays: 1, locale: 'nl', unitId: team.unitId, paused: false } } : {}),
      usedTopicIds: [],
      postings,
    };
    await deps.repos.teams.create(record);
  }

  async function caseWithLesson(caseId: string, lessonId: string, status: LessonStatus): Promise<void> {
    const dates = { receivedAt: '2026-06-01T09:00:00.000Z', closedAt: '2026-07-01T09:00:00.000Z' };
    await deps.repos.cases.create(closedCaseRecord(deps.cipher, { id: caseId, ...dates, description: 'CASUS-7731 wat er gebeurde', lesson: { id: lessonId, status, text: LESSON_TEXT } }));
  }

  describe('postings of lessons from closed cases', () => {
    it('when teams had lessons posted, then an approved one shows the lesson title of its card, a gone or no longer approved one shows none, all from one read', async () => {
      await caseWithLesson('case-a', 'lesson-a', 'approved');
      await caseWithLesson('case-h', 'lesson-h', 'held');
      const library = deps.topics.topics[0];
      await installed(ACIE, [library.id, 'lesson/lesson-a', 'lesson/lesson-gone', 'lesson/lesson-h']);
      await installed(EVERTSEN, ['lesson/lesson-a', 'lesson/lesson-a']);
      caseCalls.clear();

      const view = await teamAgendaView(deps, MARIEKE);

      const titles = (teamId: string) => view.find((team) => team.name === teamId)!.postings.map((posting) => posting.topicTitle);
      // Newest first.
      expect(titles(ACIE.teamId)).toEqual([undefined, undefined, { nl: 'Geleerde les', en: 'Lesson learned' }, { nl: library.nl.title, en: library.en.title }]);
      expect(titles(EVERTSEN.teamId)).toEqual([
        { nl: 'Geleerde les', en: 'Lesson learned' },
        { nl: 'Geleerde les', en: 'Lesson learned' },
      ]);
      expect(Object.fromEntries(caseCalls)).toEqual({ listByLessonStatus: 1 });
      // Neither the case nor its lesson text: the view says which topic, as the card's title does.
      for (const secret of ['CASUS-7731', 'VM-TEST-case-a', 'case-a', LESSON_TEXT]) expect(JSON.stringify(view)).not.toContain(secret);
    });

    it('when no posting shown is a lesson, then no case is read at all', async () => {
      await installed(ACIE, [deps.topics.topics[0].id, deps.topics.topics[1].id]);
      caseCalls.clear();

      const [team] = await teamAgendaView(deps, JEROEN);

      expect(team.postings.map((posting) => posting.topicTitle?.en)).toEqual([deps.topics.topics[1].en.title, deps.topics.topics[0].en.title]);
      expect(caseCalls.size).toBe(0);
    });
  });

  describe('who sees the view (GET /api/tab/me)', () => {
    /** The installed teams: the two demo teams, one only by its group id, and teams no directory entry knows. */
    async function installAll(): Promise<number> {
      await installed(ACIE);
      await installed({ teamId: '19:renamed-evertsen@thread.tacv2', aadGroupId: EVERTSEN.aadGroupId });
      for (let index = 0; index < 5; index += 1) await installed({ teamId: `19:unknown-${index}@thread.tacv2`, unitId: index % 2 ? 'u-clas-11' : undefined });
      return 7;
    }

    /** The full rule: the view itself answers (a list, maybe empty) or refuses. */
    async function fullRule(userId: string): Promise<boolean> {
      try {
        await teamAgendaView(deps, userId);
        return true;
      } catch (error) {
        if (error instanceof ForbiddenError) return false;
        throw error;
      }
    }

    it('when every person of the demo organisation (and someone unknown) asks, then the answer is the full rule\'s, and the tab\'s views agree', async () => {
      await installAll();
      const answers: Record<string, boolean> = {};
      for (const userId of [...DEMO_PEOPLE, 'not-in-the-directory']) {
        const expected = await fullRule(userId);
        expect({ userId, may: await mayViewTeamAgenda(deps, userId) }).toEqual({ userId, may: expected });
        expect({ userId, may: (await tabViewsFor(deps, userId)).includes('teamAgenda') }).toEqual({ userId, may: expected });
        answers[userId] = expected;
      }
      // The story holds: owners and coordinators yes, the others no.
      expect([answers[JEROEN], answers[RIK], answers[MARIEKE], answers[LOTTE], answers[id(15)]]).toEqual([true, true, true, false, false]);
    });

    it('when someone who coordinates nothing and owns no team asks, then only each installed team\'s owners are asked, once each, and no unit or role', async () => {
      const teams = await installAll();
      directoryCalls.clear();

      expect(await tabViewsFor(deps, LOTTE)).toEqual(['myReports', 'myTasks']);

      const units = (await deps.directory.allUnits()).length;
      directoryCalls.delete('allUnits');
      // Finding that she coordinates nothing walks the units once (as before); then per team one owner lookup, nothing else.
      expect(directoryCalls.get('teamOwners')).toBe(teams);
      expect(directoryCalls.get('team')).toBeUndefined();
      expect(directoryCalls.get('unitChain')).toBe(units);
    });

    it('when an owner asks, then the walk stops at the first team he owns', async () => {
      await installAll();
      // Rik's team is the one known by its group id only; where it comes in the store's order:
      const order = (await deps.repos.teams.list({ limit: 100 })).items.map((entry) => entry.value.aadGroupId);
      const position = order.indexOf(EVERTSEN.aadGroupId) + 1;
      expect(position).toBeGreaterThan(0);
      directoryCalls.clear();

      expect(await mayViewTeamAgenda(deps, RIK, { coordinator: false })).toBe(true);

      expect(Object.fromEntries(directoryCalls)).toEqual({ teamOwners: position });
    });
  });
});
