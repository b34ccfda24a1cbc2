import { CLOCK_KINDS, type ClockKind } from '../deadlines/deadlinePolicies';
import { CATEGORIES, IDENTITY_MODES, type Category, type IdentityMode } from '../report';
import type { MonthSpan } from './insightsPeriod';
import { PROTECTED, SUPPRESSED, SUPPRESSION_THRESHOLD, type Figure } from './figureMarks';
import { protectTable, type TableRelation } from './protectTable';

export { PROTECTED, SUPPRESSED, SUPPRESSION_THRESHOLD, type Figure };

/** What the insights read of a case: no content, no identity, no handler. */
export interface CaseProjection {
  unitId: string;
  categories: readonly Category[];
  identity: IdentityMode;
  receivedAt: string;
  acknowledgedAt?: string;
  closedAt?: string;
  clocks: readonly { clock?: ClockKind; dueAt: string; stoppedAt?: string }[];
  feedback?: { takenSeriously?: number; wouldReportAgain?: number };
  /** The reporter answered an aftercare check-in after closing, and whether they reported negative consequences (benadeling). */
  aftercare?: { negative: boolean };
}

/** The figures of a set of cases (all of a coordinator's units, or one unit). */
export interface InsightFigures {
  /** Reports received in the period. */
  cases: Figure;
  /** Per category, in {@link CATEGORIES} order (a report can touch several, so these need not add up to `cases`). */
  categories: { category: Category; count: Figure }[];
  /** Share of anonymous reports, whole percent. */
  anonymousPct: Figure;
  /**
   * Share of the reports per identity mode (named, confidential, anonymous), whole percent, in {@link IDENTITY_MODES} order.
   * A share × the reports gives the mode's count: shown only when the reports are, and the mode's count and the count
   * of the other modes together are both 5 or more; a count hidden to protect a small one beside it shows {@link PROTECTED}.
   */
  identityShares: { mode: IdentityMode; pct: Figure }[];
  /** Median calendar days from receipt to acknowledgement (one decimal), of the acknowledged cases. */
  medianDaysToAcknowledge: Figure;
  /** Median calendar days from receipt to closing (one decimal), of the closed cases. */
  medianDaysToClose: Figure;
  /** 90th percentile (nearest rank) of the days from receipt to acknowledgement (one decimal): nine in ten were acknowledged within it. */
  p90DaysToAcknowledge: Figure;
  /** 90th percentile (nearest rank) of the days from receipt to closing (one decimal). */
  p90DaysToClose: Figure;
  /** Of the clocks due in the period and decided by now (met or passed), the share stopped on time, whole percent. */
  deadlinesMetPct: Figure;
  /** The same per kind of deadline, in {@link CLOCK_KINDS} order (every kind, so a missing row says nothing). */
  deadlinesMetByClock: { clock: ClockKind; pct: Figure }[];
  /** Average answer (1–5, one decimal) to "was your report taken seriously?". */
  takenSeriously: Figure;
  /** Average answer (1–5, one decimal) to "would you report again?". */
  wouldReportAgain: Figure;
  /**
   * Of the reporters who answered an aftercare check-in after closing, the share who reported negative
   * consequences (retaliation), whole percent; shown only when 5 or more did and 5 or more did not
   * (share × answered gives both counts, as for the anonymous share).
   */
  negativeAfterClosePct: Figure;
}

/** The reports received in one month of the period, and per category (the figures of the charts over time). */
export interface MonthFigures {
  /** `YYYY-MM`. */
  month: string;
  cases: Figure;
  categories: { category: Category; count: Figure }[];
}

export interface CaseInsights {
  total: InsightFigures;
  /** Per month asked for, in order (none asked: empty). */
  months: MonthFigures[];
  /** One entry per unit asked for (also those without cases: listing every unit keeps a small one from standing out). */
  units: ({ unitId: string } & InsightFigures)[];
}

const DAY_MS = 86_400_000;

/** A count, or {@link SUPPRESSED} when it is below {@link SUPPRESSION_THRESHOLD} (zero too: "none" is also a small number). */
export function suppress(count: number): number | typeof SUPPRESSED {
  return count >= SUPPRESSION_THRESHOLD ? count : SUPPRESSED;
}

/** A figure derived from `basis` cases: the value only when the basis is large enough. */
function derived(basis: number, value: () => number): Figure {
  return basis >= SUPPRESSION_THRESHOLD ? value() : SUPPRESSED;
}

