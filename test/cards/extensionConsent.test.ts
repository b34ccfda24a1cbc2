import { LOCALES } from '../../bot/domain/locale';
import { renderExtensionConsent } from '../../cards/extensionConsent';
import { t } from '../../cards/i18n';
import type { ExtensionConsentView } from '../../cards/extensionConsent';
import { actions, allObjects, inputs, visibleTexts } from './cardChecks';
import { CASE_ID, REFERENCE } from './caseCardViews';
import { extensionConsentView } from './deadlineCardViews';

describe('renderExtensionConsent', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when asked, then it names the reference and the proposed date, says consent is needed and may be refused, and that the reason is in the dialog', () => {
      const texts = visibleTexts(renderExtensionConsent(extensionConsentView(locale)));
      expect(texts).toEqual([
        t(locale, 'extensionConsent.title'),
        t(locale, 'extensionConsent.reference'),
        REFERENCE,
        t(locale, 'extensionConsent.request', { due: '20 juni 2025' }),
        t(locale, 'extensionConsent.consent'),
        t(locale, 'extensionConsent.reason'),
        t(locale, 'extensionConsent.private'),
      ]);
      expect(t(locale, 'extensionConsent.consent')).toMatch(locale === 'nl' ? /instemt.*nee zeggen.*zonder gevolgen/ : /agree.*say no.*without consequences/);
    });

    it('when asked, then it has exactly Read the reason and the two consent buttons, neither styled to steer the answer', () => {
      const card = renderExtensionConsent(extensionConsentView(locale));
      expect(actions(card)).toEqual([
        {
          type: 'Action.Submit',
          title: t(locale, 'extensionConsent.read'),
          data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'caseMessages', nav: 'next', caseId: CASE_ID } },
        },
        { type: 'Action.Execute', title: t(locale, 'extensionConsent.yes'), verb: 'consentExtension', data: { caseId: CASE_ID, consent: 'yes' } },
        { type: 'Action.Execute', title: t(locale, 'extensionConsent.no'), verb: 'consentExtension', data: { caseId: CASE_ID, consent: 'no' } },
      ]);
      expect(inputs(card)).toEqual([]);
    });

    it('when the proposed date is an ISO date, then it is shown in words', () => {
      const texts = visibleTexts(renderExtensionConsent(extensionConsentView(locale, { proposedDue: '2025-06-20' })));
      expect(texts).toContain(t(locale, 'extensionConsent.request', { due: locale === 'nl' ? '20 juni 2025' : '20 June 2025' }));
    });

    it.each([
      ['yes', 'extensionConsent.answeredYes'],
      ['no', 'extensionConsent.answeredNo'],
    ] as const)('when answered %s, then the buttons are gone and one line confirms the answer', (answered, key) => {
      const card = renderExtensionConsent(extensionConsentView(locale, { answered }));
      expect(actions(card)).toEqual([]);
      expect(allObjects(card).filter((item) => item.type === 'Action.OpenUrl')).toEqual([]);
      const texts = visibleTexts(card);
      expect(texts).toContain(t(locale, key, { due: '20 juni 2025' }));
      const other = answered === 'yes' ? 'extensionConsent.answeredNo' : 'extensionConsent.answeredYes';
      expect(texts).not.toContain(t(locale, other, { due: '20 juni 2025' }));
      expect(texts).not.toContain(t(locale, 'extensionConsent.consent'));
    });

    it('when the proposed date is missing, then no sentence has a gap where the date would be', () => {
      const open = visibleTexts(renderExtensionConsent(extensionConsentView(locale, { proposedDue: '' })));
      expect(open).toContain(t(locale, 'extensionConsent.requestNoDate'));
      const yes = visibleTexts(renderExtensionConsent(extensionConsentView(locale, { proposedDue: ' ', answered: 'yes' })));
      expect(yes).toContain(t(locale, 'extensionConsent.answeredYesNoDate'));
      for (const text of [...open, ...yes]) expect(text).not.toMatch(/\{due\}| [.,]|(op|by|tot|until) ?\.$/);
    });

    it('when the view is handed the reason or other content by mistake, then none of it reaches the chat', () => {
      const view = { ...extensionConsentView(locale), reason: 'INHOUD-reden', message: 'INHOUD-bericht', days: 21 } as ExtensionConsentView;
      const json = JSON.stringify(renderExtensionConsent(view));
      expect(json).not.toContain('INHOUD');
      expect(json).not.toContain('21');
    });
  });
});
