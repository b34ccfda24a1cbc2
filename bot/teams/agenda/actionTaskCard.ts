import { formatDate, t } from '../../../cards/i18n';
import { renderActionTask } from '../../../cards/actionTask';
import type { AdaptiveCard } from '../../../cards/renderCard';
import type { ActionTaskView } from '../../../cards/views';
import type { TeamActionRecord } from '../../app/ports';
import type { CaseClock } from '../../domain/deadlines/caseClocks';
import { timeLeft } from '../../domain/deadlines/timeLeft';
import type { Locale } from '../../domain/locale';
import type { BotServices } from '../botServices';
import { userMri } from '../userMri';

/** How the card is shown: to whom, with which news line, and what was entered. */
export interface ActionCardOptions {
  viewerUserId?: string;
  news?: ActionTaskView['news'];
  newDate?: string;
  errors?: ActionTaskView['errors'];
}

/** The task card of an agreed action, for its owner's 1:1 chat. */
export async function actionTaskCard(services: BotServices, action: TeamActionRecord, locale: Locale, options: ActionCardOptions = {}): Promise<AdaptiveCard> {
  const owner = services.cipher.open<{ userId: string; name: string }>('identity', action.sealedOwner, `${action.id}:owner`);
  const team = (await services.repos.teams.get(action.teamKey))?.value;
  const now = services.clock.now();
  const clock = action.clocks.find((candidate) => candidate.clock === 'action') as CaseClock | undefined;
  const left = clock && action.isOpen ? timeLeft(clock, now, services.calendar) : undefined;
  const timeLeftText = !left || left.overdue ? '' : left.calendarDaysLeft === 0 ? t(locale, 'handler.task.dueToday') : t(locale, 'handler.task.timeLeft', { days: String(left.calendarDaysLeft), working: String(left.workingDaysLeft ?? 0) });
  return renderActionTask({
    locale,
    actionId: action.id,
    text: services.cipher.open<string>('content', action.sealedText, action.id),
    teamName: team?.name ?? '',
    due: formatDate(new Date(action.dueAt), locale),
    timeLeft: timeLeftText,
    overdue: action.isOpen && Date.parse(action.dueAt) < now.getTime(),
    state: action.state,
    news: options.news,
    ownerUserId: await userMri(services, owner.userId),
    notForYou: options.viewerUserId !== undefined && options.viewerUserId !== owner.userId,
    newDate: options.newDate,
    errors: options.errors,
  });
}
