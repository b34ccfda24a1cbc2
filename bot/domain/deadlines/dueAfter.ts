import { DateTime } from 'luxon';
import { ZONE, type WorkingCalendar } from '../workingCalendar';
import type { ClockRuleConfig } from './deadlinePolicies';

/**
 * The due moment of a clock that starts at `from`: the end (23:59:59.999 Amsterdam) of the last
 * day of the window, so a deadline never ends in the middle of the handler's day. Months are
 * added to the Amsterdam date and clamp to the end of a shorter month: 3 months from 31 January
 * is 30 April (not 1 May, as `Date#setMonth` would overflow to).
 */
export function dueAfter(from: Date, rule: Pick<ClockRuleConfig, 'days' | 'months' | 'unit'>, calendar: WorkingCalendar): Date {
  if (rule.months !== undefined) {
    return DateTime.fromJSDate(from, { zone: ZONE }).startOf('day').plus({ months: rule.months }).endOf('day').toJSDate();
  }
  if (rule.days === undefined) throw new Error('a clock rule needs days or months (deadlinePolicySchema ensures it)');
  return rule.unit === 'working' ? calendar.endOfWorkingDaysAfter(from, rule.days) : calendar.endOfCalendarDaysAfter(from, rule.days);
}
