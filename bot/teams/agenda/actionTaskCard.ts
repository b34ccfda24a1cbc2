import { formatDate, t } from '../../../cards/i18n';
import { renderActionTask } from '../../../cards/actionTask';
import type { AdaptiveCard } from '../../../cards/renderCard';
import type { ActionTaskView } from '../../../cards/actionTask';
import type { ActionTask } from '../../app/agenda/actionTask';
import type { CaseClock } from '../../domain/deadlines/caseClocks';
import { timeLeft } from '../../domain/deadlines/timeLeft';
import type { Locale } from '../../domain/locale';
import type { BotServices } from '../botServices';

/** How the card is shown: with which news line, and what was entered. */
export interface ActionCardOptions {
  news?: ActionTaskView['news'];
  newDate?: string;
  errors?: ActionTaskView['errors'];
}

/** The task card of an agreed action, for its owner's 1:1 chat, as the use case decided it may be seen (see actionTask.ts). */
export function actionTaskCard(services: Pick<BotServices, 'clock' | 'calendar'>, task: ActionTask, locale: Locale, options: ActionCardOptions = {}): AdaptiveCard {
  const { action } = task;
  const now = services.clock.now();
  const clock = action.clocks.find((candidate) => candidate.clock === 'action') as CaseClock | undefined;
  const left = clock && action.isOpen ? timeLeft(clock, now, services.calendar) : undefined;
  const timeLeftText = !left || left.overdue ? '' : left.calendarDaysLeft === 0 ? t(locale, 'handler.task.dueToday') : t(locale, 'handler.task.timeLeft', { days: String(left.calendarDaysLeft), working: String(left.workingDaysLeft ?? 0) });
  return renderActionTask({
    locale,
    actionId: action.id,
    text: task.text,
    teamName: task.teamName,
    due: formatDate(new Date(action.dueAt), locale),
    timeLeft: timeLeftText,
    overdue: action.isOpen && Date.parse(action.dueAt) < now.getTime(),
    state: action.state,
    news: options.news,
    ownerUserId: task.ownerMri,
    notForYou: task.notForYou,
    newDate: options.newDate,
    errors: options.errors,
  });
}
