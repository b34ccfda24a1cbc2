import type { HandlerRole } from './chooseRoute';
import type { WorkingCalendar } from './workingCalendar';

/** How long a handler of a role has for the first response: working days or calendar days. */
export interface ResponsePolicy {
  days: number;
  unit: 'working' | 'calendar';
}

/**
 * DOMAIN.md defaults for the first response after receipt (configurable): the Meldpunt
 * acknowledges within 7 days (EU 2019/1937 art. 9(1)(b)); a klacht within 5 working days
 * (Awb 9:6); the line within 2 working days; a vertrouwenspersoon makes contact within 2
 * working days. For AGO and the safety officer DOMAIN.md sets no term: 5 and 2 working days
 * are this product's defaults.
 */
export const DEFAULT_FIRST_RESPONSE: Readonly<Record<HandlerRole, ResponsePolicy>> = {
  meldpunt: { days: 7, unit: 'calendar' },
  klachtencoordinator: { days: 5, unit: 'working' },
  line_manager: { days: 2, unit: 'working' },
  vertrouwenspersoon: { days: 2, unit: 'working' },
  ago: { days: 5, unit: 'working' },
  veiligheidsfunctionaris: { days: 2, unit: 'working' },
};

/** When the reporter will hear from their handler at the latest. */
export function firstResponseDeadline(receivedAt: Date, policy: ResponsePolicy, calendar: WorkingCalendar): Date {
  return policy.unit === 'working'
    ? calendar.endOfWorkingDaysAfter(receivedAt, policy.days)
    : calendar.endOfCalendarDaysAfter(receivedAt, policy.days);
}
