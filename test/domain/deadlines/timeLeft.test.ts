import { openClocks, stopClock, type CaseClock } from '../../../bot/domain/deadlines/caseClocks';
import { DEFAULT_DEADLINE_POLICY } from '../../../bot/domain/deadlines/deadlinePolicies';
import { timeLeft, type TimeLeft } from '../../../bot/domain/deadlines/timeLeft';
import { WorkingCalendar } from '../../../bot/domain/workingCalendar';
import { amsterdamInstant } from './amsterdamTime';

const calendar = new WorkingCalendar({ liberationDayOff: true });

/** The acknowledgement clock of a Meldpunt melding received on `receivedLocal`. */
function acknowledgeClock(receivedLocal: string): CaseClock {
  const clocks = openClocks({ role: 'meldpunt', kind: 'report', receivedAt: amsterdamInstant(receivedLocal) }, DEFAULT_DEADLINE_POLICY, calendar);
  return clocks[0];
}

describe('timeLeft', () => {
  // Received Wednesday 10 June 2026: due at the end of Wednesday 17 June.
  const june = acknowledgeClock('2026-06-10 10:00');

  it.each<[string, CaseClock, string, TimeLeft]>([
    ['it is Friday before a Wednesday deadline', june, '2026-06-12 12:00', { overdue: false, workingDaysLeft: 3, calendarDaysLeft: 5 }],
    ['it is late on the due day', june, '2026-06-17 23:00', { overdue: false, workingDaysLeft: 0, calendarDaysLeft: 0 }],
    ['midnight has passed after the due day', june, '2026-06-18 00:30', { overdue: true, calendarDaysLeft: -1 }],
    ['Koningsdag lies between now and the deadline', acknowledgeClock('2026-04-21 10:00'), '2026-04-24 10:00', { overdue: false, workingDaysLeft: 1, calendarDaysLeft: 4 }],
    ['winter time starts before the deadline', acknowledgeClock('2026-10-21 12:00'), '2026-10-24 12:00', { overdue: false, workingDaysLeft: 3, calendarDaysLeft: 4 }],
  ])('when %s, then the card shows %j', (_case, clock, nowLocal, expected) => {
    expect(timeLeft(clock, amsterdamInstant(nowLocal), calendar)).toEqual(expected);
  });

  it('when no calendar is given, then only calendar days are counted', () => {
    expect(timeLeft(june, amsterdamInstant('2026-06-12 12:00'))).toEqual({ overdue: false, calendarDaysLeft: 5 });
  });

  it.each<[string, string, TimeLeft]>([
    ['in time', '2026-06-15 10:00', { overdue: false, workingDaysLeft: 2, calendarDaysLeft: 2 }],
    ['late', '2026-06-18 10:00', { overdue: true, calendarDaysLeft: -1 }],
  ])('when the clock was stopped %s, then it shows how it stood at that moment', (_case, stoppedLocal, expected) => {
    const [stopped] = stopClock([june], 'acknowledge', amsterdamInstant(stoppedLocal));
    expect(timeLeft(stopped, amsterdamInstant('2026-06-30 10:00'), calendar)).toEqual(expected);
  });
});
