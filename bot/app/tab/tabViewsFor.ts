import { coordinatedUnits } from '../insights/coordinatorInsights';
import type { IntakeDependencies } from '../intake/intakeDependencies';

/** The tab's views. */
export const TAB_VIEWS = ['myReports', 'myTasks', 'insights'] as const;
export type TabViewName = (typeof TAB_VIEWS)[number];

/**
 * Which views the tab shows this person: everyone their own reports and tasks (empty when they
 * have none); a coordinator of a unit also the insights. The insights API checks the same again.
 */
export async function tabViewsFor(deps: IntakeDependencies, userId: string): Promise<TabViewName[]> {
  const coordinator = (await coordinatedUnits(deps, userId)).length > 0;
  return coordinator ? ['myReports', 'myTasks', 'insights'] : ['myReports', 'myTasks'];
}
