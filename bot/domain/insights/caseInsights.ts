import { CATEGORIES, type Category, type IdentityMode } from '../report';
import { protectTable, type TableRelation } from './protectTable';

/** Figures about fewer cases than this are not shown (DOMAIN.md: "Any figure about fewer than 5 cases is suppressed"). */
export const SUPPRESSION_THRESHOLD = 5;

/** What a suppressed figure shows instead of its value. */
export const SUPPRESSED = '<5';

/**
 * What a figure of 5 or more shows when it is hidden so that a small one beside it cannot be worked
 * out from a total (complementary suppression; "×" is what CBS tables show for "secret").
 */
export const PROTECTED = '×';

/** A figure as it may be shown: its value, {@link SUPPRESSED} or {@link PROTECTED}. */
export type Figure = number | typeof SUPPRESSED | typeof PROTECTED;

/** What the insights read of a case: no content, no identity, no handler. */
export interface CaseProjection {
  unitId: string;
  categories: readonly Category[];
  identity: IdentityMode;
  receivedAt: string;
  acknowledgedAt?: string;
  closedAt?: string;
  clocks: readonly { dueAt: string; stoppedAt?: string }[];
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
  /** Median calendar days from receipt to acknowledgement (one decimal), of the acknowledged cases. */
  medianDaysToAcknowledge: Figure;
  /** Median calendar days from receipt to closing (one decimal), of the closed cases. */
  medianDaysToClose: Figure;
  /** Of the clocks due in the period and decided by now (met or passed), the share stopped on time, whole percent. */
  deadlinesMetPct: Figure;
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

export interface CaseInsights {
  total: InsightFigures;
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
 * - complementary suppression (`protectTable`): the counts form a table — per unit and in total: reports, reports per
 *   category, anonymous and not anonymous reports. Its columns add up (the units make the total), its rows too
 *   (anonymous + not anonymous = reports; categories are treated as adding up to the reports, as they do when every
 *   report has one category). Where a hidden count could be worked out by subtracting the shown ones, along a row, a
 *   column or any chain of them, more counts are hidden ({@link PROTECTED}) until none can.
 * `now` decides which clocks due in the period are decided yet (one still running before its due moment is not).
 */
export function caseInsights(cases: readonly CaseProjection[], period: { from: Date; to: Date }, now: Date, unitIds: readonly string[]): CaseInsights {
  const units = [...new Set([...unitIds, ...cases.map((item) => item.unitId)])];
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
    for (const category of CATEGORIES) values.set(cell(scope, category), inScope.filter((item) => item.categories.includes(category)).length);
  }
  const { primary, hidden } = protectTable(values, tableRelations(units), SUPPRESSION_THRESHOLD, pairedWithSmall);
  const shown = (scope: string, measure: string): Figure => {
    const id = cell(scope, measure);
    return primary.has(id) ? SUPPRESSED : hidden.has(id) ? PROTECTED : values.get(id)!;
  };
  const figures = (scope: string, inScope: readonly CaseProjection[]): InsightFigures => {
    // The share gives the anonymous count (share × reports): shown only when reports, anonymous and not anonymous all are.
    const parts = [shown(scope, 'cases'), shown(scope, 'anonymous'), shown(scope, 'notAnonymous')];
    const anonymousPct: Figure = parts.includes(SUPPRESSED) ? SUPPRESSED : parts.includes(PROTECTED) ? PROTECTED : Math.round((values.get(cell(scope, 'anonymous'))! / inScope.length) * 100);
    return {
      ...derivedFiguresOf(inScope, period, now),
      cases: shown(scope, 'cases'),
      categories: CATEGORIES.map((category) => ({ category, count: shown(scope, category) })),
      anonymousPct,
    };
  };
  return {
    total: figures(TOTAL, cases),
    units: scopes.slice(1).map(({ scope, cases: inScope }) => ({ unitId: scope, ...figures(scope, inScope) })),
  };
}

/** The scope of the figures of all units together (unit ids are never empty). */
const TOTAL = '';

function cell(scope: string, measure: string): string {
  return `${scope}\u0000${measure}`;
}

/** The relations a reader can use: each column (units add up to the total) and each row (anonymous + not = reports = Σ categories). */
function tableRelations(units: readonly string[]): TableRelation[] {
  const relations: TableRelation[] = [];
  for (const measure of ['cases', 'anonymous', 'notAnonymous', ...CATEGORIES]) relations.push({ total: cell(TOTAL, measure), parts: units.map((unitId) => cell(unitId, measure)) });
  for (const scope of [TOTAL, ...units]) {
    relations.push({ total: cell(scope, 'cases'), parts: [cell(scope, 'anonymous'), cell(scope, 'notAnonymous')] });
    relations.push({ total: cell(scope, 'cases'), parts: CATEGORIES.map((category) => cell(scope, category)) });
  }
  return relations;
}

/** The figures that are not counts: medians, compliance and feedback, each shown only when it rests on 5 or more cases. */
function derivedFiguresOf(cases: readonly CaseProjection[], period: { from: Date; to: Date }, now: Date): Omit<InsightFigures, 'cases' | 'categories' | 'anonymousPct'> {
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
    deadlinesMetPct: derived(compliance.cases, () => Math.round((compliance.met / compliance.decided) * 100)),
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
function deadlineCompliance(cases: readonly CaseProjection[], period: { from: Date; to: Date }, now: Date): { decided: number; met: number; cases: number } {
  let decided = 0;
  let met = 0;
  let contributing = 0;
  for (const item of cases) {
    let counted = false;
    for (const clock of item.clocks) {
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

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}
