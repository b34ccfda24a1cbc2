import { LOCALES } from '../../bot/domain/locale';
import { renderCoordinatorDigest } from '../../cards/coordinatorDigest';
import { formatNumber, t } from '../../cards/i18n';
import type { AdaptiveCard } from '../../cards/renderCard';
import { CARD_BUDGET_BYTES } from '../../cards/cardBudget';
import type { AgendaCoverageLine, CoordinatorDigestView } from '../../cards/coordinatorDigest';
import { adaptiveCardsProblems, allObjects, inputs, MAX_CARD_BYTES, ofType, schemaErrors, sizeInBytes, visibleTexts } from './cardChecks';
import { digestView, manyUnits, MOST_UNITS, SOME_UNITS, TAB_URL, WEEK } from './deadlineCardViews';

interface Cell {
  items: { text: string; color?: string; weight?: string }[];
}

/** The table's rows as the texts of their cells, header first. */
function rows(card: AdaptiveCard): string[][] {
  const table = ofType(card, 'Table');
  expect(table).toHaveLength(1);
  return (table[0].rows as { cells: Cell[] }[]).map((row) => row.cells.map((cell) => cell.items.map((item) => item.text).join('')));
}

/** The text block of the overdue count in each unit row. */
function overdueBlocks(card: AdaptiveCard): Cell['items'][number][] {
  const table = ofType(card, 'Table')[0];
  return (table.rows as { cells: Cell[] }[]).slice(1).map((row) => {
    expect(row.cells[3].items).toHaveLength(1);
    return row.cells[3].items[0];
  });
}

const AGENDA: AgendaCoverageLine[] = [
  { unitName: '11 Luchtmobiele Brigade', teams: 12, postedPct: 92, discussedPct: 75, skippedPct: 8, openActions: 4, lateActions: 0 },
  { unitName: 'Commando Zeestrijdkrachten', teams: 1250, postedPct: 100, discussedPct: 60, skippedPct: 33, openActions: 2400, lateActions: 17 },
];

/** `count` units' agenda lines with long names and large numbers. */
function manyAgendaLines(count: number): AgendaCoverageLine[] {
  return manyUnits(count).map((unit, i) => ({ unitName: unit.unitName, teams: 1000 + i, postedPct: 100, discussedPct: 88, skippedPct: 12, openActions: 1000 + i, lateActions: 1000 + i }));
}

/** The agenda section: the container that starts with its title. */
function agendaTexts(card: AdaptiveCard, locale: 'nl' | 'en'): string[] {
  const texts = visibleTexts(card);
  const start = texts.indexOf(t(locale, 'digest.agenda.title'));
  return start < 0 ? [] : texts.slice(start, texts.indexOf(t(locale, 'digest.countsOnly')));
}

