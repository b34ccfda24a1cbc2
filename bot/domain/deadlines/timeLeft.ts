import { DateTime } from 'luxon';
import { ZONE, type WorkingCalendar } from '../workingCalendar';
import type { CaseClock } from './caseClocks';

/** How a clock stands, for cards. */
export interface TimeLeft {
  /** The due moment has passed (for a stopped clock: it was met late). */
  overdue: boolean;
  /** Working days after today up to and including the due date (0: due today); only when not overdue and a calendar is given. */
  workingDaysLeft?: number;
  /** Amsterdam calendar days from today to the due date: 0 is today, 1 tomorrow, -2 two days late. */
  calendarDaysLeft: number;
}

/**
 * Days are counted between Amsterdam dates, not as 24-hour periods, so a card shows "tomorrow"
 * for a deadline at the end of tomorrow whatever the hour now, and DST changes do not matter. A
 * stopped clock is shown as it stood when it stopped.
 */
export function timeLeft(clock: CaseClock, now: Date, calendar?: WorkingCalendar): TimeLeft {
  const stoppedAt = clock.stoppedAt === undefined ? undefined : Date.parse(clock.stoppedAt);
  const reference = new Date(stoppedAt !== undefined && stoppedAt < now.getTime() ? stoppedAt : now.getTime());
  const overdue = reference.getTime() > Date.parse(clock.dueAt);
  const today = DateTime.fromISO(amsterdamDate(reference), { zone: 'utc' });
  const dueDay = DateTime.fromISO(amsterdamDate(new Date(clock.dueAt)), { zone: 'utc' });
  const calendarDaysLeft = Math.round(dueDay.diff(today, 'days').days);
  if (overdue || !calendar) return { overdue, calendarDaysLeft };
  let workingDaysLeft = 0;
  for (let day = today.plus({ days: 1 }); day <= dueDay; day = day.plus({ days: 1 })) {
    if (calendar.isWorkingDay(day.toISODate() as string)) workingDaysLeft += 1;
  }
  return { overdue, workingDaysLeft, calendarDaysLeft };
}

function amsterdamDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate() as string;
}
