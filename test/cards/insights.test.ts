import { LOCALES } from '../../bot/domain/locale';
import { CARD_BUDGET_BYTES } from '../../cards/cardBudget';
import { t } from '../../cards/i18n';
import { insightsCsv, renderInsights } from '../../cards/insights';
import { CATEGORIES } from '../../bot/domain/report';
import { renderNotice } from '../../cards/notice';
import { actions, adaptiveCardsProblems, allObjects, schemaErrors, sizeInBytes, vmOf, visibleTexts } from './cardChecks';
import { insightsView, largeInsightsView } from './insightsCardViews';

/** The CSV block's text (the one monospace run). */
function csvOf(card: object): string {
  const run = allObjects(card).find((node) => node.type === 'TextRun' && node.fontType === 'monospace');
  return String(run?.text ?? '');
}

/** The facts of the card as title → value. */
function factsOf(card: object): Record<string, string> {
  return Object.fromEntries(allObjects(card).filter((node) => node.type === 'FactSet').flatMap((node) => (node.facts as { title: string; value: string }[]).map((fact) => [fact.title, fact.value])));
}

/** The fields of each CSV line (RFC 4180: quoted fields, doubled quotes); a line that is not well-formed throws. */
function parseCsv(text: string): string[][] {
  return text.split('\n').map((line) => {
    const fields: string[] = [];
    const field = /"((?:[^"]|"")*)"(,|$)/y;
    while (field.lastIndex < line.length) {
      const match = field.exec(line);
      if (!match) throw new Error(`not CSV: ${line}`);
      fields.push(match[1].replace(/""/g, '"'));
      if (match[2] === '') break;
    }
    return fields;
  });
}

