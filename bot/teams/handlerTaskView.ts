import { formatDate, formatDateTime, t } from '../../cards/i18n';
import type { HandlerRoleName, HandlerTaskView } from '../../cards/views';
import { openHandler } from '../app/caseParties';
import type { CaseRecord } from '../app/ports';
import type { Locale } from '../domain/locale';
import type { BotServices } from './botServices';
import type { CaseClock } from '../domain/deadlines/caseClocks';
import { timeLeft } from '../domain/deadlines/timeLeft';

/** " (2 days left, 1 of them working days)" after a running deadline's date, so a reminder says how much time is left. */
function timeLeftText(services: BotServices, clock: CaseClock, now: Date, locale: Locale): string {
  const left = timeLeft(clock, now, services.calendar);
  if (left.overdue) return '';
  if (left.calendarDaysLeft === 0) return ` (${t(locale, 'handler.task.dueToday')})`;
  return ` (${t(locale, 'handler.task.timeLeft', { days: String(left.calendarDaysLeft), working: String(left.workingDaysLeft ?? 0) })})`;
}

/**
 * The task card's data for a case. `handlerMri` (see userMri) goes into `refresh.userIds`.
 *
 * As it is now: reference, kind, identity mode, state and
 * deadline — no content. `viewerUserId` other than the handler gets the "not for you" version,
 * whose `refresh.userIds` holds `handlerMri` (the viewer's own id) or nothing, never the handler's.
 */
export function handlerTaskView(
  services: BotServices,
  record: CaseRecord,
  locale: Locale,
  options: { viewerUserId?: string; doneKey?: string; handlerMri?: string } = {},
): HandlerTaskView {
  const handler = openHandler(services, record);
  const notForYou = options.viewerUserId !== undefined && options.viewerUserId !== handler?.userId;
  const now = services.clock.now();
  const running = (record.clocks ?? []).filter((clock) => !clock.stoppedAt && record.isOpen !== false);
  return {
    locale,
    caseId: record.id,
    reference: record.reference,
    kind: record.kind,
    identity: record.identity,
    state: record.state,
    role: (record.assignment?.role ?? 'meldpunt') as HandlerRoleName,
    receivedOn: formatDate(new Date(record.receivedAt), locale),
    deadlines: running.map((clock) => ({
      labelKey: `clocks.${clock.clock}`,
      due: `${formatDateTime(new Date(clock.dueAt), locale)}${timeLeftText(services, clock as CaseClock, now, locale)}`,
      overdue: Date.parse(clock.dueAt) < now.getTime(),
    })),
    // Someone who is not the handler never learns from the card who is: their own id, or none.
    handlerUserId: notForYou ? (options.handlerMri ?? '') : (options.handlerMri ?? (handler ? `8:orgid:${handler.userId}` : '')),
    notForYou,
    doneKey: options.doneKey,
  };
}
