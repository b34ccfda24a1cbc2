import { LOCALES } from '../../bot/domain/locale';
import { renderDangerHelp } from '../../cards/dangerHelp';
import { t } from '../../cards/i18n';
import { actions, bodyOf, textIn, vmOf, visibleTexts } from './cardChecks';
import { DEMO_HELP } from './cardViews';

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

    it('when the organisation has a help file, then the emergency number comes first and every other way to get help is listed once, with its number or link', () => {
      const configured = renderDangerHelp({ locale, draftId: 'draft-6f1c2a9e', help: DEMO_HELP });
      expect(textIn(bodyOf(configured)[0])).toContain(DEMO_HELP[0].text[locale]);
      const lines = visibleTexts(configured);
      for (const contact of DEMO_HELP.slice(1)) {
        const line = lines.filter((text) => text.includes(contact.name[locale]));
        expect(line).toHaveLength(1);
        expect(line[0]).toContain(contact.text[locale]);
        if (contact.phone) expect(line[0]).toContain(t(locale, 'dangerHelp.call', { phone: contact.phone }));
        if (contact.url) expect(line[0]).toContain(`(${contact.url})`);
      }
    });

    it('when shown, then the reporter can continue the draft where it was (no answers sent) or stop, both for this draft', () => {
      expect(actions(card).map(vmOf)).toEqual([
        { dialog: 'wizard', nav: 'resume', draftId: 'draft-6f1c2a9e' },
        { dialog: 'wizard', nav: 'stop', draftId: 'draft-6f1c2a9e' },
      ]);
    });
  });
});
