import { DateTime } from 'luxon';
import { ValidationError } from '../../domain/errors';
import { ZONE } from '../../domain/workingCalendar';
import type { AgendaDependencies } from './agendaDependencies';

/**
 * A due date as the card sends it (YYYY-MM-DD), checked: a real date, today or later (Amsterdam).
 * Throws ValidationError for `field` with 'required', 'invalidDate' or 'dateInPast'.
 */
export function readActionDueDate(value: unknown, now: Date, field: string, requiredKey = 'required'): string {
  const date = typeof value === 'string' ? value.trim() : '';
  if (!date) throw new ValidationError({ [field]: requiredKey });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date, { zone: ZONE }).isValid) throw new ValidationError({ [field]: 'invalidDate' });
  if (date < (DateTime.fromJSDate(now, { zone: ZONE }).toISODate() ?? '')) throw new ValidationError({ [field]: 'dateInPast' });
  return date;
}

/** The due moment of an action on a date: the end of working hours there (Amsterdam), as for case deadlines. */
export function actionDueMoment(deps: Pick<AgendaDependencies, 'settings'>, date: string): Date {
  return DateTime.fromISO(date, { zone: ZONE }).set({ hour: deps.settings.deadlinePolicy.reminders.workingHours.end, minute: 0 }).toJSDate();
}
