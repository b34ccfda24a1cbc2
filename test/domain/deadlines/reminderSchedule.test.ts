import type { HandlerRole } from '../../../bot/domain/chooseRoute';
import { onCaseEvent, openClocks, stopClock, type CaseClock } from '../../../bot/domain/deadlines/caseClocks';
import { DEFAULT_DEADLINE_POLICY, type ClockKind, type ClockRoute, type DeadlinePolicy } from '../../../bot/domain/deadlines/deadlinePolicies';
import { extendDecision } from '../../../bot/domain/deadlines/extendDecision';
import { dueReminders, nextDueAt, reminderMoments, type ReminderMoment } from '../../../bot/domain/deadlines/reminderSchedule';
import { WorkingCalendar } from '../../../bot/domain/workingCalendar';
import { amsterdamInstant, amsterdamWallTime } from './amsterdamTime';

const calendar = new WorkingCalendar({ liberationDayOff: true });
const policy = DEFAULT_DEADLINE_POLICY;

const ROUTES: Record<HandlerRole, ClockRoute> = {
  meldpunt: { role: 'meldpunt', kind: 'report' },
  klachtencoordinator: { role: 'klachtencoordinator', kind: 'complaint' },
  line_manager: { role: 'line_manager', kind: 'report' },
  vertrouwenspersoon: { role: 'vertrouwenspersoon', kind: 'advice' },
  ago: { role: 'ago', kind: 'mediation' },
  veiligheidsfunctionaris: { role: 'veiligheidsfunctionaris', kind: 'report' },
};

function open(role: HandlerRole, receivedLocal: string, withPolicy: DeadlinePolicy = policy): CaseClock[] {
  return openClocks({ ...ROUTES[role], receivedAt: amsterdamInstant(receivedLocal) }, withPolicy, calendar);
}

function clockOf(clocks: readonly CaseClock[], clock: ClockKind): CaseClock {
  const found = clocks.find((candidate) => candidate.clock === clock);
  if (!found) throw new Error(`no ${clock} clock`);
  return found;
}

/** `stage[n] at Amsterdam wall time`, the way a handler would read the schedule. */
const described = (moments: readonly ReminderMoment[]) => moments.map((moment) => `${moment.stage}${moment.n === undefined ? '' : `[${moment.n}]`} ${amsterdamWallTime(moment.at)}`);
const keysOf = (reminders: readonly { key: string }[]) => reminders.map((reminder) => reminder.key);

