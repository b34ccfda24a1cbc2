import { LOCALES } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { renderWelcome } from '../../cards/welcome';
import { actions, visibleTexts } from './cardChecks';

describe('renderWelcome', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when there is no draft, then the buttons are make a report, my reports and anonymous status', () => {
      const card = renderWelcome({ locale, hasDraft: false });
      expect(actions(card).map((a) => [a.type, a.title, a.type === 'Action.Execute' ? a.verb : a.data])).toEqual([
        ['Action.Submit', t(locale, 'common.makeReport'), { msteams: { type: 'task/fetch' }, vm: { dialog: 'wizard', nav: 'next' } }],
        ['Action.Execute', t(locale, 'common.myCases'), 'showMyCases'],
        ['Action.Submit', t(locale, 'common.anonymousStatus'), { msteams: { type: 'task/fetch' }, vm: { dialog: 'anonymousStatus', nav: 'next' } }],
      ]);
    });

    it('when there is a draft, then the first button continues it instead, and the card says the answers were kept', () => {
      const card = renderWelcome({ locale, hasDraft: true });
      expect(actions(card)[0]).toMatchObject({ title: t(locale, 'common.continueDraft'), data: { vm: { dialog: 'wizard', nav: 'next' } } });
      expect(actions(card).map((a) => a.title)).not.toContain(t(locale, 'common.makeReport'));
      expect(visibleTexts(card)).toContain(t(locale, 'welcome.draft'));
      expect(visibleTexts(renderWelcome({ locale, hasDraft: false }))).not.toContain(t(locale, 'welcome.draft'));
    });

    it('when shown, then it says reports never appear in the chat, and to call 112 in danger', () => {
      const texts = visibleTexts(renderWelcome({ locale, hasDraft: false }));
      expect(texts).toEqual(expect.arrayContaining([t(locale, 'welcome.intro'), t(locale, 'welcome.private'), t(locale, 'welcome.danger')]));
      expect(t(locale, 'welcome.danger')).toContain('112');
    });
  });
});
