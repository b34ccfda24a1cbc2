/** The periods a coordinator can choose (no imports: the tab's bundle takes it without the calendar). */
export const INSIGHTS_PERIODS = ['thisQuarter', 'lastQuarter', 'thisYear', 'lastYear'] as const;
export type InsightsPeriodName = (typeof INSIGHTS_PERIODS)[number];
