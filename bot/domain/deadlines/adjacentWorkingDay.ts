import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../workingCalendar';

/**
 * The nearest working day strictly before or after an Amsterdam date (YYYY-MM-DD). Plain date
 * arithmetic in UTC: a date has no time of day, so daylight saving cannot shift it.
 */
export function adjacentWorkingDay(isoDate: string, direction: 'before' | 'after', calendar: WorkingCalendar): string {
  const step = direction === 'before' ? -1 : 1;
  let day = DateTime.fromISO(isoDate, { zone: 'utc' });
  do {
    day = day.plus({ days: step });
  } while (!calendar.isWorkingDay(day.toISODate() as string));
  return day.toISODate() as string;
}
