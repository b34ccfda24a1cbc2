import { LOCALES } from '../../bot/domain/locale';
import { renderDangerHelp } from '../../cards/dangerHelp';
import { t } from '../../cards/i18n';
import { actions, bodyOf, textIn, vmOf } from './cardChecks';

describe('renderDangerHelp', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    const card = renderDangerHelp({ locale, draftId: 'draft-6f1c2a9e' });

    it('when shown, then calling 112 is the first advice, in the highlighted block', () => {
      expect(bodyOf(card)[0]).toMatchObject({ type: 'Container', style: 'attention' });
      expect(textIn(bodyOf(card)[0])).toContain(t(locale, 'dangerHelp.emergency'));
      expect(t(locale, 'dangerHelp.emergency')).toContain('112');
    });

    it('when shown, then it names the Koninklijke Marechaussee, the duty officer, BMW, chaplaincy and the vertrouwenspersoon', () => {
      const text = textIn(card);
      for (const key of ['marechaussee', 'dutyOfficer', 'bmw', 'chaplaincy', 'counsellor', 'doctor'] as const) {
        expect(text).toContain(t(locale, `dangerHelp.${key}`));
      }
    });

    it('when shown, then no phone number other than 112 appears', () => {
      const numbers = textIn(card).match(/\d(?:[\d\s-]*\d)?/g) ?? [];
      expect(numbers.map((n) => n.trim())).toEqual(['112']);
    });

    it('when shown, then the reporter can continue the draft where it was (no answers sent) or stop, both for this draft', () => {
      expect(actions(card).map(vmOf)).toEqual([
        { dialog: 'wizard', nav: 'resume', draftId: 'draft-6f1c2a9e' },
        { dialog: 'wizard', nav: 'stop', draftId: 'draft-6f1c2a9e' },
      ]);
    });
  });
});
