import { DateTime } from 'luxon';
import { ZONE, type WorkingCalendar } from '../workingCalendar';
import { adjacentWorkingDay } from './adjacentWorkingDay';
import { atAmsterdamHour } from './atAmsterdamHour';

/**
 * A non-urgent reminder waits for working hours: a moment outside [start, end) on a working day
 * moves to the next start of working hours (the same day when it is before `start`). Part-time
 * handlers such as vertrouwenspersonen should not be pinged at night or on a holiday for
 * something that can wait.
 */
export function holdForWorkingHours(instant: Date, calendar: WorkingCalendar, hours: { start: number; end: number }): Date {
  const local = DateTime.fromJSDate(instant, { zone: ZONE });
  const date = local.toISODate() as string;
  if (calendar.isWorkingDay(date)) {
    if (local.hour < hours.start) return atAmsterdamHour(date, hours.start);
    if (local.hour < hours.end) return instant;
  }
  return atAmsterdamHour(adjacentWorkingDay(date, 'after', calendar), hours.start);
}
