import { CLOCK_KINDS } from '../../bot/domain/deadlines/deadlinePolicies';
import type { Locale } from '../../bot/domain/locale';
import { CATEGORIES } from '../../bot/domain/report';
import { renderInsights } from '../../cards/insights';
import { renderNotice } from '../../cards/notice';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { InsightFiguresView, InsightsView } from '../../cards/insights';
import type { RenderedCase } from './cardViews';

/** Figures with everything shown: 12 reports, 6 bullying, the other categories suppressed. */
export const SHOWN_FIGURES: InsightFiguresView = {
  cases: 12,
  categories: CATEGORIES.map((category) => ({ category, count: category === 'bullying' ? 6 : '<5' })),
  anonymousPct: 42,
  identityShares: [
    { mode: 'named', pct: 33 },
    { mode: 'confidential', pct: '<5' },
    { mode: 'anonymous', pct: 42 },
  ],
  medianDaysToAcknowledge: 1.5,
  medianDaysToClose: 23,
  p90DaysToAcknowledge: 4.5,
  p90DaysToClose: 41,
  deadlinesMetPct: 83,
  deadlinesMetByClock: CLOCK_KINDS.map((clock) => ({ clock, pct: clock === 'acknowledge' ? 91 : clock === 'feedback' ? 67 : '<5' })),
  takenSeriously: 4.2,
  wouldReportAgain: 3.8,
};

/** A unit with fewer than 5 reports: all suppressed. */
export const SUPPRESSED_FIGURES: InsightFiguresView = {
  cases: '<5',
  categories: CATEGORIES.map((category) => ({ category, count: '<5' })),
  anonymousPct: '<5',
  medianDaysToAcknowledge: '<5',
  medianDaysToClose: '<5',
  p90DaysToAcknowledge: '<5',
  p90DaysToClose: '<5',
  deadlinesMetPct: '<5',
  deadlinesMetByClock: CLOCK_KINDS.map((clock) => ({ clock, pct: '<5' })),
  takenSeriously: '<5',
  wouldReportAgain: '<5',
};

export function insightsView(locale: Locale, overrides: Partial<InsightsView> = {}): InsightsView {
  return {
    locale,
    period: 'thisQuarter',
    periodLabel: '2026-Q4',
    total: SHOWN_FIGURES,
    // October shown, November small, and December hidden with it (12 − 7 would give November).
    months: [
      { month: '2026-10', cases: 7, categories: CATEGORIES.map((category) => ({ category, count: category === 'bullying' ? 5 : '<5' })) },
      { month: '2026-11', cases: '<5', categories: CATEGORIES.map((category) => ({ category, count: '<5' })) },
      { month: '2026-12', cases: '×', categories: CATEGORIES.map((category) => ({ category, count: '<5' })) },
    ],
    units: [
      { unitId: 'u-clas', unitName: 'Commando Landstrijdkrachten', ...SUPPRESSED_FIGURES },
      { unitId: 'u-clas-11', unitName: '11 Luchtmobiele Brigade', ...SUPPRESSED_FIGURES },
      { unitId: 'u-clas-11-inf', unitName: '11 Infanteriebataljon', ...SHOWN_FIGURES },
    ],
    agenda: [
      { month: '2026-10', teams: 3, discussed: 2, discussedPct: 67, units: [{ unitId: 'u-clas-11-inf', teams: 3, discussedPct: 67 }] },
      { month: '2026-11', teams: 3, discussed: 3, discussedPct: 100, units: [{ unitId: 'u-clas-11-inf', teams: 3, discussedPct: 100 }] },
    ],
    ...overrides,
  };
}

/** A year for a coordinator of many units with long names: more than the card budget would hold in full. */
export function largeInsightsView(locale: Locale): InsightsView {
  const units = Array.from({ length: 40 }, (_, i) => ({ unitId: `u-unit-with-a-long-identifier-${i}`, unitName: `Eenheid met een heel lange naam nummer ${i}`, ...SHOWN_FIGURES }));
  const agenda = Array.from({ length: 12 }, (_, m) => ({
    month: `2026-${String(m + 1).padStart(2, '0')}`,
    teams: 80,
    discussed: 40,
    discussedPct: 50,
    units: units.map((unit) => ({ unitId: unit.unitId, teams: 2, discussedPct: 50 })),
  }));
  const months = Array.from({ length: 12 }, (_, m) => ({ month: `2026-${String(m + 1).padStart(2, '0')}`, cases: 24, categories: CATEGORIES.map((category) => ({ category, count: category === 'bullying' ? 12 : ('<5' as const) })) }));
  return insightsView(locale, { period: 'thisYear', periodLabel: '2026', units, agenda, months });
}

export function insightsCards(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (template: string, surface: RenderedCase['surface'], name: string, card: AdaptiveCard) =>
    cases.push({ name: `${template} ${name} (${locale})`, card, locale, surface, wizard: false, template });
  add('notice', 'chat', 'insights', renderNotice({ locale, titleKey: 'notices.insights.title', textKey: 'notices.insights.text', openDialog: { dialog: 'insights', titleKey: 'insights.open', period: 'thisQuarter' } }));
  add('insights', 'dialog', 'a quarter', renderInsights(insightsView(locale)));
  add('insights', 'dialog', 'no teams', renderInsights(insightsView(locale, { agenda: [] })));
  add('insights', 'dialog', 'a large year', renderInsights(largeInsightsView(locale)));
  return cases;
}
