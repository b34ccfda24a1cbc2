import { coordinatorInsights } from '../../../bot/app/insights/coordinatorInsights';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import type { TeamRecord } from '../../../bot/app/agenda/agendaPorts';
import { ForbiddenError } from '../../../bot/domain/errors';
import { insightsPeriod } from '../../../bot/domain/insights/insightsPeriod';
import type { Category, IdentityMode } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

const ANOUK = '00000000-0000-4000-8000-000000000008';
const MARIEKE = '00000000-0000-4000-8000-000000000004';
const LOTTE = '00000000-0000-4000-8000-000000000013';
/** In every sealed description: must never reach the insights. */
const MARKER = 'GEHEIM-VERHAAL-7Q3';

describe('coordinatorInsights (use case, embedded storage)', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;
  let seeded = 0;

  beforeEach(async () => {
    ({ deps, clock, cleanup } = await caseTestDependencies());
    clock.set(new Date('2026-12-04T09:00:00Z'));
    seeded = 0;
  });

  afterEach(() => cleanup());

  async function seed(count: number, unitId: string, options: { category?: Category; identity?: IdentityMode; receivedAt?: string; acknowledgedAfterDays?: number } = {}): Promise<void> {
    for (let n = 0; n < count; n += 1) {
      seeded += 1;
      const id = `case-insights-${seeded}`;
      const receivedAt = options.receivedAt ?? '2026-10-15T10:00:00.000Z';
      const acknowledgedAt = options.acknowledgedAfterDays === undefined ? undefined : new Date(Date.parse(receivedAt) + options.acknowledgedAfterDays * 86_400_000).toISOString();
      const record = {
        id,
        reference: `VM-TEST-${String(seeded).padStart(4, '0')}`,
        kind: 'report',
        categories: [options.category ?? 'bullying'],
        identity: options.identity ?? 'named',
        managerInvolved: 'no',
        preferMeldpunt: false,
        state: acknowledgedAt ? 'acknowledged' : 'submitted',
        locale: 'nl',
        receivedAt,
        unitId,
        ...(acknowledgedAt ? { acknowledgedAt } : {}),
        clocks: [{ clock: 'acknowledge', startedAt: receivedAt, dueAt: new Date(Date.parse(receivedAt) + 5 * 86_400_000).toISOString(), ...(acknowledgedAt ? { stoppedAt: acknowledgedAt } : {}) }],
        sealedContent: deps.cipher.seal('content', { description: `${MARKER} ${id}`, involved: `${MARKER} betrokkene` }, id),
        history: [],
      } as unknown as CaseRecord;
      await deps.repos.cases.create(record);
    }
  }

  const thisQuarter = () => insightsPeriod('thisQuarter', clock.now());

  it('when Anouk asks, then she sees CLAS and the units below it, and a CZSK case never appears in her figures', async () => {
    await seed(6, 'u-clas-11-inf', { acknowledgedAfterDays: 2 });
    await seed(7, 'u-czsk', { category: 'aggression' });

    const insights = await coordinatorInsights(deps, ANOUK, thisQuarter());

    expect(insights.units.map((unit) => unit.unitId).sort()).toEqual(['u-clas', 'u-clas-11', 'u-clas-11-inf']);
    expect(insights.total.cases).toBe(6);
    expect(insights.total.categories.find((line) => line.category === 'aggression')?.count).toBe('<5');
    expect(insights.units.find((unit) => unit.unitId === 'u-clas-11-inf')).toMatchObject({ cases: 6, medianDaysToAcknowledge: 2, deadlinesMetPct: 100 });
    expect(insights.period.label).toBe('2026-Q4');
  });

  it('when Marieke, the central coordinator, asks, then she sees every unit, CZSK included', async () => {
    await seed(6, 'u-clas-11-inf');
    await seed(7, 'u-czsk');

    const insights = await coordinatorInsights(deps, MARIEKE, thisQuarter());

    expect(insights.total.cases).toBe(13);
    expect(insights.units.map((unit) => unit.unitId)).toEqual(expect.arrayContaining(['u-defensie', 'u-clas', 'u-czsk', 'u-czsk-evertsen']));
    expect(insights.units.find((unit) => unit.unitId === 'u-czsk')?.cases).toBe(7);
  });

  it('when Lotte, who coordinates nothing, asks, then she is refused', async () => {
    await seed(6, 'u-clas-11-inf');
    await expect(coordinatorInsights(deps, LOTTE, thisQuarter())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('when a category has 4 cases, then it shows <5 while the total and the larger category are shown', async () => {
    await seed(6, 'u-clas-11-inf', { category: 'bullying' });
    await seed(4, 'u-clas-11-inf', { category: 'discrimination', identity: 'anonymous' });

    const { total } = await coordinatorInsights(deps, ANOUK, thisQuarter());

    expect(total.cases).toBe(10);
    expect(total.categories.find((line) => line.category === 'bullying')?.count).toBe(6);
    expect(total.categories.find((line) => line.category === 'discrimination')?.count).toBe('<5');
    // The 4 anonymous reports: the share would give their number, so it is suppressed too.
    expect(total.anonymousPct).toBe('<5');
  });

  it('when cases were received outside the period, then they are not counted, and last quarter has its own', async () => {
    await seed(5, 'u-clas-11', { receivedAt: '2026-08-10T10:00:00.000Z' });
    await seed(5, 'u-clas-11', { receivedAt: '2026-11-10T10:00:00.000Z' });

    expect((await coordinatorInsights(deps, ANOUK, thisQuarter())).total.cases).toBe(5);
    expect((await coordinatorInsights(deps, ANOUK, insightsPeriod('lastQuarter', clock.now()))).total.cases).toBe(5);
    expect((await coordinatorInsights(deps, ANOUK, insightsPeriod('thisYear', clock.now()))).total.cases).toBe(10);
  });

  it('when cases of October are acknowledged this month, then the figures show them as they stood when November ended, until December has ended too', async () => {
    await seed(5, 'u-clas-11-inf', { acknowledgedAfterDays: 49 }); // 15 October + 49 days = 3 December
    const now = await coordinatorInsights(deps, ANOUK, thisQuarter());
    expect(now.total.cases).toBe(5);
    expect(now.total.medianDaysToAcknowledge).toBe('<5');
    expect(now.period).toMatchObject({ lastMonth: '2026-11', countedTo: '2026-11-30T23:00:00.000Z' });

    clock.set(new Date('2027-01-02T09:00:00Z'));
    expect((await coordinatorInsights(deps, ANOUK, insightsPeriod('lastQuarter', clock.now()))).total.medianDaysToAcknowledge).toBe(49);
  });

  it('when more cases than one page were received, then all are counted', async () => {
    await seed(130, 'u-clas');
    expect((await coordinatorInsights(deps, ANOUK, thisQuarter())).total.cases).toBe(130);
  });

  it('when teams of her units discussed a topic this month and one of another unit did too, then only hers count in the agenda coverage', async () => {
    const team = (id: string, unitId: string, status: 'posted' | 'discussed'): TeamRecord => ({
      id,
      teamId: `19:${id}@thread.tacv2`,
      installedAt: '2026-09-01T08:00:00.000Z',
      updatedAt: '2026-12-01T08:00:00.000Z',
      settings: { weekdays: [1], time: '09:00', everyWeeks: 1, anchorDate: '2026-09-07', leadWorkingDays: 1, locale: 'nl', unitId, paused: false },
      usedTopicIds: ['t1'],
      postings: [{ id: `${id}-p1`, topicId: 't1', meetingAt: '2026-12-07T08:00:00.000Z', postedAt: '2026-12-04T08:00:00.000Z', status }],
    });
    await deps.repos.teams.create(team('clas-a', 'u-clas-11-inf', 'discussed'));
    await deps.repos.teams.create(team('clas-b', 'u-clas-11', 'posted'));
    await deps.repos.teams.create(team('czsk-a', 'u-czsk-evertsen', 'discussed'));

    const insights = await coordinatorInsights(deps, ANOUK, thisQuarter());

    expect(insights.agenda.find((month) => month.month === '2026-12')).toMatchObject({ teams: 2, discussed: 1, discussedPct: 50 });
    expect((await coordinatorInsights(deps, MARIEKE, thisQuarter())).agenda.find((month) => month.month === '2026-12')).toMatchObject({ teams: 3, discussed: 2 });
  });

  it('when the result is read, then no field holds report text, and the months of the period carry the agenda coverage', async () => {
    await seed(8, 'u-clas-11-inf', { acknowledgedAfterDays: 1 });

    const insights = await coordinatorInsights(deps, ANOUK, thisQuarter());

    expect(JSON.stringify(insights)).not.toContain(MARKER);
    expect(JSON.stringify(insights)).not.toContain('VM-TEST');
    expect(insights.agenda.map((month) => month.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(insights.agenda.every((month) => month.teams === 0 && month.discussedPct === 0)).toBe(true);
  });
});
