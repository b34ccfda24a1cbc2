import type { TeamRecord } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';
import { mayPickTeamUnit } from './mayPickTeamUnit';

/** The units (id and name) this user may give the team, in directory order: what the settings card offers them. */
export async function teamUnitChoices(deps: AgendaDependencies, team: TeamRecord, userId: string, ownerIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  const choices: { id: string; name: string }[] = [];
  for (const unit of await deps.directory.allUnits()) {
    if (await mayPickTeamUnit(deps, team, userId, ownerIds, unit.id)) choices.push({ id: unit.id, name: unit.name });
  }
  return choices;
}
