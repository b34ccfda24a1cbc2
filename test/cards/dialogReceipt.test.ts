import { LOCALES, type Locale } from '../../bot/domain/locale';
import { REQUEST_KINDS } from '../../bot/domain/report';
import { renderDialogReceipt } from '../../cards/dialogReceipt';
import { t } from '../../cards/i18n';
import type { DialogReceiptView } from '../../cards/views';
import { actions, bodyOf, ofType, textIn, vmOf, visibleTexts } from './cardChecks';

const SECRET = 'K7QX-M3TP-9HDA-RW4C';

function receiptView(locale: Locale, overrides: Partial<DialogReceiptView> = {}): DialogReceiptView {
  return {
    locale,
    reference: 'VM-7K3Q-9DX2',
    kind: 'report',
    identity: 'named',
    nextStepBy: locale === 'nl' ? '2 april 2025 om 17:00' : '2 April 2025 at 17:00',
    immediateDanger: false,
    showPoliceAdvice: false,
    duplicate: false,
    ...overrides,
  };
}

describe('renderDialogReceipt', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when a report was received, then the reference, kind and next-step date are shown', () => {
      const view = receiptView(locale);
      const texts = visibleTexts(renderDialogReceipt(view));
      expect(texts).toEqual(expect.arrayContaining(['VM-7K3Q-9DX2', t(locale, 'kinds.report.title'), view.nextStepBy]));
      expect(texts).toContain(t(locale, 'receipt.byWhen', { date: view.nextStepBy }));
    });

    it.each(REQUEST_KINDS)('when the kind is %s and the reporter is named, then the receipt says what happens next for that kind', (kind) => {
      expect(visibleTexts(renderDialogReceipt(receiptView(locale, { kind })))).toContain(t(locale, `kinds.${kind}.next`));
    });

    it.each(['anonymous', 'confidential'] as const)('when a melding is %s, then the receipt says it goes to the Meldpunt, not via the line', (identity) => {
      const texts = visibleTexts(renderDialogReceipt(receiptView(locale, { kind: 'report', identity })));
      expect(texts).toContain(t(locale, 'receipt.nextMeldpunt'));
      expect(texts).not.toContain(t(locale, 'kinds.report.next'));
    });

    it.each(['advice', 'mediation'] as const)('when an anonymous reporter asked for %s, then the receipt does not promise that someone will contact them', (kind) => {
      const texts = visibleTexts(renderDialogReceipt(receiptView(locale, { kind, identity: 'anonymous' })));
      expect(texts).toContain(t(locale, 'receipt.anonymousNoContact'));
      expect(texts).not.toContain(t(locale, `kinds.${kind}.next`));
    });

    it('when anonymous with a secret, then the secret is shown once, as plain monospace text, with the advice to write it down outside Teams', () => {
      const card = renderDialogReceipt(receiptView(locale, { identity: 'anonymous', secret: SECRET }));
      const runs = ofType(card, 'TextRun').filter((run) => run.text === SECRET);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ fontType: 'monospace' });
      expect(JSON.stringify(card).split(SECRET)).toHaveLength(2);
      expect(visibleTexts(card)).toEqual(expect.arrayContaining([t(locale, 'receipt.secretWriteDown'), t(locale, 'receipt.secretOnce')]));
      expect(visibleTexts(card)).toContain(t(locale, 'receipt.identity.anonymous'));
      expect(visibleTexts(card)).toContain(t(locale, 'receipt.byWhenAnonymous', { date: receiptView(locale).nextStepBy }));
    });

    it('when named, then no secret and no secret advice appear', () => {
      const card = renderDialogReceipt(receiptView(locale));
      expect(JSON.stringify(card)).not.toContain(SECRET);
      expect(visibleTexts(card)).not.toContain(t(locale, 'receipt.secretTitle'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'receipt.secretShownBefore'));
      expect(visibleTexts(card)).toContain(t(locale, 'receipt.identity.named'));
    });

    it('when anonymous but the secret is not given (a repeated submit), then the card says it was shown before', () => {
      const card = renderDialogReceipt(receiptView(locale, { identity: 'anonymous', duplicate: true }));
      expect(visibleTexts(card)).toEqual(expect.arrayContaining([t(locale, 'receipt.duplicate'), t(locale, 'receipt.secretShownBefore')]));
      expect(visibleTexts(card)).not.toContain(t(locale, 'receipt.secretTitle'));
    });

    it('when not a duplicate, then the duplicate line is absent', () => {
      expect(visibleTexts(renderDialogReceipt(receiptView(locale)))).not.toContain(t(locale, 'receipt.duplicate'));
    });

    it('when someone is in immediate danger, then the help with 112 comes first', () => {
      const card = renderDialogReceipt(receiptView(locale, { immediateDanger: true }));
      expect(bodyOf(card)[0]).toMatchObject({ type: 'Container', style: 'attention' });
      expect(textIn(bodyOf(card)[0])).toContain('112');
      expect(textIn(renderDialogReceipt(receiptView(locale)))).not.toContain('112');
    });

    it('when the categories call for it, then the Koninklijke Marechaussee advice is shown; otherwise not', () => {
      expect(textIn(renderDialogReceipt(receiptView(locale, { showPoliceAdvice: true })))).toContain(t(locale, 'receipt.police.text'));
      expect(textIn(renderDialogReceipt(receiptView(locale)))).not.toContain(t(locale, 'receipt.police.text'));
      expect(t(locale, 'receipt.police.text')).toContain('Koninklijke Marechaussee');
    });

    it('when rendered, then its one button closes the dialog', () => {
      expect(actions(renderDialogReceipt(receiptView(locale))).map(vmOf)).toEqual([{ dialog: 'wizard', nav: 'close' }]);
    });
  });
});
