import { LiveMessage } from './LiveMessage';
import { Body1, Button, Caption1, Field, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { GroupedVerticalBarChart, VerticalBarChart, type GroupedVerticalBarChartData, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { useState } from 'react';
import type { CoordinatorInsights } from '../../bot/app/insights/coordinatorInsights';
import type { Locale } from '../../bot/domain/locale';
import type { InsightFigures } from '../../bot/domain/insights/caseInsights';
import { SUPPRESSED, type Figure } from '../../bot/domain/insights/figureMarks';
import { CATEGORIES, IDENTITY_MODES } from '../../bot/domain/report';
import { INSIGHTS_PERIODS, type InsightsPeriodName } from '../../bot/domain/insights/insightsPeriodNames';
import { t, type MessageKey } from '../../cards/i18n';
import { figureText } from '../../cards/insightFigure';
import { LoadFailed, Loading } from './LoadState';
import { downloadTabFile, type Authorizer } from './tabClient';
import { tabText } from './tabText';
import { useTabApi } from './useTabApi';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  chart: { maxWidth: '720px' },
  wide: { overflowX: 'auto' },
});

/** The figures shown per unit and in total, in the insights dialog's order, with how each value reads. */
const FIGURES: readonly { key: keyof Omit<InsightFigures, 'categories' | 'deadlinesMetByClock' | 'identityShares'>; unit?: 'days' | 'percent' | 'score' }[] = [
  { key: 'cases' },
  { key: 'anonymousPct', unit: 'percent' },
  { key: 'medianDaysToAcknowledge', unit: 'days' },
  { key: 'medianDaysToClose', unit: 'days' },
  { key: 'p90DaysToAcknowledge', unit: 'days' },
  { key: 'p90DaysToClose', unit: 'days' },
  { key: 'deadlinesMetPct', unit: 'percent' },
  { key: 'takenSeriously', unit: 'score' },
  { key: 'wouldReportAgain', unit: 'score' },
];

/** The lead times drawn side by side per unit: to acknowledgement and to closing, the median and nine in ten within. */
const TIME_FIGURES = [
  { key: 'medianDaysToAcknowledge', unit: 'days' },
  { key: 'p90DaysToAcknowledge', unit: 'days' },
  { key: 'medianDaysToClose', unit: 'days' },
  { key: 'p90DaysToClose', unit: 'days' },
] as const;

/** The reporters' feedback drawn side by side per unit (averages of 1–5). */
const FEEDBACK_FIGURES = [
  { key: 'takenSeriously', unit: 'score' },
  { key: 'wouldReportAgain', unit: 'score' },
] as const;

