import { join } from 'node:path';
import { installTeam } from '../../../bot/app/agenda/installTeam';
import type { AgendaDependencies } from '../../../bot/app/agenda/agendaDependencies';
import { postDueTopics } from '../../../bot/app/agenda/postDueTopics';
import type { TeamSettingsCommand } from '../../../bot/app/agenda/agendaCommands';
import { saveTeamSettings } from '../../../bot/app/agenda/saveTeamSettings';
import { teamKeyFor } from '../../../bot/app/agenda/teamKeys';
import { unitTrends } from '../../../bot/app/agenda/unitTrends';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import type { OutboxItem } from '../../../bot/app/outbox/outboxPorts';
import { loadTopicLibrary } from '../../../bot/topicLibrary/loadTopicLibrary';
import type { Category } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

const TEAM_ID = '19:demo-11inf-acie@thread.tacv2';
const JEROEN = '00000000-0000-4000-8000-000000000014';
const WEEKLY_MONDAY: TeamSettingsCommand = { weekdays: [1], time: '09:00', everyWeeks: 1, leadWorkingDays: 1, locale: 'en', unitId: 'u-clas-11-inf', paused: false };

describe('postDueTopics (the posting timer)', () => {
  let deps: AgendaDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const made = await caseTestDependencies();
    ({ clock, cleanup } = made);
    const knownUnitIds = new Set((await made.deps.directory.allUnits()).map((unit) => unit.id));
    deps = { ...made.deps, topics: loadTopicLibrary({ libraryFile: join(__dirname, '../../../config/topics/library.json'), knownUnitIds }) };
    await installTeam(deps, { teamId: TEAM_ID, name: 'A-compagnie', conversation: { conversation: { id: TEAM_ID } } });
  });

  afterEach(() => cleanup());

  async function team() {
    return (await deps.repos.teams.get(teamKeyFor(deps, TEAM_ID)))!.value;
  }

  /** Runs the timer at every posting moment, as often as asked, and returns the topic ids posted in order. */
  async function runPostings(count: number): Promise<string[]> {
    for (let i = 0; i < count; i += 1) {
      const due = (await team()).nextPostAt!;
      clock.set(new Date(Date.parse(due) + 60_000));
      expect(await postDueTopics(deps)).toBe(1);
    }
    return (await team()).postings.map((posting) => posting.topicId);
  }

  it('when 30 weekly meetings pass, then no topic comes twice before the whole library was posted', async () => {
    await saveTeamSettings(deps, TEAM_ID, JEROEN, WEEKLY_MONDAY);
    const library = deps.topics.topics.length;
    expect(library).toBeGreaterThanOrEqual(30);

    const posted = await runPostings(30);

    expect(posted).toHaveLength(30);
    expect(new Set(posted).size).toBe(30);
    // One meeting after another: every posting is for a later meeting than the one before.
    const meetings = (await team()).postings.map((posting) => Date.parse(posting.meetingAt));
    expect(meetings.every((meeting, i) => i === 0 || meeting > meetings[i - 1])).toBe(true);
  });

  it('when the library is exhausted, then a new round starts without repeating the last topic', async () => {
    await saveTeamSettings(deps, TEAM_ID, JEROEN, WEEKLY_MONDAY);
    const library = deps.topics.topics.length;

    const posted = await runPostings(library + 3);

    expect(new Set(posted.slice(0, library)).size).toBe(library);
    expect(new Set(posted.slice(library)).size).toBe(3);
    expect(posted[library]).not.toBe(posted[library - 1]);
  });

  it('when the timer runs again before the next moment, or twice at once, then each meeting gets one card', async () => {
    await saveTeamSettings(deps, TEAM_ID, JEROEN, WEEKLY_MONDAY);
    clock.set(new Date(Date.parse((await team()).nextPostAt!) + 60_000));

    const [first, second] = await Promise.all([postDueTopics(deps), postDueTopics(deps)]);
    await postDueTopics(deps);

    expect(first + second).toBeGreaterThanOrEqual(1);
    expect((await team()).postings).toHaveLength(1);
    const queued = await deps.repos.outbox.listDue(new Date(Date.parse(clock.now().toISOString()) + 1).toISOString(), 100);
    expect(queued.filter((item: { value: OutboxItem }) => item.value.recipient.kind === 'channel')).toHaveLength(1);
  });

  it('when the posting was recorded but the run stopped before queueing the card, then the next run queues it once', async () => {
    await saveTeamSettings(deps, TEAM_ID, JEROEN, WEEKLY_MONDAY);
    clock.set(new Date(Date.parse((await team()).nextPostAt!) + 60_000));
    const enqueue = deps.repos.outbox.enqueue.bind(deps.repos.outbox);
    deps.repos.outbox.enqueue = async () => {
      throw new Error('crash between recording and queueing');
    };
    expect(await postDueTopics(deps)).toBe(0);
    expect((await team()).postings).toHaveLength(1);
    deps.repos.outbox.enqueue = enqueue;

    expect(await postDueTopics(deps)).toBe(1);
    expect(await postDueTopics(deps)).toBe(0);

    expect((await team()).postings).toHaveLength(1);
    const queued = await deps.repos.outbox.listDue(clock.now().toISOString(), 100);
    expect(queued.filter((item: { value: OutboxItem }) => item.value.recipient.kind === 'channel')).toHaveLength(1);
  });

  it('when a team is paused, then nothing is posted and nothing is planned', async () => {
    await saveTeamSettings(deps, TEAM_ID, JEROEN, { ...WEEKLY_MONDAY, paused: true });

    expect((await team()).nextPostAt).toBeUndefined();
    clock.set('2026-12-31T12:00:00Z');
    expect(await postDueTopics(deps)).toBe(0);
    expect((await team()).postings).toEqual([]);
  });

  it.each<[string, Category, number, number]>([
    ['rose clearly (12 against 4)', 'discrimination', 12, 4],
    ['rose clearly (10 against 0)', 'integrity', 10, 0],
  ])('when reports in a category %s in the unit, then the next topic is one on that category', async (_label, category, recent, earlier) => {
    await seedCases(category, recent, earlier);
    await saveTeamSettings(deps, TEAM_ID, JEROEN, WEEKLY_MONDAY);

    await runPostings(1);

    const topicId = (await team()).postings[0].topicId;
    expect(deps.topics.topics.find((topic) => topic.id === topicId)?.categories).toContain(category);
  });

  it('when a category rose but stays under 10 reports, then it does not count as a trend; a clear rise counts for the unit and the units above it', async () => {
    await seedCases('discrimination', 9, 0);
    await seedCases('bullying', 12, 4);

    const trends = await unitTrends(deps);

    expect(trends('u-clas-11-inf')).toEqual(['bullying']);
    expect(trends('u-clas')).toEqual(['bullying']);
    expect(trends('u-czsk')).toEqual([]);
  });

  /** Cases of the unit: `recent` in the last quarter, `earlier` in the quarter before (counts only matter). */
  async function seedCases(category: Category, recent: number, earlier: number): Promise<void> {
    const now = clock.now().getTime();
    const make = async (n: number, daysAgo: number) => {
      const record = {
        id: `case-${category}-${daysAgo}-${n}`,
        reference: `VM-TEST-${daysAgo}${n}`,
        kind: 'report',
        categories: [category],
        identity: 'anonymous',
        managerInvolved: 'no',
        preferMeldpunt: false,
        state: 'submitted',
        locale: 'nl',
        receivedAt: new Date(now - daysAgo * 86_400_000).toISOString(),
        unitId: 'u-clas-11-inf',
        sealedContent: deps.cipher.seal('content', { description: 'x' }, `case-${category}-${daysAgo}-${n}`),
        history: [],
      } as unknown as CaseRecord;
      await deps.repos.cases.create(record);
    };
    for (let n = 0; n < recent; n += 1) await make(n, 10 + n);
    for (let n = 0; n < earlier; n += 1) await make(n, 120 + n);
  }
});
