import { renderInsights } from '../../cards/insights';
import { t } from '../../cards/i18n';
import { coordinatorInsights } from '../app/insights/coordinatorInsights';
import { insightsPeriod } from '../domain/insights/insightsPeriod';
import type { BotServices } from './botServices';
import type { ParsedDialogAction } from './dialogAction';
import { dialogCard } from './invokeResponses';
import type { TurnIdentity } from './turnIdentity';

/**
 * `task/fetch` (and the period buttons' `task/submit`) of the coordinators' insights: the figures
 * of the units the user coordinates for the chosen period (this quarter when none). Someone who
 * coordinates nothing gets the use case's ForbiddenError, shown as the generic "not allowed" dialog.
 */
export async function fetchInsightsDialog(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction): Promise<object> {
  const periodName = action.period ?? 'thisQuarter';
  const insights = await coordinatorInsights(services, turn.reporter.userId, insightsPeriod(periodName, services.clock.now()));
  services.logger.info('insights.opened', { period: periodName, units: insights.units.length });
  return dialogCard(
    t(turn.locale, 'dialog.insightsTitle'),
    renderInsights({ locale: turn.locale, period: periodName, periodLabel: insights.period.label, ...(insights.period.lastMonth ? { lastMonth: insights.period.lastMonth } : {}), total: insights.total, months: insights.months, units: insights.units, agenda: insights.agenda }),
    'large',
  );
}
