import { LOCALES } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { renderWithdraw } from '../../cards/withdraw';
import { actions, inputs, vmOf, visibleTexts } from './cardChecks';
import { CASE_ID, REFERENCE, SECRET, withdrawView } from './caseCardViews';

describe('renderWithdraw', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when asked, then it explains what withdrawing means and where to get help when in doubt', () => {
      const texts = visibleTexts(renderWithdraw(withdrawView(locale, false)));
      expect(texts).toEqual(
        expect.arrayContaining([
          t(locale, 'reporter.withdraw.title'),
          `- ${t(locale, 'reporter.withdraw.closed')}`,
          `- ${t(locale, 'reporter.withdraw.handlerTold')}`,
          `- ${t(locale, 'reporter.withdraw.again')}`,
          t(locale, 'reporter.withdraw.doubt'),
        ]),
      );
    });

    it('when the reporter is named, then confirm and cancel carry the case id and reference', () => {
      const card = renderWithdraw(withdrawView(locale, false));
      expect(inputs(card)).toEqual([]);
      expect(actions(card).map((action) => [action.title, action.style, vmOf(action)])).toEqual([
        [t(locale, 'reporter.withdraw.confirm'), 'destructive', { dialog: 'caseWithdraw', nav: 'submit', caseId: CASE_ID, reference: REFERENCE }],
        [t(locale, 'reporter.withdraw.cancel'), undefined, { dialog: 'caseWithdraw', nav: 'close', caseId: CASE_ID, reference: REFERENCE }],
      ]);
    });

    it('when the reporter is anonymous, then the buttons carry reference and secret, and no case id', () => {
      const card = renderWithdraw(withdrawView(locale, true));
      expect(actions(card).map(vmOf)).toEqual([
        { dialog: 'caseWithdraw', nav: 'submit', reference: REFERENCE, secret: SECRET },
        { dialog: 'caseWithdraw', nav: 'close', reference: REFERENCE, secret: SECRET },
      ]);
      expect(JSON.stringify(card)).not.toContain('caseId');
    });
  });
});
