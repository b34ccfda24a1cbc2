import { DateTime } from 'luxon';
import { ZONE } from '../workingCalendar';
import { INSIGHTS_PERIODS, type InsightsPeriodName } from './insightsPeriodNames';

export { INSIGHTS_PERIODS, type InsightsPeriodName };

/** A period of the insights: `[from, to)`, and a label such as `2026-Q4` or `2026`. */
export interface InsightsPeriod {
  from: Date;
  to: Date;
  label: string;
}

/** The named period around `now`, in calendar quarters and years of Europe/Amsterdam. */
export function insightsPeriod(name: InsightsPeriodName, now: Date): InsightsPeriod {
  const here = DateTime.fromJSDate(now, { zone: ZONE });
  const quarterly = name === 'thisQuarter' || name === 'lastQuarter';
  let start = here.startOf(quarterly ? 'quarter' : 'year');
  if (name === 'lastQuarter') start = start.minus({ quarters: 1 });
  if (name === 'lastYear') start = start.minus({ years: 1 });
  const end = start.plus(quarterly ? { quarters: 1 } : { years: 1 });
  return { from: start.toJSDate(), to: end.toJSDate(), label: quarterly ? `${start.year}-Q${start.quarter}` : String(start.year) };
}

/** The months (`YYYY-MM`, Europe/Amsterdam) of a period that have begun by `now`. */
export function monthsOf(period: { from: Date; to: Date }, now: Date): string[] {
  const months: string[] = [];
  const last = Math.min(period.to.getTime(), now.getTime());
  for (let month = DateTime.fromJSDate(period.from, { zone: ZONE }).startOf('month'); month.toMillis() < last; month = month.plus({ months: 1 })) {
    months.push(month.toFormat('yyyy-MM'));
  }
  return months;
}

/**
 * Where the counted part of a period ends: the start of the current calendar month (Europe/Amsterdam),
 * or the period's own end when that is earlier. Insights count complete months only, so a report
 * filed now changes nothing a coordinator sees until its month has ended (and then only as part of
 * that month's batch): opening the insights again and again does not show each new report's unit,
 * category and identity mode. Undefined when no month of the period has ended yet.
 */
export function countedPart(period: { from: Date; to: Date }, now: Date): { from: Date; to: Date; lastMonth: string } | undefined {
  const monthStart = DateTime.fromJSDate(now, { zone: ZONE }).startOf('month');
  const to = DateTime.fromMillis(Math.min(period.to.getTime(), monthStart.toMillis()), { zone: ZONE });
  if (to.toMillis() <= period.from.getTime()) return undefined;
  return { from: period.from, to: to.toJSDate(), lastMonth: to.minus({ months: 1 }).toFormat('yyyy-MM') };
}

/** One calendar month of a period (Europe/Amsterdam): `YYYY-MM` and its `[from, to)`. */
export interface MonthSpan {
  month: string;
  from: Date;
  to: Date;
}

/** The calendar months (Europe/Amsterdam) that make up a period of whole months, such as the counted part of a period. */
export function monthSpansOf(period: { from: Date; to: Date }): MonthSpan[] {
  const spans: MonthSpan[] = [];
  for (let month = DateTime.fromJSDate(period.from, { zone: ZONE }).startOf('month'); month.toMillis() < period.to.getTime(); month = month.plus({ months: 1 })) {
    const next = month.plus({ months: 1 });
    spans.push({ month: month.toFormat('yyyy-MM'), from: month.toJSDate(), to: new Date(Math.min(next.toMillis(), period.to.getTime())) });
  }
  return spans;
}