/**
 * The coordinators' figures (PDCA, DOMAIN.md) for cases received in a period, in total and per
 * unit. Small-number suppression, so no reporter can be recognised:
 * - every count below 5 (also 0) shows {@link SUPPRESSED}, the total too: the total is shown only when it is 5 or more;
 * - every derived figure (share, median, average, compliance) is shown only when it rests on 5 or more cases;
 *   the anonymous share only when 5 or more reports were anonymous and 5 or more were not (share × total gives both counts);
 *   the same for each identity mode's share (its count and the rest of the reports, both 5 or more);
 * - complementary suppression (`protectTable`): the counts form a table — per unit and in total: reports, reports per
 *   category, anonymous and not anonymous reports, and reports per identity mode. Its columns add up (the units make the
 *   total), its rows too (anonymous + not anonymous = reports; named + confidential = not anonymous; named + confidential
 *   + anonymous = reports; categories are treated as adding up to the reports, as they do when every report has one
 *   category). Where a hidden count could be worked out by subtracting the shown ones, along a row, a column or any
 *   chain of them, more counts are hidden ({@link PROTECTED}) until none can.
 * `now` decides which clocks due in the period are decided yet (one still running before its due moment is not).
 */
export function caseInsights(cases: readonly CaseProjection[], period: { from: Date; to: Date }, now: Date, unitIds: readonly string[], months: readonly MonthSpan[] = []): CaseInsights {
  const units = [...new Set([...unitIds, ...cases.map((item) => item.unitId)])];
  // The months split the period's reports once more: per month, reports and reports per category, which add up to the
  // period's (a reader can subtract along them too). Given, they must cover the period: every case falls in one.
  const monthScopes = months.map((span) => ({
    scope: monthScope(span.month),
    cases: cases.filter((item) => item.receivedAt >= span.from.toISOString() && item.receivedAt < span.to.toISOString()),
  }));
  const byUnit = new Map<string, CaseProjection[]>(units.map((unitId) => [unitId, []]));
  for (const item of cases) byUnit.get(item.unitId)!.push(item);
  const scopes: { scope: string; cases: readonly CaseProjection[] }[] = [{ scope: TOTAL, cases }, ...units.map((unitId) => ({ scope: unitId, cases: byUnit.get(unitId)! }))];
  const values = new Map<string, number>();
  // Anonymous and not anonymous are shown together (as a share) or not at all: when one is small, both are.
  const pairedWithSmall: string[] = [];
  for (const { scope, cases: inScope } of scopes) {
    const anonymous = inScope.filter((item) => item.identity === 'anonymous').length;
    if (Math.min(anonymous, inScope.length - anonymous) < SUPPRESSION_THRESHOLD) pairedWithSmall.push(cell(scope, 'anonymous'), cell(scope, 'notAnonymous'));
    values.set(cell(scope, 'cases'), inScope.length);
    values.set(cell(scope, 'anonymous'), anonymous);
    values.set(cell(scope, 'notAnonymous'), inScope.length - anonymous);
    // Named and confidential as their own cells (anonymous is the cell above). A mode's share gives its count and, with
    // the reports, the count of the other modes together: hidden when either is small, as the anonymous share is.
    for (const mode of ['named', 'confidential'] as const) {
      const count = inScope.filter((item) => item.identity === mode).length;
      values.set(cell(scope, mode), count);
      if (Math.min(count, inScope.length - count) < SUPPRESSION_THRESHOLD) pairedWithSmall.push(cell(scope, mode));
    }
    for (const category of CATEGORIES) values.set(cell(scope, category), inScope.filter((item) => item.categories.includes(category)).length);
  }
  const relations = tableRelations(units);
  // Named and confidential are hidden first where a cell must go beside a small one: the counts, categories and the
  // anonymous share keep what they showed before the modes were split out, as far as the relations allow.
  const isModeDetail = (id: string) => id.endsWith(`\u0000named`) || id.endsWith(`\u0000confidential`);
  const { primary, hidden } = protectTable(values, relations, SUPPRESSION_THRESHOLD, pairedWithSmall, isModeDetail);
  // The months after the period's table, so that they never hide more of it than before: only month cells may be
  // hidden now (the only ones given as values), with the period's hidden cells as unknowns, until neither those nor
  // a hidden month follows from what is shown, along the units' relations and the months' together.
  const monthValues = new Map<string, number>();
  for (const { scope, cases: inScope } of monthScopes) {
    monthValues.set(cell(scope, 'cases'), inScope.length);
    for (const category of CATEGORIES) monthValues.set(cell(scope, category), inScope.filter((item) => item.categories.includes(category)).length);
  }
  const monthsHidden = monthScopes.length === 0 ? new Set<string>() : protectTable(monthValues, [...relations, ...monthRelations(monthScopes.map(({ scope }) => scope))], SUPPRESSION_THRESHOLD, hidden).hidden;
  const shown = (scope: string, measure: string): Figure => {
    const id = cell(scope, measure);
    const monthValue = monthValues.get(id);
    if (monthValue !== undefined) return monthValue < SUPPRESSION_THRESHOLD ? SUPPRESSED : monthsHidden.has(id) ? PROTECTED : monthValue;
    return primary.has(id) ? SUPPRESSED : hidden.has(id) ? PROTECTED : values.get(id)!;
  };
  const figures = (scope: string, inScope: readonly CaseProjection[]): InsightFigures => {
    // The share gives the anonymous count (share × reports): shown only when reports, anonymous and not anonymous all are.
    const parts = [shown(scope, 'cases'), shown(scope, 'anonymous'), shown(scope, 'notAnonymous')];
    const anonymousPct: Figure = parts.includes(SUPPRESSED) ? SUPPRESSED : parts.includes(PROTECTED) ? PROTECTED : Math.round((values.get(cell(scope, 'anonymous'))! / inScope.length) * 100);
    // A mode's share as its count is shown: "<5" when small (or paired with a small rest), "×" when hidden beside one.
    const identityShares = IDENTITY_MODES.map((mode) => {
      const [reports, count] = [shown(scope, 'cases'), shown(scope, mode)];
      const pct: Figure = reports === SUPPRESSED || count === SUPPRESSED ? SUPPRESSED : reports === PROTECTED || count === PROTECTED ? PROTECTED : Math.round((count / reports) * 100);
      return { mode, pct };
    });
    return {
      ...derivedFiguresOf(inScope, period, now),
      cases: shown(scope, 'cases'),
      categories: CATEGORIES.map((category) => ({ category, count: shown(scope, category) })),
      anonymousPct,
      identityShares,
    };
  };
  return {
    total: figures(TOTAL, cases),
    months: months.map((span) => ({
      month: span.month,
      cases: shown(monthScope(span.month), 'cases'),
      categories: CATEGORIES.map((category) => ({ category, count: shown(monthScope(span.month), category) })),
    })),
    units: scopes.slice(1).map(({ scope, cases: inScope }) => ({ unitId: scope, ...figures(scope, inScope) })),
  };
}

