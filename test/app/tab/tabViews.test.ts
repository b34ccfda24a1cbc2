import { randomUUID } from 'node:crypto';
import { acknowledgeCase } from '../../../bot/app/cases/acknowledgeCase';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import { sendCaseMessage } from '../../../bot/app/cases/sendCaseMessage';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { myReportsView } from '../../../bot/app/tab/myReportsView';
import { myTasksView } from '../../../bot/app/tab/myTasksView';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

// Demo organisation: Daan (…15) reports to his manager Jeroen (…14); Lotte (…13) has nothing to do with it.
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const DAAN = id(15);
const JEROEN = id(14);
const LOTTE = id(13);
const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: 'Wat er gebeurde.', involved: 'Korporaal Smeets', preferMeldpunt: false };

describe('the tab\'s views (use cases on real storage and the demo organisation)', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;
  let first: string;
  let second: string;

  const submit = async () =>
    (await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, { submissionId: randomUUID(), locale: 'nl', report })).caseId;

  beforeEach(async () => {
    ({ deps, clock, cleanup } = await caseTestDependencies());
    first = await submit();
    clock.set('2026-12-01T09:00:00Z');
    second = await submit();
  });

  afterEach(() => cleanup());

  it('when the handler lists his tasks, then both cases are there, the nearest deadline first, with the time left', async () => {
    const tasks = await myTasksView(deps, JEROEN);
    expect(tasks.map((task) => task.caseId)).toEqual([first, second]);
    expect(tasks[0]).toMatchObject({ state: 'submitted', canAcknowledge: true });
    expect(tasks[0].deadlines.map((deadline) => [deadline.clock, deadline.overdue])).toEqual([['acknowledge', false], ['firstUpdate', false]]);
    expect(tasks[0].deadlines[0].calendarDaysLeft).toBeGreaterThan(0);
    expect(JSON.stringify(tasks)).not.toContain('Wat er gebeurde');
  });

  it('when a deadline has passed, then the task says overdue and how many days late', async () => {
    clock.set('2026-12-10T09:00:00Z');
    const [task] = await myTasksView(deps, JEROEN);
    expect(task.deadlines[0]).toMatchObject({ clock: 'acknowledge', overdue: true });
    expect(task.deadlines[0].calendarDaysLeft).toBeLessThan(0);
  });

  it('when the first case is acknowledged, then its next clock is later and the other case comes first', async () => {
    await acknowledgeCase(deps, first, JEROEN);
    const tasks = await myTasksView(deps, JEROEN);
    expect(tasks.map((task) => task.caseId)).toEqual([second, first]);
    expect(tasks[1]).toMatchObject({ state: 'acknowledged', canAcknowledge: false });
  });

  it('when someone else lists tasks, then there are none; and the reporter has no tasks of his own cases', async () => {
    expect(await myTasksView(deps, LOTTE)).toEqual([]);
    expect(await myTasksView(deps, DAAN)).toEqual([]);
  });

  it('when the reporter lists his reports after the acknowledge, then the timeline says received and acknowledged with dates, and what comes next', async () => {
    clock.set('2026-12-02T10:00:00Z');
    await acknowledgeCase(deps, first, JEROEN);
    const reports = await myReportsView(deps, DAAN);
    expect(reports.map((item) => item.caseId).sort()).toEqual([first, second].sort());
    const mine = reports.find((item) => item.caseId === first)!;
    expect(mine.timeline).toEqual([
      { step: 'received', at: '2026-11-30T09:00:00.000Z' },
      { step: 'acknowledged', at: '2026-12-02T10:00:00.000Z' },
    ]);
    expect(mine).toMatchObject({ state: 'acknowledged', route: 'line_manager', next: { overdue: false }, messages: [], openQuestion: false });
    expect(mine.next!.clock).not.toBe('acknowledge');
    // The handler is never named to the reporter: the view holds a role only.
    expect(JSON.stringify(reports)).not.toContain('Jeroen');
  });

  it('when the handler asks a question, then the reporter sees it in the messages and on the timeline, with the question open', async () => {
    clock.set('2026-12-03T08:30:00Z');
    await sendCaseMessage(deps, { caseId: first, kind: 'question', message: 'Wanneer gebeurde dit precies?' }, JEROEN);
    const mine = (await myReportsView(deps, DAAN)).find((item) => item.caseId === first)!;
    expect(mine.messages).toEqual([{ from: 'handler', kind: 'question', at: '2026-12-03T08:30:00.000Z', text: 'Wanneer gebeurde dit precies?' }]);
    expect(mine.timeline.map((step) => step.step)).toEqual(['received', 'acknowledged', 'message']);
    expect(mine.timeline[2]).toEqual({ step: 'message', at: '2026-12-03T08:30:00.000Z', messageIndex: 0 });
    expect(mine.openQuestion).toBe(true);
    // Only his own: the other case has no messages.
    expect((await myReportsView(deps, DAAN)).find((item) => item.caseId === second)!.messages).toEqual([]);
  });

  it('when someone else lists reports, then there are none', async () => {
    expect(await myReportsView(deps, LOTTE)).toEqual([]);
    expect(await myReportsView(deps, JEROEN)).toEqual([]);
  });
});
