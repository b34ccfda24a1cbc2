import { INSIGHTS_PERIODS } from '../bot/domain/insights/insightsPeriod';
import { SUPPRESSED, type Figure } from '../bot/domain/insights/caseInsights';
import type { Locale } from '../bot/domain/locale';
import { CARD_BUDGET_BYTES, cardBytes, renderWithMostThatFit } from './cardBudget';
import { csvRow } from './csvRow';
import { figureText, type FigureKind } from './insightFigure';
import { t } from './i18n';
import template from './insights.card.json';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { ClockKind } from '../bot/domain/deadlines/deadlinePolicies';
import type { Category, IdentityMode } from '../bot/domain/report';
import type { InsightsPeriodName } from '../bot/domain/insights/insightsPeriod';

// Insights ("inzichten", "cijfers"): a coordinator types the command in their 1:1 chat; a notice has
// a button `Action.Submit` + `msteams: { type: 'task/fetch' }` + `vm: { dialog: 'insights', nav:
// 'next', period: 'thisQuarter' }`. The dialog's period buttons send `vm: { dialog: 'insights',
// nav: 'next', period }`; its close button `vm: { dialog: 'insights', nav: 'close' }`.

/** The figures of all units together, or of one unit: each a value or '<5' (suppressed). */
export interface InsightFiguresView {
  cases: Figure;
  categories: { category: Category; count: Figure }[];
  anonymousPct: Figure;
  /** Share per identity mode (absent: not counted). */
  identityShares?: { mode: IdentityMode; pct: Figure }[];
  medianDaysToAcknowledge: Figure;
  medianDaysToClose: Figure;
  p90DaysToAcknowledge: Figure;
  p90DaysToClose: Figure;
  deadlinesMetPct: Figure;
  /** Deadlines met per kind of deadline (absent: not shown). */
  deadlinesMetByClock?: { clock: ClockKind; pct: Figure }[];
  takenSeriously: Figure;
  wouldReportAgain: Figure;
  /** Share of reporters who answered an aftercare check-in with "negative consequences" (absent: not counted). */
  negativeAfterClosePct?: Figure;
}

/** The coordinator's insights for one period, in a dialog. */
export interface InsightsView {
  locale: Locale;
  period: InsightsPeriodName;
  /** `2026-Q4` or `2026`. */
  periodLabel: string;
  /** The last complete month counted (`YYYY-MM`); absent when no month of the period has ended yet. */
  lastMonth?: string;
  total: InsightFiguresView;
  /** Per counted month (`YYYY-MM`): reports and reports per category, as protected with the period's figures (absent: none). */
  months?: { month: string; cases: Figure; categories: { category: Category; count: Figure }[] }[];
  units: (InsightFiguresView & { unitId: string; unitName: string })[];
  /** Per month (`YYYY-MM`), teams of the units with meeting settings and how many discussed a topic. Not suppressed: teams, not people. */
  agenda: { month: string; teams: number; discussed: number; discussedPct: number; units: { unitId: string; teams: number; discussedPct: number }[] }[];
}

type Fact = { title: string; value: string };

interface InsightsData {
  lang: Locale;
  periods: { period: string; title: string }[];
  totalFacts: Fact[];
  categoryFacts: Fact[];
  clockFacts: Fact[];
  hasClocks: boolean;
  units: { name: string; cases: string; anonymousPct: string; deadlinesMetPct: string }[];
  hasMoreUnits: boolean;
  hasAgenda: boolean;
  agendaFacts: Fact[];
  csv: string;
  text: Record<'title' | 'intro' | 'counted' | 'totalTitle' | 'categoriesTitle' | 'clocksTitle' | 'unitsTitle' | 'unit' | 'cases' | 'anonymousPct' | 'deadlinesMetPct' | 'agendaTitle' | 'noTeams' | 'suppressedNote' | 'csvTitle' | 'close' | 'moreUnits', string>;
}

/** The figures in the order shown and exported, with how each reads. */
const MEASURES: readonly [keyof Omit<InsightFiguresView, 'categories' | 'deadlinesMetByClock' | 'identityShares'>, 'count' | 'percent' | 'days' | 'score'][] = [
  ['cases', 'count'],
  ['anonymousPct', 'percent'],
  ['medianDaysToAcknowledge', 'days'],
  ['medianDaysToClose', 'days'],
  ['p90DaysToAcknowledge', 'days'],
  ['p90DaysToClose', 'days'],
  ['deadlinesMetPct', 'percent'],
  ['takenSeriously', 'score'],
  ['wouldReportAgain', 'score'],
  ['negativeAfterClosePct', 'percent'],
];

const CSV_HEADER = ['period', 'scope', 'unitId', 'unitName', 'measure', 'value'];

/** How much of the detail the CSV holds: everything; without agenda rows per unit; without categories per unit. */
type CsvDetail = 0 | 1 | 2;

/**
 * The coordinator's insights in a dialog: period buttons, the figures of all units together and
 * per category, a row per unit, the team-meeting coverage per month, a note on suppression and
 * the same figures as CSV for the annual report (jaarverslag). A suppressed figure shows "<5" in
 * both. No content and no names of people: the view has none. When the CSV would not fit the card
 * budget, it leaves out detail per unit (agenda first, then categories); the totals always stay.
 */
export function renderInsights(view: InsightsView): AdaptiveCard {
  let card = renderCard(template, data(view, 0, view.units.length));
  for (const detail of [1, 2] as const) {
    if (cardBytes(card) <= CARD_BUDGET_BYTES) return card;
    card = renderCard(template, data(view, detail, view.units.length));
  }
  // Still too large (very many units): the first units only, in the card and the CSV, and the card says so.
  return renderWithMostThatFit(view.units.length, (shownUnits) => renderCard(template, data(view, 2, shownUnits)));
}

