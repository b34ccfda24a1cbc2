import { isCoordinatorOf } from '../handover/handOverCases';
import type { TeamRecord } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';

/**
 * Whether a user may set `unitId` as a team's unit. The unit steers the team's topics by the
 * unit's rising report categories and counts in the unit's coverage, so it is not free to choose:
 * - the unit the directory's `teams` block assigns to the team, for anyone allowed to save;
 * - an owner's own unit (the team belongs to the unit of the one who runs it);
 * - a unit the user coordinates (directly or from above), for coordinators.
 * Anything else (an existing unit elsewhere in the organisation) is refused.
 */
export async function mayPickTeamUnit(deps: AgendaDependencies, team: TeamRecord, userId: string, ownerIds: readonly string[], unitId: string): Promise<boolean> {
  if ((await deps.directory.team(team.teamId))?.unitId === unitId) return true;
  if (team.aadGroupId && (await deps.directory.team(team.aadGroupId))?.unitId === unitId) return true;
  if (ownerIds.includes(userId) && (await deps.directory.getPerson(userId))?.unitId === unitId) return true;
  return isCoordinatorOf(deps, userId, unitId);
}