/** Inzicht: a coordinator's figures for their units and a period, small numbers shown as "<5"; every chart also as a table. */
export function Insights({ locale, authorize }: { locale: Locale; authorize: Authorizer }) {
  const [period, setPeriod] = useState<InsightsPeriodName>('thisQuarter');
  const { loaded, reload } = useTabApi<{ insights: CoordinatorInsights }>(`/api/tab/insights?period=${period}`, authorize);
  const [csvFailed, setCsvFailed] = useState(false);
  const styles = useStyles();
  const downloadCsv = () => {
    setCsvFailed(false);
    downloadTabFile(`/api/tab/insights/csv?period=${period}`, authorize, 'veilig-melden-inzicht.csv').catch(() => setCsvFailed(true));
  };
  const picker = (
    <Field label={tabText(locale, 'insights.period')}>
      <Select value={period} onChange={(_event, data) => setPeriod(data.value as InsightsPeriodName)}>
        {INSIGHTS_PERIODS.map((name) => (
          <option key={name} value={name}>
            {t(locale, `insights.periods.${name}` as MessageKey)}
          </option>
        ))}
      </Select>
    </Field>
  );
  if (loaded.state === 'loading') return <>{picker}<Loading label={tabText(locale, 'insights.load')} /></>;
  if (loaded.state === 'failed') return <>{picker}<LoadFailed locale={locale} error={loaded.error} onRetry={reload} /></>;
  const { insights } = loaded.value;
  const categories: VerticalBarChartDataPoint[] = insights.total.categories
    .filter((entry) => typeof entry.count === 'number')
    .map((entry) => ({ x: t(locale, `categories.${entry.category}.title` as MessageKey), y: entry.count as number, legend: t(locale, `categories.${entry.category}.title` as MessageKey) }));
  // Per month, the reports received: a bar where the count is shown; a small or hidden month stays on the axis without
  // a bar ("<5" or "×" in the table below). A period is never longer than a calendar year, so the month's name suffices.
  const months: VerticalBarChartDataPoint[] = insights.months.map((month) => ({
    x: monthLabel(locale, month.month, false),
    y: typeof month.cases === 'number' ? month.cases : 0,
    legend: monthLabel(locale, month.month),
    color: tokens.colorBrandBackground,
    ...(typeof month.cases === 'number' ? { barLabel: String(month.cases) } : {}),
  }));
  const monthCategories = CATEGORIES.filter((category) => insights.months.some((month) => month.categories.find((entry) => entry.category === category)?.count !== SUPPRESSED));
  const clocks: VerticalBarChartDataPoint[] = insights.total.deadlinesMetByClock
    .filter((entry) => typeof entry.pct === 'number')
    .map((entry) => ({ x: t(locale, `clocks.${entry.clock}` as MessageKey), y: entry.pct as number, legend: t(locale, `clocks.${entry.clock}` as MessageKey) }));
  // The identity modes' shares of all units together: a bar for each share shown; a small or hidden one has none.
  const identity: VerticalBarChartDataPoint[] = insights.total.identityShares
    .filter((entry) => typeof entry.pct === 'number')
    .map((entry) => ({ x: t(locale, `identity.${entry.mode}.title` as MessageKey), y: entry.pct as number, legend: t(locale, `identity.${entry.mode}.title` as MessageKey), color: tokens.colorBrandBackground, yAxisCalloutData: show(locale, entry.pct, 'percent'), barLabel: show(locale, entry.pct, 'percent') }));
  const shareOf = (figures: InsightFigures, mode: (typeof IDENTITY_MODES)[number]) => figures.identityShares.find((entry) => entry.mode === mode)?.pct ?? SUPPRESSED;
  const scopes = [{ name: t(locale, 'insights.totalTitle'), figures: insights.total as InsightFigures }, ...insights.units.map((unit) => ({ name: unit.unitName, figures: unit as InsightFigures }))];
  const agenda: VerticalBarChartDataPoint[] = insights.agenda.map((month) => ({ x: month.month, y: month.discussedPct, legend: month.month }));
  return (
    <div className={styles.section}>
      {picker}
      <Body1>{t(locale, 'insights.intro')}</Body1>
      <Caption1>{insights.period.lastMonth ? t(locale, 'insights.countedUpTo', { month: insights.period.lastMonth }) : t(locale, 'insights.noCompleteMonth')}</Caption1>

      <Subtitle2 as="h2">{t(locale, 'insights.totalTitle')}</Subtitle2>
      <FigureTable locale={locale} caption={t(locale, 'insights.totalTitle')} rows={FIGURES.map((figure) => [t(locale, `insights.${figure.key}` as MessageKey), show(locale, insights.total[figure.key], figure.unit)])} />

      <Subtitle2 as="h2">{t(locale, 'insights.categoriesTitle')}</Subtitle2>
      <div className={styles.chart}>
        {categories.length > 0 ? <VerticalBarChart data={categories} chartTitle={tabText(locale, 'insights.chartCategories')} height={240} wrapXAxisLables hideTickOverlap={false} hideLegend /> : null}
      </div>
      {categories.length === 0 && <Caption1>{tabText(locale, 'insights.noChart')}</Caption1>}
      <FigureTable
        locale={locale}
        caption={tabText(locale, 'insights.chartCategories')}
        rows={insights.total.categories.map((entry) => [t(locale, `categories.${entry.category}.title` as MessageKey), show(locale, entry.count)])}
      />

      <Subtitle2 as="h2">{tabText(locale, 'insights.identityTitle')}</Subtitle2>
      <div className={styles.chart}>
        {identity.length > 0 ? <VerticalBarChart data={identity} chartTitle={tabText(locale, 'insights.chartIdentity')} height={200} yMaxValue={100} hideTickOverlap={false} hideLegend /> : null}
      </div>
      {identity.length === 0 && <Caption1>{tabText(locale, 'insights.noBars')}</Caption1>}
      <div className={styles.wide}>
        <FigureTable
          locale={locale}
          caption={tabText(locale, 'insights.chartIdentity')}
          header={[t(locale, 'insights.unit'), ...IDENTITY_MODES.map((mode) => t(locale, `identity.${mode}.title` as MessageKey))]}
          rows={scopes.map((scope) => [scope.name, ...IDENTITY_MODES.map((mode) => show(locale, shareOf(scope.figures, mode), 'percent'))])}
        />
      </div>

      <Subtitle2 as="h2">{tabText(locale, 'insights.timesTitle')}</Subtitle2>
      <FiguresPerUnit locale={locale} caption={tabText(locale, 'insights.chartTimes')} figures={TIME_FIGURES} scopes={scopes} />

      <Subtitle2 as="h2">{tabText(locale, 'insights.feedbackTitle')}</Subtitle2>
      <FiguresPerUnit locale={locale} caption={tabText(locale, 'insights.chartFeedback')} figures={FEEDBACK_FIGURES} scopes={scopes} yMaxValue={5} />

      <Subtitle2 as="h2">{t(locale, 'insights.clocksTitle')}</Subtitle2>
      <div className={styles.chart}>
        {clocks.length > 0 ? <VerticalBarChart data={clocks} chartTitle={t(locale, 'insights.clocksTitle')} height={200} wrapXAxisLables hideTickOverlap={false} hideLegend /> : null}
      </div>
      <FigureTable
        locale={locale}
        caption={t(locale, 'insights.clocksTitle')}
        rows={insights.total.deadlinesMetByClock.map((entry) => [t(locale, `clocks.${entry.clock}` as MessageKey), show(locale, entry.pct, 'percent')])}
      />

      <Subtitle2 as="h2">{tabText(locale, 'insights.monthsTitle')}</Subtitle2>
      <div className={styles.chart}>
        {months.some((month) => month.y > 0) ? <VerticalBarChart data={months} chartTitle={tabText(locale, 'insights.chartMonths')} height={240} hideLegend /> : null}
      </div>
      {!months.some((month) => month.y > 0) && <Caption1>{tabText(locale, 'insights.noMonthChart')}</Caption1>}
      <div className={styles.wide}>
        <FigureTable
          locale={locale}
          caption={tabText(locale, 'insights.chartMonths')}
          header={[tabText(locale, 'insights.month'), t(locale, 'insights.cases'), ...monthCategories.map((category) => t(locale, `categories.${category}.title` as MessageKey))]}
          rows={insights.months.map((month) => [
            monthLabel(locale, month.month),
            show(locale, month.cases),
            ...monthCategories.map((category) => show(locale, month.categories.find((entry) => entry.category === category)?.count ?? SUPPRESSED)),
          ])}
        />
      </div>
      {monthCategories.length < CATEGORIES.length && <Caption1>{tabText(locale, 'insights.otherCategoriesSmall')}</Caption1>}

      <Subtitle2 as="h2">{t(locale, 'insights.unitsTitle')}</Subtitle2>
      <FigureTable
        locale={locale}
        caption={t(locale, 'insights.unitsTitle')}
        header={[t(locale, 'insights.unit'), ...FIGURES.map((figure) => t(locale, `insights.${figure.key}` as MessageKey))]}
        rows={insights.units.map((unit) => [unit.unitName, ...FIGURES.map((figure) => show(locale, unit[figure.key], figure.unit))])}
      />

      <Subtitle2 as="h2">{t(locale, 'insights.agendaTitle')}</Subtitle2>
      <div className={styles.chart}>
        {agenda.length > 0 ? <VerticalBarChart data={agenda} chartTitle={tabText(locale, 'insights.chartAgenda')} height={200} hideLegend /> : null}
      </div>
      <FigureTable
        locale={locale}
        caption={tabText(locale, 'insights.chartAgenda')}
        header={[tabText(locale, 'insights.month'), tabText(locale, 'insights.value')]}
        rows={insights.agenda.map((month) => [month.month, month.teams === 0 ? t(locale, 'insights.noTeams') : t(locale, 'insights.agendaLine', { discussed: month.discussed, teams: month.teams, pct: month.discussedPct })])}
      />
      <Caption1>{t(locale, 'insights.suppressedNote')}</Caption1>
      <div>
        <Button onClick={downloadCsv}>{tabText(locale, 'insights.downloadCsv')}</Button>
      </div>
      <LiveMessage intent="error" text={csvFailed ? tabText(locale, 'insights.downloadFailed') : undefined} />
    </div>
  );
}

