import { DateTime } from 'luxon';
import { ZONE } from '../workingCalendar';

/** The start of an hour on an Amsterdam date (YYYY-MM-DD), as an instant; DST is Luxon's job. */
export function atAmsterdamHour(isoDate: string, hour: number): Date {
  return DateTime.fromISO(isoDate, { zone: ZONE }).set({ hour }).toJSDate();
}
