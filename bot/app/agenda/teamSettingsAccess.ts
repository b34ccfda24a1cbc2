import type { TeamRecord } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';

/** Who may change a team's settings: its owners, and the coordinators of its unit. */
export interface TeamSettingsAccess {
  allowed: boolean;
  ownerIds: string[];
  coordinatorIds: string[];
  /** The unit the team belongs to: its saved setting, else the directory's `teams` entry, else none. */
  unitId?: string;
}

/**
 * Owners come from Microsoft Graph or the directory file (Teams' roster does not say who owns a
 * team); coordinators are the `coordinator` role holders of the team's unit (inherited from above).
 */
export async function teamSettingsAccess(deps: AgendaDependencies, team: TeamRecord, userId: string): Promise<TeamSettingsAccess> {
  const ownerIds = await deps.directory.teamOwners({ teamId: team.teamId, aadGroupId: team.aadGroupId });
  const unitId = team.settings?.unitId ?? (await deps.directory.team(team.teamId))?.unitId;
  const coordinatorIds = unitId ? (await deps.directory.holdersOfRole('coordinator', unitId)).people : [];
  return { allowed: ownerIds.includes(userId) || coordinatorIds.includes(userId), ownerIds, coordinatorIds, unitId };
}
