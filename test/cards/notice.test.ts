import { LOCALES } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { renderNotice } from '../../cards/notice';
import { actions, ofType, visibleTexts } from './cardChecks';

describe('renderNotice', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(['draftKept', 'draftDeleted', 'nothingFound', 'notInChat', 'usePersonalChat'] as const)('when the notice is %s, then its title and text are shown', (name) => {
      const card = renderNotice({ locale, titleKey: `notices.${name}.title`, textKey: `notices.${name}.text` });
      expect(visibleTexts(card)).toEqual([t(locale, `notices.${name}.title`), t(locale, `notices.${name}.text`)]);
    });

    it('when a report is offered, then the make-a-report button opens the wizard; otherwise there is no button', () => {
      const offered = renderNotice({ locale, titleKey: 'notices.draftKept.title', textKey: 'notices.draftKept.text', offerReport: true });
      expect(actions(offered)).toEqual([
        expect.objectContaining({ title: t(locale, 'common.makeReport'), data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'wizard', nav: 'next' } } }),
      ]);
      expect(actions(renderNotice({ locale, titleKey: 'notices.draftKept.title', textKey: 'notices.draftKept.text' }))).toEqual([]);
    });

    it('when the text has parameters, then they are filled in, in a text run where markdown is not applied', () => {
      const card = renderNotice({ locale, titleKey: 'errors.title', textKey: 'errors.correlation', params: { id: '[x](https://example.org)' } });
      expect(ofType(card, 'TextRun').map((run) => run.text)).toEqual([t(locale, 'errors.correlation', { id: '[x](https://example.org)' })]);
    });

    it('when the keys are unknown, then the app name is the title and no raw key is shown', () => {
      const card = renderNotice({ locale, titleKey: 'notices.nope.title', textKey: 'notices.nope.text' });
      expect(visibleTexts(card)).toEqual([t(locale, 'common.appName')]);
      expect(JSON.stringify(card)).not.toContain('notices.nope');
    });
  });
});
