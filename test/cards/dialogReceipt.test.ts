import { LOCALES, type Locale } from '../../bot/domain/locale';
import { CLOCK_KINDS } from '../../bot/domain/deadlines/deadlinePolicies';
import { renderDialogReceipt } from '../../cards/dialogReceipt';
import { t } from '../../cards/i18n';
import { HANDLER_ROLES } from '../../bot/domain/chooseRoute';
import type { DialogReceiptView } from '../../cards/dialogReceipt';
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
    route: 'line_manager',
    nextDeadline: { clock: 'acknowledge', due: locale === 'nl' ? '2 april 2025 om 17:00' : '2 April 2025 at 17:00' },
    ...overrides,
  };
}

describe('renderDialogReceipt', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when a report was received, then the reference, kind, route and next-step date are shown', () => {
      const view = receiptView(locale);
      const texts = visibleTexts(renderDialogReceipt(view));
      expect(texts).toEqual(expect.arrayContaining(['VM-7K3Q-9DX2', t(locale, 'kinds.report.title'), t(locale, 'receipt.routeShort.line_manager'), view.nextStepBy]));
      expect(texts).toContain(t(locale, 'receipt.deadline.acknowledge', { date: view.nextStepBy }));
    });

    it.each(HANDLER_ROLES)('when the report went to %s, then the receipt says so in the reporter\'s words, and only that route', (route) => {
      const texts = visibleTexts(renderDialogReceipt(receiptView(locale, { route })));
      expect(texts).toContain(t(locale, `receipt.route.${route}`));
      for (const other of HANDLER_ROLES.filter((role) => role !== route)) expect(texts).not.toContain(t(locale, `receipt.route.${other}`));
      // Never both the line's and the Meldpunt's timelines.
      expect(texts).not.toContain(t(locale, 'kinds.report.next'));
    });

    it.each(CLOCK_KINDS)('when the next deadline is %s, then exactly that one deadline is stated', (clock) => {
      const texts = visibleTexts(renderDialogReceipt(receiptView(locale, { nextDeadline: { clock, due: 'D-DAY' } })));
      const deadlines = CLOCK_KINDS.filter((kind) => texts.includes(t(locale, `receipt.deadline.${kind}`, { date: 'D-DAY' })));
      expect(deadlines).toEqual([clock]);
    });

    it('when a counsellor handles a confidential request, then the texts about who contacts you and who knows your name agree', () => {
      const texts = visibleTexts(renderDialogReceipt(receiptView(locale, { kind: 'advice', identity: 'confidential', route: 'vertrouwenspersoon', nextDeadline: { clock: 'contact', due: 'D' } })));
      expect(texts).toContain(t(locale, 'receipt.identity.confidential'));
      expect(texts).toContain(t(locale, 'receipt.deadline.contact', { date: 'D' }));
      // Nothing says that only the Meldpunt knows who you are while a counsellor contacts you.
      expect(texts.join(' ')).not.toMatch(/Alleen het Meldpunt|Only the Meldpunt/);
    });

    it('when anonymous, then the receipt says messages are read with reference and secret code', () => {
      const texts = visibleTexts(renderDialogReceipt(receiptView(locale, { kind: 'advice', identity: 'anonymous', route: 'vertrouwenspersoon' })));
      expect(texts).toContain(t(locale, 'receipt.anonymousCheck'));
      expect(visibleTexts(renderDialogReceipt(receiptView(locale)))).not.toContain(t(locale, 'receipt.anonymousCheck'));
    });

    it('when anonymous with a secret, then the secret is shown once, as plain monospace text, with the advice to write it down outside Teams', () => {
      const card = renderDialogReceipt(receiptView(locale, { identity: 'anonymous', secret: SECRET }));
      const runs = ofType(card, 'TextRun').filter((run) => run.text === SECRET);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ fontType: 'monospace' });
      expect(JSON.stringify(card).split(SECRET)).toHaveLength(2);
      expect(visibleTexts(card)).toEqual(expect.arrayContaining([t(locale, 'receipt.secretWriteDown'), t(locale, 'receipt.secretOnce')]));
      expect(visibleTexts(card)).toContain(t(locale, 'receipt.identity.anonymous'));
      expect(visibleTexts(card)).toContain(t(locale, 'receipt.anonymousCheck'));
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