describe('reminder schedule', () => {
  describe('reminder moments', () => {
    it.each<[string, HandlerRole, string, ClockKind, string[]]>([
      [
        'half falls on a Sunday, so it waits for Monday 08:00',
        'meldpunt', '2026-06-10 10:00', 'acknowledge',
        ['half 2026-06-15 08:00:00', 'dayBefore 2026-06-16 08:00:00', 'onTheDay 2026-06-17 08:00:00', 'escalation[0] 2026-06-17 23:59:59', 'escalation[1] 2026-06-24 23:59:59'],
      ],
      [
        'half falls within working hours, so it stays where it is',
        'klachtencoordinator', '2026-06-10 10:00', 'decision',
        ['half 2026-07-01 16:59:59', 'dayBefore 2026-07-21 08:00:00', 'onTheDay 2026-07-22 08:00:00', 'escalation[0] 2026-07-22 23:59:59', 'escalation[1] 2026-07-29 23:59:59'],
      ],
      [
        'half falls at 01:00 on a working day, so it waits for 08:00 that day',
        'meldpunt', '2026-06-11 02:00', 'acknowledge',
        ['half 2026-06-15 08:00:00', 'dayBefore 2026-06-17 08:00:00', 'onTheDay 2026-06-18 08:00:00', 'escalation[0] 2026-06-18 23:59:59', 'escalation[1] 2026-06-25 23:59:59'],
      ],
      [
        'half falls on Koningsdag, so it waits for Tuesday, and the day before the due Monday is Friday (Ascension Thursday is off)',
        'klachtencoordinator', '2026-04-06 10:00', 'decision',
        ['half 2026-04-28 08:00:00', 'dayBefore 2026-05-15 08:00:00', 'onTheDay 2026-05-18 08:00:00', 'escalation[0] 2026-05-18 23:59:59', 'escalation[1] 2026-05-25 23:59:59'],
      ],
      [
        'the due date is a Saturday, so "on the day" is Friday and "the day before" Thursday',
        'meldpunt', '2026-06-06 11:00', 'acknowledge',
        ['half 2026-06-10 08:00:00', 'dayBefore 2026-06-11 08:00:00', 'onTheDay 2026-06-12 08:00:00', 'escalation[0] 2026-06-13 23:59:59', 'escalation[1] 2026-06-20 23:59:59'],
      ],
      [
        'the working day before the due Tuesday is Koningsdag, so "the day before" is Friday and half, held past the long weekend, says nothing new',
        'meldpunt', '2026-04-21 10:00', 'acknowledge',
        ['dayBefore 2026-04-24 08:00:00', 'onTheDay 2026-04-28 08:00:00', 'escalation[0] 2026-04-28 23:59:59', 'escalation[1] 2026-05-05 23:59:59', 'escalation[2] 2026-05-12 23:59:59'],
      ],
      [
        'a 2-working-day window starts on Friday evening, so half would come with or after "the day before" and is left out',
        'line_manager', '2026-06-12 20:00', 'acknowledge',
        ['dayBefore 2026-06-15 08:00:00', 'onTheDay 2026-06-16 08:00:00', 'escalation[0] 2026-06-16 23:59:59', 'escalation[1] 2026-06-23 23:59:59', 'escalation[2] 2026-06-30 23:59:59'],
      ],
    ])('when %s, then the schedule starts as expected', (_case, role, receivedLocal, clock, expectedStart) => {
      const moments = reminderMoments(clockOf(open(role, receivedLocal), clock), policy, calendar);
      expect(described(moments).slice(0, 5)).toEqual(expectedStart);
    });

    it('when a clock runs late, then it escalates at the due moment and weekly after that, 10 times at most', () => {
      const moments = reminderMoments(clockOf(open('meldpunt', '2026-06-10 10:00'), 'acknowledge'), policy, calendar);
      const escalations = described(moments.filter((moment) => moment.stage === 'escalation'));
      expect(escalations).toHaveLength(11);
      expect(escalations.at(-1)).toBe('escalation[10] 2026-08-26 23:59:59');
    });

    it.each<[string, string, string[]]>([
      ['summer time starts (29 March)', '2026-03-25 13:00', ['2026-03-30T06:00:00.000Z', '2026-03-31T06:00:00.000Z', '2026-04-01T06:00:00.000Z', '2026-04-01T21:59:59.999Z', '2026-04-08T21:59:59.999Z']],
      ['winter time starts (25 October)', '2026-10-14 10:00', ['2026-10-19T06:00:00.000Z', '2026-10-20T06:00:00.000Z', '2026-10-21T06:00:00.000Z', '2026-10-21T21:59:59.999Z', '2026-10-28T22:59:59.999Z']],
      ['winter time has started', '2026-10-21 12:00', ['2026-10-26T07:00:00.000Z', '2026-10-27T07:00:00.000Z', '2026-10-28T07:00:00.000Z', '2026-10-28T22:59:59.999Z', '2026-11-04T22:59:59.999Z']],
    ])('when %s, then 08:00 and the end of the day stay Amsterdam time', (_case, receivedLocal, expectedIso) => {
      const moments = reminderMoments(clockOf(open('meldpunt', receivedLocal), 'acknowledge'), policy, calendar);
      expect(moments.slice(0, 5).map((moment) => moment.at)).toEqual(expectedIso);
    });

    it('when only the reminder on the day is configured, then half and the day before are not scheduled', () => {
      const onTheDayOnly: DeadlinePolicy = { ...policy, reminders: { ...policy.reminders, stages: ['onTheDay'], maxEscalationRepeats: 1 } };
      const moments = reminderMoments(clockOf(open('vertrouwenspersoon', '2026-06-10 10:00', onTheDayOnly), 'contact'), onTheDayOnly, calendar);
      expect(described(moments)).toEqual(['onTheDay 2026-06-12 08:00:00', 'escalation[0] 2026-06-12 23:59:59', 'escalation[1] 2026-06-19 23:59:59']);
    });

    it('when a clock is stopped, then it has no reminders', () => {
      const stopped = stopClock(open('vertrouwenspersoon', '2026-06-10 10:00'), 'contact', amsterdamInstant('2026-06-11 09:00'));
      expect(reminderMoments(clockOf(stopped, 'contact'), policy, calendar)).toEqual([]);
    });
  });

  describe('nextDueAt', () => {
    // A line melding on Monday 8 June: acknowledge by Wednesday 10 June, first update by Monday 22 June.
    const clocks = open('line_manager', '2026-06-08 10:00');

    it.each<[string, string[], string]>([
      ['nothing was sent yet', [], '2026-06-09T06:00:00.000Z'],
      ['"the day before" was sent', ['acknowledge:dayBefore:0'], '2026-06-10T06:00:00.000Z'],
      ['every acknowledgement reminder and the first escalation were sent', ['acknowledge:dayBefore:0', 'acknowledge:onTheDay:0', 'acknowledge:escalation:0'], '2026-06-15T14:59:59.999Z'],
    ])('when %s, then it is the earliest unsent moment of any clock', (_case, sent, expected) => {
      expect(nextDueAt(clocks, new Set(sent), policy, calendar)).toBe(expected);
    });

    it('when the melding is acknowledged, then the acknowledgement reminders are gone and the first update is next', () => {
      const acknowledged = onCaseEvent(clocks, 'acknowledged', amsterdamInstant('2026-06-08 15:00'), { policy, calendar, route: ROUTES.line_manager });
      expect(nextDueAt(acknowledged, new Set(), policy, calendar)).toBe('2026-06-15T14:59:59.999Z');
    });

    it('when every clock is stopped, then nothing is next', () => {
      const closed = onCaseEvent(clocks, 'closed', amsterdamInstant('2026-06-09 15:00'), { policy, calendar, route: ROUTES.line_manager });
      expect(nextDueAt(closed, new Set(), policy, calendar)).toBeUndefined();
    });

    it('when every reminder and escalation was sent, then nothing is next', () => {
      const everything = dueReminders(clocks, new Set(), amsterdamInstant('2027-01-01 00:00'), policy, calendar);
      const sent = new Set([...keysOf(everything.due), ...keysOf(everything.skipped)]);
      expect(nextDueAt(clocks, sent, policy, calendar)).toBeUndefined();
    });

    it.each(Object.keys(ROUTES) as HandlerRole[])('when %s reminders were sent in order or every other one, then it is always the earliest moment of the whole schedule not sent', (role) => {
      const routeClocks = open(role, '2026-06-08 10:00');
      const everything = dueReminders(routeClocks, new Set(), amsterdamInstant('2028-01-01 00:00'), policy, calendar);
      const schedule = [...everything.due, ...everything.skipped].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.key.localeCompare(b.key));
      const earliestUnsent = (sent: ReadonlySet<string>) => schedule.filter((reminder) => !sent.has(reminder.key)).map((reminder) => reminder.at).sort()[0];
      for (let count = 0; count <= schedule.length; count += 1) {
        const sent = new Set(schedule.slice(0, count).map((reminder) => reminder.key));
        expect(nextDueAt(routeClocks, sent, policy, calendar)).toBe(earliestUnsent(sent));
      }
      const everyOther = new Set(schedule.filter((_, index) => index % 2 === 1).map((reminder) => reminder.key));
      expect(nextDueAt(routeClocks, everyOther, policy, calendar)).toBe(earliestUnsent(everyOther));
      expect(schedule.length).toBeGreaterThan(10);
    });

    it('when a klacht decision is extended, then the new due date gets its own reminders despite the old ones having been sent', () => {
      const klacht = open('klachtencoordinator', '2026-06-10 10:00');
      const acknowledged = onCaseEvent(klacht, 'acknowledged', amsterdamInstant('2026-06-11 10:00'), { policy, calendar, route: ROUTES.klachtencoordinator });
      const { clocks: extended } = extendDecision(acknowledged, { days: 28, reason: 'Getuigen zijn op missie', at: amsterdamInstant('2026-07-21 10:00') }, policy);
      const sentBefore = new Set(['decision:half:0', 'decision:dayBefore:0']);
      expect(nextDueAt(extended, sentBefore, policy, calendar)).toBe('2026-08-05T06:00:00.000Z');
      expect(keysOf(dueReminders(extended, sentBefore, amsterdamInstant('2026-08-05 08:00'), policy, calendar).due)).toEqual(['decision+1:half:0']);
    });
  });

  describe('dueReminders', () => {
    // A klacht on Wednesday 10 June: acknowledge by Wednesday 17 June (half on Monday 15, the day before on Tuesday 16).
    const klacht = open('klachtencoordinator', '2026-06-10 10:00');
    const stageKeys = ['acknowledge:half:0', 'acknowledge:dayBefore:0', 'acknowledge:onTheDay:0'];

    it.each<[string, string, string[], string[], string[]]>([
      ['no moment has come', '2026-06-15 07:59', [], [], []],
      ['half has just come', '2026-06-15 08:00', [], ['acknowledge:half:0'], []],
      ['half was sent and the day before has come', '2026-06-16 09:00', ['acknowledge:half:0'], ['acknowledge:dayBefore:0'], []],
      ['the timer was down until the due day', '2026-06-17 11:00', [], ['acknowledge:onTheDay:0'], ['acknowledge:half:0', 'acknowledge:dayBefore:0']],
      ['the due moment has passed', '2026-06-18 00:00', stageKeys, ['acknowledge:escalation:0'], []],
      ['a week has passed since the escalation', '2026-06-25 09:00', [...stageKeys, 'acknowledge:escalation:0'], ['acknowledge:escalation:1'], []],
      ['the timer was down for three weeks after the escalation', '2026-07-09 00:30', [...stageKeys, 'acknowledge:escalation:0'], ['decision:half:0', 'acknowledge:escalation:3'], ['acknowledge:escalation:1', 'acknowledge:escalation:2']],
      ['everything due was sent', '2026-06-16 09:00', ['acknowledge:half:0', 'acknowledge:dayBefore:0'], [], []],
    ])('when %s, then the right reminders are due and the stale ones skipped', (_case, nowLocal, sent, expectedDue, expectedSkipped) => {
      const { due, skipped } = dueReminders(klacht, new Set(sent), amsterdamInstant(nowLocal), policy, calendar);
      expect({ due: keysOf(due), skipped: keysOf(skipped) }).toEqual({ due: expectedDue, skipped: expectedSkipped });
    });

    it('when a reminder is due, then it carries its clock, stage, escalation number and moment', () => {
      const { due } = dueReminders(klacht, new Set(stageKeys), amsterdamInstant('2026-06-18 00:00'), policy, calendar);
      expect(due).toEqual([{ clock: 'acknowledge', stage: 'escalation', n: 0, at: '2026-06-17T21:59:59.999Z', key: 'acknowledge:escalation:0' }]);
    });

    it('when a report received by post is registered on its due day, then only the latest stage already behind it fires', () => {
      const byPost = open('meldpunt', '2026-06-01 10:00');
      const { due, skipped } = dueReminders(byPost, new Set(), amsterdamInstant('2026-06-08 12:00'), policy, calendar);
      expect({ due: keysOf(due), skipped: keysOf(skipped) }).toEqual({ due: ['acknowledge:onTheDay:0'], skipped: ['acknowledge:dayBefore:0'] });
    });

    it('when the due and skipped reminders are recorded, then a second run delivers nothing again', () => {
      const now = amsterdamInstant('2026-07-09 00:30');
      const first = dueReminders(klacht, new Set(), now, policy, calendar);
      const sent = new Set([...keysOf(first.due), ...keysOf(first.skipped)]);
      expect(dueReminders(klacht, sent, now, policy, calendar)).toEqual({ due: [], skipped: [] });
    });

    it('when the klacht is acknowledged, then its acknowledgement reminders stop and only the decision clock can remind', () => {
      const acknowledged = onCaseEvent(klacht, 'acknowledged', amsterdamInstant('2026-06-16 10:00'), { policy, calendar, route: ROUTES.klachtencoordinator });
      expect(keysOf(dueReminders(acknowledged, new Set(), amsterdamInstant('2026-06-18 00:00'), policy, calendar).due)).toEqual([]);
      expect(keysOf(dueReminders(acknowledged, new Set(), amsterdamInstant('2026-07-01 17:00'), policy, calendar).due)).toEqual(['decision:half:0']);
    });

    it('when several clocks are due, then their reminders come in time order', () => {
      const { due } = dueReminders(klacht, new Set(), amsterdamInstant('2026-07-21 09:00'), policy, calendar);
      expect(keysOf(due)).toEqual(['acknowledge:escalation:4', 'decision:dayBefore:0']);
    });
  });
});
