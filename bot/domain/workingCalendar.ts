import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** All product time is Dutch time. */
export const ZONE = 'Europe/Amsterdam';

export interface WorkingCalendarOptions {
  /**
   * Count Bevrijdingsdag (5 May) as a day off every year. The date-holidays library lists it
   * as a public holiday only in lustrum years, but the Rijksoverheid (and so Defensie) gives
   * it off every year.
   */
  liberationDayOff: boolean;
}

/**
 * Working days in the Netherlands: Monday to Friday, except Dutch public holidays (from the
 * maintained `date-holidays` library, not a hand-written list), all in Europe/Amsterdam.
 */
export class WorkingCalendar {
  private readonly holidays = new Holidays('NL', { types: ['public'], timezone: ZONE });
  private readonly cache = new Map<number, ReadonlySet<string>>();

  constructor(private readonly options: WorkingCalendarOptions = { liberationDayOff: true }) {}

  /** The Amsterdam calendar date of an instant, as YYYY-MM-DD. */
  dateOf(instant: Date): string {
    return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate() as string;
  }

  isHoliday(isoDate: string): boolean {
    const year = Number(isoDate.slice(0, 4));
    return this.holidaysOf(year).has(isoDate);
  }

  isWorkingDay(isoDate: string): boolean {
    // A calendar date's weekday does not depend on the time zone: read it from the date itself
    // (a luxon date in a zone costs an Intl offset lookup, and the deadline code asks this a lot).
    const weekday = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.isHoliday(isoDate);
  }

  /**
   * The end (23:59:59.999 Amsterdam time) of the n-th working day after the day of `from`.
   * Day 0 would be the day itself; a report received on Friday with n = 2 is due Tuesday.
   */
  endOfWorkingDaysAfter(from: Date, n: number): Date {
    let day = DateTime.fromJSDate(from, { zone: ZONE }).startOf('day');
    let counted = 0;
    while (counted < n) {
      day = day.plus({ days: 1 });
      if (this.isWorkingDay(day.toISODate() as string)) counted += 1;
    }
    return day.endOf('day').toJSDate();
  }

  /** The end (23:59:59.999 Amsterdam time) of the day `n` calendar days after the day of `from`. */
  endOfCalendarDaysAfter(from: Date, n: number): Date {
    return DateTime.fromJSDate(from, { zone: ZONE }).startOf('day').plus({ days: n }).endOf('day').toJSDate();
  }

  private holidaysOf(year: number): ReadonlySet<string> {
    let set = this.cache.get(year);
    if (!set) {
      const dates = this.holidays.getHolidays(year).map((holiday) => holiday.date.slice(0, 10));
      if (this.options.liberationDayOff) dates.push(`${year}-05-05`);
      set = new Set(dates);
      this.cache.set(year, set);
    }
    return set;
  }
}