/**
 * A few figures side by side for all units together and each unit: a grouped bar chart with a bar for each figure shown
 * (a unit with none shown is left out of the chart), and the table with every unit, "<5" and "×" as they are.
 */
function FiguresPerUnit({ locale, caption, figures, scopes, yMaxValue }: { locale: Locale; caption: string; figures: readonly { key: keyof InsightFigures & string; unit: 'days' | 'score' }[]; scopes: readonly { name: string; figures: InsightFigures }[]; yMaxValue?: number }) {
  const styles = useStyles();
  const label = (key: string) => t(locale, `insights.${key}` as MessageKey);
  const groups: GroupedVerticalBarChartData[] = scopes
    .map((scope) => ({
      name: scope.name,
      series: figures.flatMap((figure) => {
        const value = scope.figures[figure.key];
        return typeof value === 'number' ? [{ key: figure.key, data: value, legend: label(figure.key), yAxisCalloutData: show(locale, value, figure.unit) }] : [];
      }),
    }))
    .filter((group) => group.series.length > 0);
  return (
    <>
      <div className={styles.chart}>{groups.length > 0 ? <GroupedVerticalBarChart data={groups} chartTitle={caption} height={260} wrapXAxisLables hideTickOverlap={false} {...(yMaxValue ? { yMaxValue } : {})} /> : null}</div>
      {groups.length === 0 && <Caption1>{tabText(locale, 'insights.noBars')}</Caption1>}
      <div className={styles.wide}>
        <FigureTable
          locale={locale}
          caption={caption}
          header={[t(locale, 'insights.unit'), ...figures.map((figure) => label(figure.key))]}
          rows={scopes.map((scope) => [scope.name, ...figures.map((figure) => show(locale, scope.figures[figure.key] as number | string, figure.unit))])}
        />
      </div>
    </>
  );
}

/** `2026-03` as "mrt 2026" / "Mar 2026" (or "mrt" / "Mar" without the year). */
function monthLabel(locale: Locale, month: string, withYear = true): string {
  const [year, number] = month.split('-').map(Number);
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(year, number - 1, 15)));
}

/** A figure as the dialog shows it (cards/insightFigure): "<5" and "×" as they are, numbers in the language's format with their unit. */
function show(locale: Locale, value: number | string, unit?: 'days' | 'percent' | 'score'): string {
  return figureText(locale, value as Figure, unit ?? 'count');
}

/** The table of a chart (and of the figures), for screen readers and for copying. */
function FigureTable({ locale, caption, header, rows }: { locale: Locale; caption: string; header?: string[]; rows: string[][] }) {
  const columns = header ?? [tabText(locale, 'insights.figure'), tabText(locale, 'insights.value')];
  return (
    <Table size="small" aria-label={caption}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column}>{column}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={index}>
            {row.map((cell, column) => (
              <TableCell key={column}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
