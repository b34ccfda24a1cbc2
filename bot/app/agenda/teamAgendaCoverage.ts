import { agendaCoverage, type CoverageActionInput, type CoverageTeamInput, type UnitCoverage } from '../../domain/agenda/agendaCoverage';
import type { CaseDependencies } from '../intake/intakeDependencies';

/** What coverage is computed from: every installed team's postings, and the open agreed actions. Counts only. */
export interface AgendaCoverageInputs {
  teams: CoverageTeamInput[];
  actions: CoverageActionInput[];
}

/** Reads the teams and open actions once (a caller that needs several months computes them all from one read). */
export async function readAgendaCoverageInputs(deps: CaseDependencies): Promise<AgendaCoverageInputs> {
  const teams: CoverageTeamInput[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.teams.list({ limit: 100, continuationToken });
    for (const { value } of page.items) {
      teams.push({ unitId: value.settings?.unitId ?? deps.settings.centralUnitId, configured: value.settings !== undefined, postings: value.postings });
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);
  const actions: CoverageActionInput[] = [];
  do {
    const page = await deps.repos.teamActions.listOpen({ limit: 100, continuationToken });
    for (const { value } of page.items) actions.push({ unitId: value.unitId, isOpen: value.isOpen, dueAt: value.dueAt });
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return { teams, actions };
}

/**
 * Agenda coverage per unit for a month (`YYYY-MM`): of the teams that set a meeting rhythm, the
 * share that had a topic posted, discussed, skipped; open and late agreed actions. Counts only:
 * no team names, no notes, no action texts. Used by the coordinator digest and the insights.
 */
export async function teamAgendaCoverage(deps: CaseDependencies, month: string, inputs?: AgendaCoverageInputs): Promise<UnitCoverage[]> {
  const { teams, actions } = inputs ?? (await readAgendaCoverageInputs(deps));
  return agendaCoverage(teams, actions, month, deps.clock.now());
}
