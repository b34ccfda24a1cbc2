import { DateTime } from 'luxon';
import { ZONE } from '../workingCalendar';

/** A half-open period [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * The last three calendar months up to `now` (current) and the three months before that
 * (previous), for comparing report counts. Months are counted on the Amsterdam calendar, so the
 * wall time stays the same across daylight saving; a day that does not exist in the shorter month
 * clamps to its end (31 May minus 3 months is 28 February). The previous window starts six months
 * before `now` (not three months before the clamped start), so clamping never accumulates.
 */
export function quarterWindows(now: Date): { current: TimeWindow; previous: TimeWindow } {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  const currentFrom = local.minus({ months: 3 }).toJSDate();
  const previousFrom = local.minus({ months: 6 }).toJSDate();
  return { current: { from: currentFrom, to: now }, previous: { from: previousFrom, to: currentFrom } };
}
