import { CLOCK_KINDS, type ClockKind } from '../../domain/deadlines/deadlinePolicies';
import { caseInsights, type CaseProjection, type InsightFigures, type MonthFigures } from '../../domain/insights/caseInsights';
import { countedPart, monthSpansOf, monthsOf } from '../../domain/insights/insightsPeriod';
import { ForbiddenError } from '../../domain/errors';
import { readAgendaCoverageInputs, teamAgendaCoverage } from '../agenda/teamAgendaCoverage';
import { isCoordinatorOf } from '../handover/handOverCases';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';

/** One unit's figures, with its name. */
export interface UnitInsights extends InsightFigures {
  unitId: string;
  unitName: string;
}

/** Agenda coverage (werkoverleg) of one month over the coordinator's units. */
export interface AgendaMonth {
  /** `YYYY-MM`. */
  month: string;
  teams: number;
  discussed: number;
  discussedPct: number;
  units: { unitId: string; teams: number; discussedPct: number }[];
}

export interface CoordinatorInsights {
  /** The period asked for; `countedTo` and `lastMonth` (`YYYY-MM`) say up to where it is counted: complete months only (none yet: absent). */
  period: { from: string; to: string; label: string; countedTo?: string; lastMonth?: string };
  total: InsightFigures;
  /** The counted months: reports and reports per category (protected together with the period's figures). */
  months: MonthFigures[];
  units: UnitInsights[];
  agenda: AgendaMonth[];
}

/**
 * The coordinators' insights (PDCA): for the cases received in the period in the units the user
 * coordinates (and the units below them), the counts, shares, medians, deadline compliance and
 * feedback, small numbers suppressed (see `caseInsights`); and per month the share of their units'
 * teams that discussed a safety topic. Only for a coordinator: anyone else gets a ForbiddenError.
 * Reads counts and moments only: no content is opened, no identity, no handler.
 * Complete calendar months only (`countedPart`): the cases received up to the start of this month, each
 * as it stood then (acknowledged, closed, deadlines and feedback up to that moment), so neither a new
 * report nor anything done on a case this month changes the figures before the month has ended.
 */
export async function coordinatorInsights(deps: CaseDependencies, userId: string, period: { from: Date; to: Date; label: string }): Promise<CoordinatorInsights> {
  const units = await coordinatedUnits(deps, userId);
  if (units.length === 0) throw new ForbiddenError('insights: not a coordinator');
  const inScope = new Set(units.map((unit) => unit.id));

  const now = deps.clock.now();
  const counted = countedPart(period, now);
  const cases: CaseProjection[] = [];
  let continuationToken: string | undefined;
  while (counted) {
    const page = await deps.repos.cases.listReceivedBetween(counted.from.toISOString(), counted.to.toISOString(), { limit: 100, continuationToken });
    for (const record of page.items) {
      const projection = projectionOf(record, deps.settings.centralUnitId, counted.to);
      if (inScope.has(projection.unitId)) cases.push(projection);
    }
    continuationToken = page.continuationToken;
    if (!continuationToken) break;
  }

  // Per counted month too (the tab's charts over time), protected together with the period's figures.
  const insights = caseInsights(cases, counted ?? period, counted?.to ?? period.from, units.map((unit) => unit.id), counted ? monthSpansOf(counted) : []);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));

  // Teams are not people: the agenda coverage counts teams and is not suppressed (a team that did not
  // discuss a topic is not a reporter who could be recognised).
  const agenda: AgendaMonth[] = [];
  const coverageInputs = await readAgendaCoverageInputs(deps);
  for (const month of monthsOf(period, now)) {
    const lines = (await teamAgendaCoverage(deps, month, coverageInputs)).filter((line) => inScope.has(line.unitId));
    const teams = lines.reduce((sum, line) => sum + line.teams, 0);
    const discussed = lines.reduce((sum, line) => sum + line.discussed, 0);
    agenda.push({
      month,
      teams,
      discussed,
      discussedPct: teams === 0 ? 0 : Math.round((discussed / teams) * 100),
      units: lines.map((line) => ({ unitId: line.unitId, teams: line.teams, discussedPct: line.discussedPct })),
    });
  }

  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), label: period.label, ...(counted ? { countedTo: counted.to.toISOString(), lastMonth: counted.lastMonth } : {}) },
    total: insights.total,
    months: insights.months,
    units: insights.units.map((unit) => ({ ...unit, unitName: names.get(unit.unitId) ?? unit.unitId })),
    agenda,
  };
}

/** The units the user is a coordinator of: those they hold the role on, and every unit below one of them. */
export async function coordinatedUnits(deps: CaseDependencies, userId: string): Promise<{ id: string; name: string }[]> {
  const units: { id: string; name: string }[] = [];
  for (const unit of await deps.directory.allUnits()) {
    if (await isCoordinatorOf(deps, userId, unit.id)) units.push({ id: unit.id, name: unit.name });
  }
  return units;
}

/** What the insights read of a case (the reporter's unit; the central unit when unknown), as it stood at `asOf`. */
function projectionOf(record: CaseRecord, centralUnitId: string, asOf: Date): CaseProjection {
  const by = (moment: string | undefined): moment is string => moment !== undefined && Date.parse(moment) < asOf.getTime();
  return {
    unitId: record.unitId ?? centralUnitId,
    categories: record.categories,
    identity: record.identity,
    receivedAt: record.receivedAt,
    ...(by(record.acknowledgedAt) ? { acknowledgedAt: record.acknowledgedAt } : {}),
    ...(by(record.closedAt) ? { closedAt: record.closedAt } : {}),
    clocks: (record.clocks ?? []).map((clock) => ({ ...((CLOCK_KINDS as readonly string[]).includes(clock.clock) ? { clock: clock.clock as ClockKind } : {}), dueAt: clock.dueAt, ...(by(clock.stoppedAt) ? { stoppedAt: clock.stoppedAt } : {}) })),
    ...(record.feedback && by(record.feedback.at) ? { feedback: { takenSeriously: record.feedback.takenSeriously, wouldReportAgain: record.feedback.wouldReportAgain } } : {}),
    ...(by(record.aftercare?.firstAnsweredAt) ? { aftercare: { negative: by(record.aftercare?.firstNegativeAt) } } : {}),
  };
}