function data(whole: InsightsView, detail: CsvDetail, shownUnits: number): InsightsData {
  const view = { ...whole, units: whole.units.slice(0, shownUnits) };
  const l = view.locale;
  const show = (figure: Figure, kind: FigureKind) => figureText(l, figure, kind);
  return {
    lang: l,
    // The current period's button is marked (a check mark, read out too), so the switcher says where one is.
    periods: INSIGHTS_PERIODS.map((period) => ({ period, title: period === view.period ? t(l, 'insights.current', { period: t(l, `insights.periods.${period}`) }) : t(l, `insights.periods.${period}`) })),
    totalFacts: MEASURES.map(([measure, kind]) => ({ title: t(l, `insights.${measure}`), value: show(view.total[measure] ?? SUPPRESSED, kind) })),
    categoryFacts: view.total.categories.map((line) => ({ title: t(l, `categories.${line.category}.title`), value: show(line.count, 'count') })),
    clockFacts: (view.total.deadlinesMetByClock ?? []).map((line) => ({ title: t(l, `clocks.${line.clock}`), value: show(line.pct, 'percent') })),
    hasClocks: (view.total.deadlinesMetByClock ?? []).length > 0,
    units: view.units.map((unit) => ({
      name: unit.unitName,
      cases: show(unit.cases, 'count'),
      anonymousPct: show(unit.anonymousPct, 'percent'),
      deadlinesMetPct: show(unit.deadlinesMetPct, 'percent'),
    })),
    hasMoreUnits: shownUnits < whole.units.length,
    hasAgenda: view.agenda.some((month) => month.teams > 0),
    agendaFacts: view.agenda.map((month) => ({
      title: month.month,
      value: t(l, 'insights.agendaLine', { discussed: String(month.discussed), teams: String(month.teams), pct: String(month.discussedPct) }),
    })),
    csv: csv(view, detail),
    text: {
      title: t(l, 'insights.title', { period: `${t(l, `insights.periods.${view.period}`)} (${view.periodLabel})` }),
      intro: t(l, 'insights.intro'),
      counted: view.lastMonth ? t(l, 'insights.countedUpTo', { month: monthName(l, view.lastMonth) }) : t(l, 'insights.noCompleteMonth'),
      totalTitle: t(l, 'insights.totalTitle'),
      categoriesTitle: t(l, 'insights.categoriesTitle'),
      clocksTitle: t(l, 'insights.clocksTitle'),
      unitsTitle: t(l, 'insights.unitsTitle'),
      unit: t(l, 'insights.unit'),
      cases: t(l, 'insights.cases'),
      anonymousPct: t(l, 'insights.anonymousPct'),
      deadlinesMetPct: t(l, 'insights.deadlinesMetPct'),
      agendaTitle: t(l, 'insights.agendaTitle'),
      noTeams: t(l, 'insights.noTeams'),
      suppressedNote: t(l, 'insights.suppressedNote'),
      csvTitle: t(l, 'insights.csvTitle'),
      close: t(l, 'common.close'),
      moreUnits: t(l, 'insights.moreUnits', { count: String(shownUnits) }),
    },
  };
}

/** `2026-11` as "november 2026" / "November 2026". */
function monthName(l: Locale, month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(l === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 15)));
}

/**
 * The insights as CSV with every detail (the card's CSV when it fits the card): what the tab offers
 * as a download for the annual report. The same rows and codes as in the dialog.
 */
export function insightsCsv(view: InsightsView): string {
  return csv(view, 0);
}

/** The CSV: machine-readable codes and plain numbers (a dot for decimals), "<5" where suppressed, "×" where protected. */
function csv(view: InsightsView, detail: CsvDetail): string {
  const rows: string[][] = [];
  const figures = (scope: string, unitId: string, unitName: string, figuresOf: InsightFiguresView, withCategories: boolean) => {
    for (const [measure] of MEASURES) rows.push([view.periodLabel, scope, unitId, unitName, measure, String(figuresOf[measure] ?? SUPPRESSED)]);
    if (withCategories) for (const line of figuresOf.categories) rows.push([view.periodLabel, scope, unitId, unitName, `category.${line.category}`, String(line.count)]);
    if (withCategories) for (const line of figuresOf.deadlinesMetByClock ?? []) rows.push([view.periodLabel, scope, unitId, unitName, `deadlinesMetPct.${line.clock}`, String(line.pct)]);
    if (withCategories) for (const line of figuresOf.identityShares ?? []) rows.push([view.periodLabel, scope, unitId, unitName, `identityPct.${line.mode}`, String(line.pct)]);
  };
  figures('total', '', '', view.total, true);
  // Per month of the period (the annual report's figures over time): the reports, and per category.
  for (const month of view.months ?? []) {
    rows.push([view.periodLabel, `month.${month.month}`, '', '', 'cases', String(month.cases)]);
    for (const line of month.categories) rows.push([view.periodLabel, `month.${month.month}`, '', '', `category.${line.category}`, String(line.count)]);
  }
  for (const unit of view.units) figures('unit', unit.unitId, unit.unitName, unit, detail < 2);
  for (const month of view.agenda) {
    rows.push([view.periodLabel, `agenda.${month.month}`, '', '', 'teams', String(month.teams)], [view.periodLabel, `agenda.${month.month}`, '', '', 'discussedPct', String(month.discussedPct)]);
    if (detail < 1) {
      for (const unit of month.units) rows.push([view.periodLabel, `agenda.${month.month}`, unit.unitId, '', 'discussedPct', String(unit.discussedPct)]);
    }
  }
  return [csvRow(CSV_HEADER), ...rows.map((row) => csvRow(row))].join('\n');
}
