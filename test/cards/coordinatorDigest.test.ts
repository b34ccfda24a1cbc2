import { LOCALES } from '../../bot/domain/locale';
import { renderCoordinatorDigest } from '../../cards/coordinatorDigest';
import { formatNumber, t } from '../../cards/i18n';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { CoordinatorDigestView } from '../../cards/views';
import { allObjects, inputs, MAX_CARD_BYTES, ofType, sizeInBytes, visibleTexts } from './cardChecks';
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

describe('renderCoordinatorDigest', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when there are units, then the table has a header and one row per unit with its counts', () => {
      const card = renderCoordinatorDigest(digestView(locale));
      const n = (value: number) => formatNumber(value, locale);
      expect(rows(card)).toEqual([
        [t(locale, 'digest.unit'), t(locale, 'digest.open'), t(locale, 'digest.dueThisWeek'), t(locale, 'digest.overdue')],
        ...SOME_UNITS.map((unit) => [unit.unitName, n(unit.open), n(unit.dueThisWeek), n(unit.overdue)]),
      ]);
      expect(ofType(card, 'Table')[0]).toMatchObject({ firstRowAsHeader: true });
      expect(rows(card)[3][1]).toBe(locale === 'nl' ? '1.250' : '1,250');
    });

    it('when a unit has passed deadlines, then that count is in the attention colour; a zero is not', () => {
      const blocks = overdueBlocks(renderCoordinatorDigest(digestView(locale)));
      expect(blocks.map((block) => [block.text, block.color])).toEqual([
        ['0', undefined],
        ['0', undefined],
        ['2', 'attention'],
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

  it('when the Dutch digest has no units, then it says "Geen open meldingen"', () => {
    expect(t('nl', 'digest.empty')).toBe('Geen open meldingen');
  });
});
