import type { HandlerRole } from '../../../bot/domain/chooseRoute';
import { onAcknowledged, onCaseEvent, openClocks, stopClock, type CaseClock, type ClockEvent } from '../../../bot/domain/deadlines/caseClocks';
import { DEFAULT_DEADLINE_POLICY, type ClockRoute, type DeadlinePolicy } from '../../../bot/domain/deadlines/deadlinePolicies';
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

function open(role: HandlerRole, receivedLocal: string): CaseClock[] {
  return openClocks({ ...ROUTES[role], receivedAt: amsterdamInstant(receivedLocal) }, policy, calendar);
}

/** `clock: started → due` in Amsterdam wall time, so expectations read like a diary. */
function diary(clocks: readonly CaseClock[]): string[] {
  return clocks.map((clock) => `${clock.clock}: ${amsterdamWallTime(clock.startedAt)} → ${amsterdamWallTime(clock.dueAt)}${clock.stoppedAt ? ` (stopped ${amsterdamWallTime(clock.stoppedAt)})` : ''}`);
}

function dueOf(clocks: readonly CaseClock[], clock: string): string {
  const found = clocks.find((candidate) => candidate.clock === clock);
  if (!found) throw new Error(`no ${clock} clock`);
  return found.dueAt;
}

describe('the clocks of a case', () => {
  describe('opening', () => {
    it.each<[HandlerRole, string[]]>([
      ['meldpunt', ['acknowledge: 2026-06-10 10:00:00 → 2026-06-17 23:59:59', 'feedback: 2026-06-17 23:59:59 → 2026-09-17 23:59:59']],
      ['klachtencoordinator', ['acknowledge: 2026-06-10 10:00:00 → 2026-06-17 23:59:59', 'decision: 2026-06-10 10:00:00 → 2026-07-22 23:59:59']],
      ['line_manager', ['acknowledge: 2026-06-10 10:00:00 → 2026-06-12 23:59:59', 'firstUpdate: 2026-06-10 10:00:00 → 2026-06-24 23:59:59']],
      ['vertrouwenspersoon', ['contact: 2026-06-10 10:00:00 → 2026-06-12 23:59:59']],
      ['ago', ['acknowledge: 2026-06-10 10:00:00 → 2026-06-17 23:59:59']],
      ['veiligheidsfunctionaris', ['acknowledge: 2026-06-10 10:00:00 → 2026-06-12 23:59:59']],
    ])('when a case on route %s arrives on Wednesday 10 June 2026, then its clocks are %j', (role, expected) => {
      expect(diary(open(role, '2026-06-10 10:00'))).toEqual(expected);
    });

    it.each<[string, HandlerRole, string, string, string]>([
      ['Koningsdag (Monday 27 April)', 'line_manager', '2026-04-24 15:00', 'acknowledge', '2026-04-29 23:59:59'],
      ['Easter Monday (6 April)', 'line_manager', '2026-04-02 15:00', 'acknowledge', '2026-04-07 23:59:59'],
      ['Bevrijdingsdag (Tuesday 5 May)', 'line_manager', '2026-05-04 15:00', 'acknowledge', '2026-05-07 23:59:59'],
      ['Ascension Day (Thursday 14 May)', 'vertrouwenspersoon', '2026-05-13 15:00', 'contact', '2026-05-18 23:59:59'],
      ['Christmas (25 and 26 December)', 'veiligheidsfunctionaris', '2026-12-23 15:00', 'acknowledge', '2026-12-28 23:59:59'],
      ["New Year's Day", 'line_manager', '2026-12-30 15:00', 'acknowledge', '2027-01-04 23:59:59'],
      ['a weekend, received on Friday', 'line_manager', '2026-06-12 15:00', 'acknowledge', '2026-06-16 23:59:59'],
      ['a weekend, received on Saturday', 'line_manager', '2026-06-13 11:00', 'acknowledge', '2026-06-16 23:59:59'],
      ['Koningsdag for a klacht', 'klachtencoordinator', '2026-04-24 09:00', 'acknowledge', '2026-05-04 23:59:59'],
      ['Bevrijdingsdag for a klacht', 'klachtencoordinator', '2026-04-30 09:00', 'acknowledge', '2026-05-08 23:59:59'],
      ['Christmas and New Year for 10 working days', 'line_manager', '2026-12-21 09:00', 'firstUpdate', '2027-01-06 23:59:59'],
    ])('when a working-day window spans %s, then the days off do not count', (_case, role, receivedLocal, clock, expectedDue) => {
      expect(amsterdamWallTime(dueOf(open(role, receivedLocal), clock))).toBe(expectedDue);
    });

    it('when a Meldpunt melding spans Koningsdag, then the 7 calendar days count it anyway (the directive counts days, not working days)', () => {
      expect(amsterdamWallTime(dueOf(open('meldpunt', '2026-04-24 09:00'), 'acknowledge'))).toBe('2026-05-01 23:59:59');
    });

    it.each<[string, HandlerRole, string, string, string]>([
      ['the switch to summer time (29 March)', 'meldpunt', '2026-03-25 13:00', 'acknowledge', '2026-04-01T21:59:59.999Z'],
      ['the switch to winter time (25 October)', 'meldpunt', '2026-10-21 12:00', 'acknowledge', '2026-10-28T22:59:59.999Z'],
      ['winter to summer over 6 weeks', 'klachtencoordinator', '2026-03-20 09:00', 'decision', '2026-05-01T21:59:59.999Z'],
      ['summer to winter over 6 weeks', 'klachtencoordinator', '2026-10-02 09:00', 'decision', '2026-11-13T22:59:59.999Z'],
      ['summer to winter over 3 months', 'meldpunt', '2026-07-20 09:00', 'feedback', '2026-10-27T22:59:59.999Z'],
    ])('when the window spans %s, then the deadline is still the end of the Amsterdam day', (_case, role, receivedLocal, clock, expectedIso) => {
      expect(dueOf(open(role, receivedLocal), clock)).toBe(expectedIso);
    });

    it.each<[string, string, string, string]>([
      ['just before midnight on Tuesday', '2026-06-09T21:59:00.000Z', '2026-06-11T21:59:59.999Z', '2026-06-16T21:59:59.999Z'],
      ['just after midnight, so on Wednesday', '2026-06-09T22:01:00.000Z', '2026-06-12T21:59:59.999Z', '2026-06-17T21:59:59.999Z'],
    ])('when a report arrives %s Amsterdam time, then the windows count from that Amsterdam date', (_case, receivedIso, lineDue, meldpuntDue) => {
      const receivedAt = new Date(receivedIso);
      expect(dueOf(openClocks({ ...ROUTES.line_manager, receivedAt }, policy, calendar), 'acknowledge')).toBe(lineDue);
      expect(dueOf(openClocks({ ...ROUTES.meldpunt, receivedAt }, policy, calendar), 'acknowledge')).toBe(meldpuntDue);
    });
  });

  describe('the Meldpunt feedback term (EU 2019/1937 art. 9(1)(f))', () => {
    const clocks = open('meldpunt', '2026-06-10 10:00');
    const acknowledge = (local: string) => onAcknowledged(clocks, amsterdamInstant(local), policy, calendar, ROUTES.meldpunt);

    it('when nobody acknowledges, then feedback is due 3 months after the end of the 7-day period', () => {
      expect(diary(clocks)[1]).toBe('feedback: 2026-06-17 23:59:59 → 2026-09-17 23:59:59');
    });

    it('when the Meldpunt acknowledges in time, then feedback is due 3 months after the acknowledgement', () => {
      expect(diary(acknowledge('2026-06-12 14:00'))).toEqual([
        'acknowledge: 2026-06-10 10:00:00 → 2026-06-17 23:59:59 (stopped 2026-06-12 14:00:00)',
        'feedback: 2026-06-12 14:00:00 → 2026-09-12 23:59:59',
      ]);
    });

    it('when the Meldpunt acknowledges late, then the feedback term still runs from the end of the 7-day period', () => {
      expect(diary(acknowledge('2026-06-20 14:00'))).toEqual([
        'acknowledge: 2026-06-10 10:00:00 → 2026-06-17 23:59:59 (stopped 2026-06-20 14:00:00)',
        'feedback: 2026-06-17 23:59:59 → 2026-09-17 23:59:59',
      ]);
    });

    it('when the acknowledgement is on 31 January, then 3 months end on 30 April, not in May', () => {
      const january = openClocks({ ...ROUTES.meldpunt, receivedAt: amsterdamInstant('2026-01-29 09:00') }, policy, calendar);
      const acknowledged = onAcknowledged(january, amsterdamInstant('2026-01-31 10:00'), policy, calendar, ROUTES.meldpunt);
      expect(dueOf(acknowledged, 'feedback')).toBe('2026-04-30T21:59:59.999Z');
    });

    it('when a one-month term starts on 31 January, then it ends on 28 February, not on 3 March', () => {
      const monthly: DeadlinePolicy = {
        ...policy,
        routes: { ...policy.routes, meldpunt: { ...policy.routes.meldpunt, feedback: { months: 1, unit: 'calendar', startsAt: 'acknowledgement' } } },
      };
      const january = openClocks({ ...ROUTES.meldpunt, receivedAt: amsterdamInstant('2026-01-29 09:00') }, monthly, calendar);
      const acknowledged = onAcknowledged(january, amsterdamInstant('2026-01-31 10:00'), monthly, calendar, ROUTES.meldpunt);
      expect(amsterdamWallTime(dueOf(acknowledged, 'feedback'))).toBe('2026-02-28 23:59:59');
    });

    it('when the case is acknowledged twice, then the second acknowledgement changes nothing', () => {
      const once = acknowledge('2026-06-12 14:00');
      expect(onAcknowledged(once, amsterdamInstant('2026-06-13 09:00'), policy, calendar, ROUTES.meldpunt)).toEqual(once);
    });
  });

  describe('case events', () => {
    const at = amsterdamInstant('2026-06-11 09:30');
    const later = amsterdamInstant('2026-06-15 11:00');
    const state = (clocks: readonly CaseClock[]) => Object.fromEntries(clocks.map((clock) => [clock.clock, clock.stoppedAt ? 'stopped' : 'running']));
    const apply = (role: HandlerRole, events: ClockEvent[]): CaseClock[] =>
      events.reduce<CaseClock[]>(
        (clocks, event, index) => onCaseEvent(clocks, event, index === 0 ? at : later, { policy, calendar, route: ROUTES[role] }),
        open(role, '2026-06-10 10:00'),
      );

    it.each<[HandlerRole, ClockEvent[], Record<string, string>]>([
      ['meldpunt', ['acknowledged'], { acknowledge: 'stopped', feedback: 'running' }],
      ['meldpunt', ['update_sent'], { acknowledge: 'stopped', feedback: 'stopped' }],
      ['meldpunt', ['acknowledged', 'update_sent'], { acknowledge: 'stopped', feedback: 'stopped' }],
      ['meldpunt', ['question_asked'], { acknowledge: 'stopped', feedback: 'running' }],
      ['meldpunt', ['closed'], { acknowledge: 'stopped', feedback: 'stopped' }],
      ['klachtencoordinator', ['acknowledged'], { acknowledge: 'stopped', decision: 'running' }],
      ['klachtencoordinator', ['update_sent'], { acknowledge: 'stopped', decision: 'running' }],
      ['klachtencoordinator', ['acknowledged', 'closed'], { acknowledge: 'stopped', decision: 'stopped' }],
      ['line_manager', ['update_sent'], { acknowledge: 'stopped', firstUpdate: 'stopped' }],
      ['line_manager', ['question_asked'], { acknowledge: 'stopped', firstUpdate: 'running' }],
      ['line_manager', ['acknowledged'], { acknowledge: 'stopped', firstUpdate: 'running' }],
      ['vertrouwenspersoon', ['question_asked'], { contact: 'stopped' }],
      ['vertrouwenspersoon', ['update_sent'], { contact: 'stopped' }],
      ['ago', ['withdrawn'], { acknowledge: 'stopped' }],
      ['line_manager', ['withdrawn'], { acknowledge: 'stopped', firstUpdate: 'stopped' }],
      ['klachtencoordinator', ['reassigned'], { acknowledge: 'running', decision: 'running' }],
    ])('when a %s case gets %j, then its clocks are %j', (role, events, expected) => {
      expect(state(apply(role, events))).toEqual(expected);
    });

    it('when an update is the first thing the Meldpunt sends, then it is the acknowledgement and the feedback at once', () => {
      expect(diary(apply('meldpunt', ['update_sent']))).toEqual([
        'acknowledge: 2026-06-10 10:00:00 → 2026-06-17 23:59:59 (stopped 2026-06-11 09:30:00)',
        'feedback: 2026-06-11 09:30:00 → 2026-09-11 23:59:59 (stopped 2026-06-11 09:30:00)',
      ]);
    });

    it('when a case is reassigned, then its legal deadlines do not restart', () => {
      const clocks = open('klachtencoordinator', '2026-06-10 10:00');
      expect(onCaseEvent(clocks, 'reassigned', later, { policy, calendar, route: ROUTES.klachtencoordinator })).toEqual(clocks);
    });

    it('when a case is closed before anyone acknowledged it, then the not yet started feedback clock is stopped at the closing', () => {
      expect(diary(apply('meldpunt', ['closed']))[1]).toBe('feedback: 2026-06-11 09:30:00 → 2026-09-17 23:59:59 (stopped 2026-06-11 09:30:00)');
    });

    it('when a stopped clock is stopped again, then its first stop stands', () => {
      const stopped = stopClock(open('vertrouwenspersoon', '2026-06-10 10:00'), 'contact', at);
      expect(stopClock(stopped, 'contact', later)).toEqual(stopped);
    });

    it('when a clock the case does not have is stopped, then nothing changes', () => {
      const clocks = open('vertrouwenspersoon', '2026-06-10 10:00');
      expect(stopClock(clocks, 'decision', at)).toEqual(clocks);
    });
  });
});