describe('renderInsights', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when a quarter is shown, then the figures read in the language, suppressed ones as "<5", with the note explaining why', () => {
      const card = renderInsights(insightsView(locale));
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      const facts = factsOf(card);
      expect(facts[t(locale, 'insights.cases')]).toBe('12');
      expect(facts[t(locale, 'insights.anonymousPct')]).toBe(t(locale, 'insights.percent', { value: '42' }));
      expect(facts[t(locale, 'insights.medianDaysToAcknowledge')]).toBe(t(locale, 'insights.days', { value: locale === 'nl' ? '1,5' : '1.5' }));
      expect(facts[t(locale, 'insights.takenSeriously')]).toBe(t(locale, 'insights.score', { value: locale === 'nl' ? '4,2' : '4.2' }));
      expect(facts[t(locale, 'categories.bullying.title')]).toBe('6');
      expect(facts[t(locale, 'categories.discrimination.title')]).toBe('<5');
      expect(facts['2026-10']).toBe(t(locale, 'insights.agendaLine', { discussed: '2', teams: '3', pct: '67' }));
      const texts = visibleTexts(card);
      expect(texts).toContain(t(locale, 'insights.suppressedNote'));
      expect(texts).toContain('11 Luchtmobiele Brigade');
      expect(texts.filter((text) => text === '<5').length).toBeGreaterThanOrEqual(6);
    });

    it('when only complete months are counted, then the dialog says up to which month, or that none has ended yet; "×" shows as such', () => {
      const protectedUnit = { ...insightsView(locale).units[2], unitId: 'u-clas', unitName: 'Commando Landstrijdkrachten', cases: '×' as const };
      const card = renderInsights(insightsView(locale, { lastMonth: '2026-11', units: [protectedUnit] }));
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      const texts = visibleTexts(card);
      expect(texts).toContain(t(locale, 'insights.countedUpTo', { month: locale === 'nl' ? 'november 2026' : 'November 2026' }));
      expect(texts).toContain('×');
      expect(csvOf(card)).toContain('"2026-Q4","unit","u-clas","Commando Landstrijdkrachten","cases","×"');
      expect(visibleTexts(renderInsights(insightsView(locale)))).toContain(t(locale, 'insights.noCompleteMonth'));
    });

    it('when the CSV is read, then it has a header and rows with codes and plain numbers, "<5" where suppressed', () => {
      const lines = csvOf(renderInsights(insightsView(locale))).split('\n');
      expect(lines[0]).toBe('"period","scope","unitId","unitName","measure","value"');
      expect(lines).toContain('"2026-Q4","total","","","cases","12"');
      expect(lines).toContain('"2026-Q4","total","","","medianDaysToAcknowledge","1.5"');
      expect(lines).toContain('"2026-Q4","total","","","category.discrimination","<5"');
      expect(lines).toContain('"2026-Q4","unit","u-clas-11","11 Luchtmobiele Brigade","cases","<5"');
      expect(lines).toContain('"2026-Q4","agenda.2026-10","","","discussedPct","67"');
    });

    it('when the months and the identity shares are known, then the CSV has a row per month for the reports and each category, and the shares per mode, "<5" and "×" kept', () => {
      const rows = parseCsv(insightsCsv(insightsView(locale)));
      expect(rows.every((row) => row.length === 6)).toBe(true);
      const value = (scope: string, measure: string, unitId = '') => rows.filter((row) => row[1] === scope && row[2] === unitId && row[4] === measure).map((row) => row[5]);
      expect(value('month.2026-10', 'cases')).toEqual(['7']);
      expect(value('month.2026-10', 'category.bullying')).toEqual(['5']);
      expect(value('month.2026-10', 'category.discrimination')).toEqual(['<5']);
      expect(value('month.2026-11', 'cases')).toEqual(['<5']);
      expect(value('month.2026-12', 'cases')).toEqual(['×']);
      // Every month has its reports and every category: a missing row says nothing.
      expect(rows.filter((row) => row[1].startsWith('month.'))).toHaveLength(3 * (1 + CATEGORIES.length));
      expect(value('total', 'identityPct.named')).toEqual(['33']);
      expect(value('total', 'identityPct.confidential')).toEqual(['<5']);
      expect(value('unit', 'identityPct.anonymous', 'u-clas-11-inf')).toEqual(['42']);
    });

    it('when the dialog shows a year with its months, then the card\'s CSV has the same month rows as the download', () => {
      const view = largeInsightsView(locale);
      const monthRows = (csv: string) => csv.split('\n').filter((line) => line.includes('"month.'));
      expect(monthRows(csvOf(renderInsights(view)))).toHaveLength(12 * (1 + CATEGORIES.length));
      expect(monthRows(csvOf(renderInsights(view)))).toEqual(monthRows(insightsCsv(view)));
    });

    it('when the period buttons are read, then each reopens the dialog for its period, the current one stands out, and close closes', () => {
      const card = renderInsights(insightsView(locale, { period: 'lastYear', periodLabel: '2025' }));
      const periodButtons = allObjects(card).filter((node) => node.type === 'ActionSet').flatMap((node) => node.actions as Record<string, unknown>[]);
      expect(periodButtons.map((action) => vmOf(action))).toEqual(['thisQuarter', 'lastQuarter', 'thisYear', 'lastYear'].map((period) => ({ dialog: 'insights', nav: 'next', period })));
      expect(periodButtons.map((action) => action.title)).toEqual([
        t(locale, 'insights.periods.thisQuarter'),
        t(locale, 'insights.periods.lastQuarter'),
        t(locale, 'insights.periods.thisYear'),
        t(locale, 'insights.current', { period: t(locale, 'insights.periods.lastYear') }),
      ]);
      expect(actions(card).filter((action) => !periodButtons.includes(action)).map((action) => vmOf(action))).toEqual([{ dialog: 'insights', nav: 'close' }]);
      expect(visibleTexts(card)).toContain(t(locale, 'insights.title', { period: `${t(locale, 'insights.periods.lastYear')} (2025)` }));
    });

    it('when no team has set up its meetings, then it says so instead of the months', () => {
      expect(visibleTexts(renderInsights(insightsView(locale, { agenda: [] })))).toContain(t(locale, 'insights.noTeams'));
    });

    it('when a year of many units is shown, then the card stays within the budget and the CSV keeps the totals', () => {
      const card = renderInsights(largeInsightsView(locale));
      expect(sizeInBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      expect(csvOf(card)).toContain('"2026","total","","","cases","12"');
      expect(visibleTexts(card).some((text) => text.startsWith(t(locale, 'insights.moreUnits', { count: '' }).split(' ')[0]))).toBe(true);
    });
  });
});

describe('the insights notice in the chat', () => {
  it.each(LOCALES)('when asked for (%s), then the notice has one button that opens the insights for this quarter', (locale) => {
    const card = renderNotice({ locale, titleKey: 'notices.insights.title', textKey: 'notices.insights.text', openDialog: { dialog: 'insights', titleKey: 'insights.open', period: 'thisQuarter' } });
    expect(actions(card)).toHaveLength(1);
    expect(actions(card)[0]).toMatchObject({ title: t(locale, 'insights.open'), data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'insights', nav: 'next', period: 'thisQuarter' } } });
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(schemaErrors(card)).toEqual([]);
  });
});