describe('renderCoordinatorDigest', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when there are units, then the table has a header and one row per unit with its counts', () => {
      const card = renderCoordinatorDigest(digestView(locale));
      // Fewer than five cases show as "<5" (DOMAIN.md), so a small unit's few cases do not point at people.
      const n = (value: number) => (value < 5 ? '<5' : formatNumber(value, locale));
      expect(rows(card)).toEqual([
        [t(locale, 'digest.unit'), t(locale, 'digest.open'), t(locale, 'digest.dueThisWeek'), t(locale, 'digest.overdue')],
        ...SOME_UNITS.map((unit) => [unit.unitName, n(unit.open), n(unit.dueThisWeek), n(unit.overdue)]),
      ]);
      expect(rows(card).flat()).toContain('<5');
      expect(ofType(card, 'Table')[0]).toMatchObject({ firstRowAsHeader: true });
      expect(rows(card)[3][1]).toBe(locale === 'nl' ? '1.250' : '1,250');
    });

    it('when a unit has passed deadlines, then that count is in the attention colour (shown as "<5" below five); none is not', () => {
      const blocks = overdueBlocks(renderCoordinatorDigest(digestView(locale)));
      expect(blocks.map((block) => [block.text, block.color])).toEqual([
        ['<5', undefined],
        ['<5', undefined],
        ['<5', 'attention'],
      ]);
    });

    it('when rendered, then it names the week and says it shows counts only, never content', () => {
      const texts = visibleTexts(renderCoordinatorDigest(digestView(locale)));
      expect(texts.slice(0, 2)).toEqual([t(locale, 'digest.title'), t(locale, 'digest.week', { week: WEEK })]);
      expect(texts).toContain(t(locale, 'digest.countsOnly'));
    });

    it('when there is no tab, then there is no button; with a tab, one button opens it', () => {
      const without = renderCoordinatorDigest(digestView(locale));
      expect(without.actions ?? []).toEqual([]);
      expect(allObjects(without).filter((item) => typeof item.type === 'string' && item.type.startsWith('Action.'))).toEqual([]);
      const withTab = renderCoordinatorDigest(digestView(locale, { tabUrl: TAB_URL }));
      expect(withTab.actions).toEqual([{ type: 'Action.OpenUrl', title: t(locale, 'digest.view'), url: TAB_URL }]);
    });

    it('when there are no units, then it says there are no open cases and shows no table', () => {
      const card = renderCoordinatorDigest(digestView(locale, { units: [] }));
      expect(ofType(card, 'Table')).toEqual([]);
      expect(visibleTexts(card)).toContain(t(locale, 'digest.empty'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'digest.intro'));
    });

    it('when there are units, then it does not say there are none', () => {
      expect(visibleTexts(renderCoordinatorDigest(digestView(locale)))).not.toContain(t(locale, 'digest.empty'));
    });

    it(`when a coordinator has ${MOST_UNITS} units with long names, then every unit has its row and the card stays under the Teams limit`, () => {
      const card = renderCoordinatorDigest(digestView(locale, { units: manyUnits(MOST_UNITS), tabUrl: TAB_URL }));
      expect(rows(card)).toHaveLength(MOST_UNITS + 1);
      expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('when the view is handed case content by mistake, then none of it reaches the chat, and there are no inputs', () => {
      const view = { ...digestView(locale), cases: [{ reference: 'VM-INHOUD', description: 'INHOUD-beschrijving' }] } as CoordinatorDigestView;
      const card = renderCoordinatorDigest(view);
      expect(JSON.stringify(card)).not.toContain('INHOUD');
      expect(inputs(card)).toEqual([]);
    });
  });

  describe.each(LOCALES)('with team-meeting agenda lines, in %s', (locale) => {
    const n = (value: number) => formatNumber(value, locale);
    const pct = (value: number) => t(locale, 'digest.agenda.percent', { value: n(value) });

    it.each([
      ['without agenda', digestView(locale)],
      ['with an empty agenda', digestView(locale, { agenda: [] })],
      ['with agenda lines', digestView(locale, { agenda: AGENDA })],
      ['with agenda lines and no units', digestView(locale, { agenda: AGENDA, units: [] })],
    ])('when %s, then the Adaptive Cards library and the 1.5 schema accept it', (_name, view) => {
      const card = renderCoordinatorDigest(view);
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      expect(card).toMatchObject({ version: '1.5', lang: locale });
      expect(JSON.stringify(card)).not.toContain('${');
    });

    it('when there are no agenda lines, then there is no agenda section', () => {
      expect(agendaTexts(renderCoordinatorDigest(digestView(locale)), locale)).toEqual([]);
      expect(agendaTexts(renderCoordinatorDigest(digestView(locale, { agenda: [] })), locale)).toEqual([]);
    });

    it('when there are agenda lines, then a second section lists per unit the teams, the shares posted, discussed and skipped, and the open and late actions', () => {
      const card = renderCoordinatorDigest(digestView(locale, { agenda: AGENDA }));
      expect(agendaTexts(card, locale)).toEqual([
        t(locale, 'digest.agenda.title'),
        t(locale, 'digest.agenda.intro'),
        ...AGENDA.flatMap((line) => [
          line.unitName,
          t(locale, 'digest.agenda.coverage', { teams: n(line.teams), posted: pct(line.postedPct), discussed: pct(line.discussedPct), skipped: pct(line.skippedPct) }),
          t(locale, 'digest.agenda.actions', { open: n(line.openActions), late: n(line.lateActions) }),
        ]),
      ]);
      expect(t('nl', 'digest.agenda.title')).toBe('Werkoverleg: veiligheid op de agenda');
      expect(ofType(card, 'Table')).toHaveLength(1);
      expect(rows(card)).toHaveLength(SOME_UNITS.length + 1);
    });

    it('when a unit has late actions, then its actions line is in the attention colour; without late actions it is not', () => {
      const card = renderCoordinatorDigest(digestView(locale, { agenda: AGENDA, units: [] }));
      expect(allObjects(card).filter((item) => item.color === 'attention').map((item) => item.text)).toEqual([t(locale, 'digest.agenda.actions', { open: n(2400), late: n(17) })]);
    });

    it(`when ${MOST_UNITS} units with long names have agenda lines too, then the card stays within the budget and says how many units it left out`, () => {
      const agenda = manyAgendaLines(MOST_UNITS);
      const card = renderCoordinatorDigest(digestView(locale, { units: manyUnits(MOST_UNITS), agenda, tabUrl: TAB_URL }));
      expect(sizeInBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expect(rows(card)).toHaveLength(MOST_UNITS + 1);
      const shown = agendaTexts(card, locale).filter((text) => agenda.some((line) => line.unitName === text)).length;
      expect(shown).toBeLessThan(MOST_UNITS);
      expect(visibleTexts(card)).toContain(t(locale, 'digest.agenda.more', { count: n(MOST_UNITS - shown) }));
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
    });

    it('when all agenda lines fit, then none is said to be left out', () => {
      const card = renderCoordinatorDigest(digestView(locale, { agenda: manyAgendaLines(5) }));
      expect(visibleTexts(card).some((text) => text === t(locale, 'digest.agenda.more', { count: n(0) }))).toBe(false);
      expect(agendaTexts(card, locale)).toHaveLength(2 + 5 * 3);
    });
  });

  it('when the Dutch digest has no units, then it says "Geen open meldingen"', () => {
    expect(t('nl', 'digest.empty')).toBe('Geen open meldingen');
  });
});
