import { formatDate, formatDateTime, t } from '../../cards/i18n';
import type { HandlerTaskView } from '../../cards/handlerTask';
import type { HandlerRole } from '../domain/chooseRoute';
import type { HandlerTask } from '../app/cases/openHandlerTask';
import type { Locale } from '../domain/locale';
import type { BotServices } from './botServices';
import type { CaseClock } from '../domain/deadlines/caseClocks';
import { timeLeft } from '../domain/deadlines/timeLeft';

/** " (2 days left, 1 of them working days)" after a running deadline's date, so a reminder says how much time is left. */
function timeLeftText(services: Pick<BotServices, 'calendar'>, clock: CaseClock, now: Date, locale: Locale): string {
  const left = timeLeft(clock, now, services.calendar);
  if (left.overdue) return '';
  if (left.calendarDaysLeft === 0) return ` (${t(locale, 'handler.task.dueToday')})`;
  return ` (${t(locale, 'handler.task.timeLeft', { days: String(left.calendarDaysLeft), working: String(left.workingDaysLeft ?? 0) })})`;
}

/**
 * The task card's data for a case, as the use case decided it may be seen (see openHandlerTask):
 * reference, kind, identity mode, state and deadline — no content. The "not for you" version's
 * `refresh.userIds` holds the viewer's own id, never the handler's.
 */
export function handlerTaskView(services: Pick<BotServices, 'clock' | 'calendar'>, task: HandlerTask, locale: Locale, doneKey?: string): HandlerTaskView {
  const { record } = task;
  const now = services.clock.now();
  const running = (record.clocks ?? []).filter((clock) => !clock.stoppedAt && record.isOpen !== false);
  return {
    locale,
    caseId: record.id,
    reference: record.reference,
    kind: record.kind,
    identity: record.identity,
    state: record.state,
    role: (record.assignment?.role ?? 'meldpunt') as HandlerRole,
    receivedOn: formatDate(new Date(record.receivedAt), locale),
    deadlines: running.map((clock) => ({
      labelKey: `clocks.${clock.clock}`,
      due: `${formatDateTime(new Date(clock.dueAt), locale)}${timeLeftText(services, clock as CaseClock, now, locale)}`,
      overdue: Date.parse(clock.dueAt) < now.getTime(),
    })),
    handlerUserId: task.refreshUserId,
    notForYou: task.notForYou,
    doneKey,
    retaliation: record.retaliationOf !== undefined,
  };
}
