import { DateTime } from 'luxon';
import { ZONE } from '../workingCalendar';

/** One installed team, with its postings (any month; only those in the asked month count). */
export interface CoverageTeamInput {
  unitId: string;
  /** The team has saved meeting settings; teams that have not are left out of the figures. */
  configured: boolean;
  postings: readonly { status: 'posted' | 'discussed' | 'skipped' | 'replaced'; postedAt: string; meetingAt: string }[];
}

/** One follow-up action agreed in a meeting. */
export interface CoverageActionInput {
  unitId: string;
  isOpen: boolean;
  dueAt: string;
}

/** How one unit's teams kept safety on their meeting agenda in one month. */
export interface UnitCoverage {
  unitId: string;
  /** Configured teams. */
  teams: number;
  /** Teams that had a topic posted in the month. */
  posted: number;
  /** Teams that discussed a topic at a meeting in the month. */
  discussed: number;
  /** Teams that skipped a topic at a meeting in the month. */
  skipped: number;
  postedPct: number;
  discussedPct: number;
  skippedPct: number;
  /** Actions still open (whatever their month). */
  openActions: number;
  /** Open actions past their due moment. */
  lateActions: number;
}

/**
 * Per unit, for one month ('YYYY-MM', Europe/Amsterdam): of the configured teams, how many had a
 * topic posted (a posting whose postedAt is in the month; a 'replaced' posting counts, a topic was
 * posted), discussed / skipped (a posting with that status whose meetingAt is in the month; a team
 * with one meeting discussed and another skipped counts in both); open actions and late ones (open,
 * dueAt < now). Percentages are whole numbers (Math.round), 0 when no teams. Units sorted by unitId.
 * A unit with actions but no configured teams still appears.
 */
export function agendaCoverage(teams: readonly CoverageTeamInput[], actions: readonly CoverageActionInput[], month: string, now: Date): UnitCoverage[] {
  const units = new Map<string, UnitCoverage>();
  const unitOf = (unitId: string): UnitCoverage => {
    let unit = units.get(unitId);
    if (!unit) {
      unit = { unitId, teams: 0, posted: 0, discussed: 0, skipped: 0, postedPct: 0, discussedPct: 0, skippedPct: 0, openActions: 0, lateActions: 0 };
      units.set(unitId, unit);
    }
    return unit;
  };
  const inMonth = (iso: string) => monthOf(iso) === month;

  for (const team of teams) {
    if (!team.configured) continue;
    const unit = unitOf(team.unitId);
    unit.teams += 1;
    if (team.postings.some((posting) => inMonth(posting.postedAt))) unit.posted += 1;
    if (team.postings.some((posting) => posting.status === 'discussed' && inMonth(posting.meetingAt))) unit.discussed += 1;
    if (team.postings.some((posting) => posting.status === 'skipped' && inMonth(posting.meetingAt))) unit.skipped += 1;
  }
  for (const action of actions) {
    const unit = unitOf(action.unitId);
    if (!action.isOpen) continue;
    unit.openActions += 1;
    if (Date.parse(action.dueAt) < now.getTime()) unit.lateActions += 1;
  }

  return [...units.values()]
    .map((unit) => ({ ...unit, postedPct: percent(unit.posted, unit.teams), discussedPct: percent(unit.discussed, unit.teams), skippedPct: percent(unit.skipped, unit.teams) }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

function monthOf(iso: string): string | undefined {
  const instant = DateTime.fromISO(iso, { zone: ZONE });
  return instant.isValid ? instant.toFormat('yyyy-MM') : undefined;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}
