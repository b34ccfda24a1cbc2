import { LOCALES } from '../../bot/domain/locale';
import { renderAuditExport } from '../../cards/auditExport';
import { CARD_BUDGET_BYTES } from '../../cards/cardBudget';
import { formatDateTime, t } from '../../cards/i18n';
import { renderNotice } from '../../cards/notice';
import { actions, adaptiveCardsProblems, allObjects, schemaErrors, sizeInBytes, vmOf, visibleTexts } from './cardChecks';
import { AUDIT_REFERENCE, auditExportView, manyAuditLines, SOME_AUDIT_LINES } from './auditExportCardViews';

/** The CSV block's text (the one monospace run). */
function csvOf(card: object): string {
  const run = allObjects(card).find((node) => node.type === 'TextRun' && node.fontType === 'monospace');
  return String(run?.text ?? '');
}

describe('renderAuditExport', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when a handled case is shown, then each event is a line with its time, who (role and staff name) and the history label', () => {
      const card = renderAuditExport(auditExportView(locale));
      const texts = visibleTexts(card);
      expect(texts).toContain(t(locale, 'auditExport.title', { reference: AUDIT_REFERENCE }));
      expect(texts).toEqual(
        expect.arrayContaining([
          formatDateTime('2026-11-30T10:15:00.000Z', locale),
          `${t(locale, 'auditExport.roles.handler')}: Fatima El Amrani`,
          t(locale, 'history.content_opened'),
          t(locale, 'auditExport.roles.reporter'),
          t(locale, 'history.submitted'),
          t(locale, 'auditExport.roles.system'),
          t(locale, 'history.audit_exported'),
        ]),
      );
      // An event the labels do not know reads "other event", never its raw code.
      expect(texts).toContain(t(locale, 'history.other'));
      expect(texts).not.toContain('some_future_event');
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
    });

    it('when the CSV is read, then it has a header and one quoted row per event, and a name cannot run as a formula', () => {
      const lines = csvOf(renderAuditExport(auditExportView(locale))).split('\n');
      expect(lines[0]).toBe('"at","actorRole","actorName","action","description"');
      expect(lines).toHaveLength(SOME_AUDIT_LINES.length + 1);
      expect(lines[4]).toBe(`"2026-11-30T10:15:00.000Z","handler","Fatima El Amrani","content_opened","${t(locale, 'history.content_opened')}"`);
      expect(lines[6]).toBe(`"2026-12-01T08:00:00.000Z","coordinator","'=HYPERLINK(""x"") ""Anouk""","reassigned","${t(locale, 'history.reassigned')}"`);
    });

    it('when the seals were checked, then an intact record says so quietly and an altered one says so in red with the counts', () => {
      const intact = renderAuditExport({ ...auditExportView(locale), integrity: { unsealed: 0, missing: 0 } });
      const altered = renderAuditExport({ ...auditExportView(locale), integrity: { unsealed: 2, missing: 1 } });
      for (const card of [intact, altered]) {
        expect(adaptiveCardsProblems(card)).toEqual([]);
        expect(schemaErrors(card)).toEqual([]);
      }
      const intactLine = allObjects(intact).find((node) => node.text === t(locale, 'auditExport.intact', { count: String(SOME_AUDIT_LINES.length) }));
      expect(intactLine?.color).toBe('good');
      const alteredLine = allObjects(altered).find((node) => node.text === t(locale, 'auditExport.tampered', { changed: '2', missing: '1' }));
      expect(alteredLine?.color).toBe('attention');
    });

    it('when nothing was recorded, then it says so and shows no CSV', () => {
      const card = renderAuditExport(auditExportView(locale, { lines: [] }));
      expect(visibleTexts(card)).toContain(t(locale, 'auditExport.none'));
      expect(csvOf(card)).toBe('');
    });

    it('when there are more events than fit, then the card stays within the budget, keeps the oldest and says how many it shows', () => {
      const card = renderAuditExport(auditExportView(locale, { lines: manyAuditLines(400) }));
      expect(sizeInBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      const rows = csvOf(card).split('\n').slice(1);
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.length).toBeLessThan(400);
      expect(rows[0]).toContain('nummer 0"');
      expect(visibleTexts(card).some((text) => text.startsWith(t(locale, 'auditExport.more', { count: '' }).split(' ')[0]))).toBe(true);
    });

    it('when the dialog is closed, then its only button sends the audit dialog\'s close', () => {
      expect(actions(renderAuditExport(auditExportView(locale))).map((action) => vmOf(action))).toEqual([{ dialog: 'auditExport', nav: 'close' }]);
    });
  });
});

describe('the audit notice in the chat', () => {
  it.each(LOCALES)('when a reference is asked for (%s), then the notice carries the reference and one button that opens the audit dialog for it', (locale) => {
    const card = renderNotice({ locale, titleKey: 'notices.auditExport.title', textKey: 'notices.auditExport.text', params: { reference: AUDIT_REFERENCE }, openDialog: { dialog: 'auditExport', titleKey: 'auditExport.open', reference: AUDIT_REFERENCE } });
    expect(actions(card)).toHaveLength(1);
    expect(actions(card)[0]).toMatchObject({ title: t(locale, 'auditExport.open'), data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'auditExport', nav: 'next', reference: AUDIT_REFERENCE } } });
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(schemaErrors(card)).toEqual([]);
  });

  it('when another notice opens a dialog without a reference, then its button carries none', () => {
    const card = renderNotice({ locale: 'nl', titleKey: 'notices.handover.title', textKey: 'notices.handover.text', openDialog: { dialog: 'handover', titleKey: 'handover.open' } });
    expect(actions(card).map((action) => vmOf(action))).toEqual([{ dialog: 'handover', nav: 'next' }]);
  });
});