/** The scope of the figures of all units together (unit ids are never empty). */
const TOTAL = '';

/** The scope of one month's figures (never a unit id: those are not prefixed with \u0001). */
function monthScope(month: string): string {
  return `\u0001${month}`;
}

function cell(scope: string, measure: string): string {
  return `${scope}\u0000${measure}`;
}

/**
 * The relations a reader can use: each column (units add up to the total) and each row (anonymous + not = reports =
 * Σ categories; named + confidential = not anonymous, so Σ identity modes = reports as well).
 */
function tableRelations(units: readonly string[]): TableRelation[] {
  const relations: TableRelation[] = [];
  // No units, no columns (a total with no parts would read as "0").
  if (units.length > 0) for (const measure of ['cases', 'anonymous', 'notAnonymous', 'named', 'confidential', ...CATEGORIES]) relations.push({ total: cell(TOTAL, measure), parts: units.map((unitId) => cell(unitId, measure)) });
  for (const scope of [TOTAL, ...units]) {
    relations.push({ total: cell(scope, 'cases'), parts: [cell(scope, 'anonymous'), cell(scope, 'notAnonymous')] });
    // Named + confidential + anonymous = reports follows from these two; left out so that the cheap rule of
    // `protectTable` does not hide the anonymous count for a small confidential one (the exact check covers it).
    relations.push({ total: cell(scope, 'notAnonymous'), parts: [cell(scope, 'named'), cell(scope, 'confidential')] });
    relations.push({ total: cell(scope, 'cases'), parts: CATEGORIES.map((category) => cell(scope, category)) });
  }
  return relations;
}

