import { WorkingCalendar } from '../../bot/domain/workingCalendar';

const calendar = new WorkingCalendar();
const amsterdam = (date: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'medium' }).format(date);

describe('WorkingCalendar', () => {
  it.each([
    ['2026-04-27', false, 'Koningsdag'],
    ['2026-12-25', false, 'Christmas'],
    ['2026-12-26', false, 'Boxing Day (a Saturday anyway)'],
    ['2026-05-05', false, 'Bevrijdingsdag, off every year for the Rijksoverheid'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-30', true, 'an ordinary Monday'],
  ])('when the date is %s, then working day is %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('when Bevrijdingsdag is configured as a normal day, then 5 May 2026 (a Tuesday) is a working day', () => {
    expect(new WorkingCalendar({ liberationDayOff: false }).isWorkingDay('2026-05-05')).toBe(true);
  });

  it('when a line melding arrives on Friday, then it is due at the end of Tuesday', () => {
    const due = calendar.endOfWorkingDaysAfter(new Date('2026-11-27T15:00:00Z'), 2);
    expect(amsterdam(due)).toBe('2026-12-01 23:59:59');
  });

  it('when the window spans Christmas, then the holidays do not count', () => {
    const due = calendar.endOfWorkingDaysAfter(new Date('2026-12-23T10:00:00Z'), 2);
    expect(amsterdam(due)).toBe('2026-12-28 23:59:59');
  });

  it('when a Meldpunt melding arrives just before midnight Amsterdam time, then the 7 days count from that Amsterdam date', () => {
    const due = calendar.endOfCalendarDaysAfter(new Date('2026-03-28T22:30:00Z'), 7);
    expect(amsterdam(due)).toBe('2026-04-04 23:59:59');
  });

  it('when the window spans the switch to summer time, then the deadline is still the end of the local day', () => {
    const due = calendar.endOfCalendarDaysAfter(new Date('2026-03-27T12:00:00Z'), 7);
    expect(amsterdam(due)).toBe('2026-04-03 23:59:59');
    expect(due.toISOString()).toBe('2026-04-03T21:59:59.999Z');
  });
});
