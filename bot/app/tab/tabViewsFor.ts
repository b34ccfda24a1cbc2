import type { AgendaDependencies } from '../agenda/agendaDependencies';
import { coordinatedUnits } from '../insights/coordinatorInsights';
import { mayViewTeamAgenda } from './teamAgendaView';

/** The tab's views. */
export const TAB_VIEWS = ['myReports', 'myTasks', 'teamAgenda', 'insights'] as const;
export type TabViewName = (typeof TAB_VIEWS)[number];

/**
 * Which views the tab shows this person: everyone their own reports and tasks (empty when they
 * have none); an owner of a team or a coordinator of a unit also the team agenda; a coordinator
 * also the insights. The team agenda and insights APIs check the same again.
 */
export async function tabViewsFor(deps: AgendaDependencies, userId: string): Promise<TabViewName[]> {
  const coordinator = (await coordinatedUnits(deps, userId)).length > 0;
  const agenda = await mayViewTeamAgenda(deps, userId, { coordinator });
  return ['myReports', 'myTasks', ...(agenda ? (['teamAgenda'] as const) : []), ...(coordinator ? (['insights'] as const) : [])];
}