/** The months' relations: each measure's months add up to the period's total; in a month, the categories make its reports. */
function monthRelations(monthScopes: readonly string[]): TableRelation[] {
  if (monthScopes.length === 0) return [];
  const relations: TableRelation[] = ['cases', ...CATEGORIES].map((measure) => ({ total: cell(TOTAL, measure), parts: monthScopes.map((scope) => cell(scope, measure)) }));
  for (const scope of monthScopes) relations.push({ total: cell(scope, 'cases'), parts: CATEGORIES.map((category) => cell(scope, category)) });
  return relations;
}

/** The figures that are not counts: medians, compliance and feedback, each shown only when it rests on 5 or more cases. */
function derivedFiguresOf(cases: readonly CaseProjection[], period: { from: Date; to: Date }, now: Date): Omit<InsightFigures, 'cases' | 'categories' | 'anonymousPct' | 'identityShares'> {
  const toAcknowledge = daysBetween(cases, (item) => item.acknowledgedAt);
  const toClose = daysBetween(cases, (item) => item.closedAt);
  const compliance = deadlineCompliance(cases, period, now);
  const seriously = answers(cases, (item) => item.feedback?.takenSeriously);
  const again = answers(cases, (item) => item.feedback?.wouldReportAgain);
  const checkedIn = cases.filter((item) => item.aftercare !== undefined);
  const negative = checkedIn.filter((item) => item.aftercare?.negative === true).length;
  return {
    medianDaysToAcknowledge: derived(toAcknowledge.length, () => oneDecimal(median(toAcknowledge))),
    medianDaysToClose: derived(toClose.length, () => oneDecimal(median(toClose))),
    p90DaysToAcknowledge: derived(toAcknowledge.length, () => oneDecimal(nearestRank(toAcknowledge, 0.9))),
    p90DaysToClose: derived(toClose.length, () => oneDecimal(nearestRank(toClose, 0.9))),
    deadlinesMetPct: derived(compliance.cases, () => Math.round((compliance.met / compliance.decided) * 100)),
    deadlinesMetByClock: CLOCK_KINDS.map((clock) => {
      const ofKind = deadlineCompliance(cases, period, now, clock);
      return { clock, pct: derived(ofKind.cases, () => Math.round((ofKind.met / ofKind.decided) * 100)) };
    }),
    takenSeriously: derived(seriously.length, () => oneDecimal(seriously.reduce((sum, value) => sum + value, 0) / seriously.length)),
    wouldReportAgain: derived(again.length, () => oneDecimal(again.reduce((sum, value) => sum + value, 0) / again.length)),
    negativeAfterClosePct: derived(Math.min(negative, checkedIn.length - negative), () => Math.round((negative / checkedIn.length) * 100)),
  };
}

/** Days from receipt to a later moment, for the cases that have it. */
function daysBetween(cases: readonly CaseProjection[], moment: (item: CaseProjection) => string | undefined): number[] {
  return cases.flatMap((item) => {
    const at = moment(item);
    return at ? [Math.max(0, Date.parse(at) - Date.parse(item.receivedAt)) / DAY_MS] : [];
  });
}

/**
 * Clocks due in the period: met when stopped at or before the due moment; missed when stopped later, or
 * still running after it. Clocks running before their due moment are not decided yet and left out.
 */
function deadlineCompliance(cases: readonly CaseProjection[], period: { from: Date; to: Date }, now: Date, kind?: ClockKind): { decided: number; met: number; cases: number } {
  let decided = 0;
  let met = 0;
  let contributing = 0;
  for (const item of cases) {
    let counted = false;
    for (const clock of item.clocks) {
      if (kind !== undefined && clock.clock !== kind) continue;
      const due = Date.parse(clock.dueAt);
      if (due < period.from.getTime() || due >= period.to.getTime()) continue;
      if (clock.stoppedAt === undefined && due >= now.getTime()) continue;
      decided += 1;
      counted = true;
      if (clock.stoppedAt !== undefined && Date.parse(clock.stoppedAt) <= due) met += 1;
    }
    if (counted) contributing += 1;
  }
  return { decided, met, cases: contributing };
}

/** The answers (1–5) given to one feedback question. */
function answers(cases: readonly CaseProjection[], answer: (item: CaseProjection) => number | undefined): number[] {
  return cases.flatMap((item) => {
    const value = answer(item);
    return typeof value === 'number' && value >= 1 && value <= 5 ? [value] : [];
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile: the smallest value with at least `share` of the values at or below it. */
function nearestRank(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}
