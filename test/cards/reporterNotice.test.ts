import { LOCALES } from '../../bot/domain/locale';
import { t } from '../../cards/i18n';
import { renderReporterNotice } from '../../cards/reporterNotice';
import type { ReporterNoticeView } from '../../cards/reporterNotice';
import { actions, inputs, visibleTexts } from './cardChecks';
import { CASE_ID, NOTICE_EVENTS, REFERENCE, reporterNoticeView } from './caseCardViews';

describe('renderReporterNotice', () => {
  it('when the decision on a klacht was postponed, then the title says so in plain words', () => {
    expect(t('nl', 'reporter.notice.extended.title')).toBe('De beslissing op je klacht duurt langer');
    expect(t('en', 'reporter.notice.extended.title')).toBe('The decision on your complaint will take longer');
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it.each(NOTICE_EVENTS.filter((event) => event !== 'reassigned'))('when the event is %s, then its short title and text are shown', (event) => {
      const texts = visibleTexts(renderReporterNotice(reporterNoticeView(locale, event, false)));
      expect(texts.slice(0, 2)).toEqual([t(locale, `reporter.notice.${event}.title`), t(locale, `reporter.notice.${event}.text`)]);
    });

    it('when the case was passed on, then the title names the new role, never a person', () => {
      const card = renderReporterNotice(reporterNoticeView(locale, 'reassigned', false));
      expect(visibleTexts(card)[0]).toBe(t(locale, 'reporter.notice.reassigned.title', { role: t(locale, 'roles.vertrouwenspersoon') }));
    });

    it('when the case was passed on and no role is known, then it says someone else handles it now', () => {
      const card = renderReporterNotice({ locale, event: 'reassigned', anonymous: false, reference: REFERENCE, caseId: CASE_ID });
      expect(visibleTexts(card)[0]).toBe(t(locale, 'reporter.notice.reassigned.titleNoRole'));
    });

    it.each(NOTICE_EVENTS)('when a named or confidential reporter gets %s, then the reference is shown and the button opens their messages', (event) => {
      const card = renderReporterNotice(reporterNoticeView(locale, event, false));
      expect(visibleTexts(card)).toContain(REFERENCE);
      expect(actions(card)).toEqual([
        expect.objectContaining({
          type: 'Action.Submit',
          title: t(locale, 'reporter.notice.open'),
          data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'caseMessages', nav: 'next', caseId: CASE_ID } },
        }),
      ]);
    });

    it.each(NOTICE_EVENTS)('when an anonymous reporter gets %s, then neither the reference nor a case id is anywhere in the card, even if handed in', (event) => {
      const view: ReporterNoticeView = { ...reporterNoticeView(locale, event, true), reference: REFERENCE, caseId: CASE_ID };
      const card = renderReporterNotice(view);
      const json = JSON.stringify(card);
      expect(json).not.toContain(REFERENCE);
      expect(json).not.toContain(CASE_ID);
      expect(json).not.toContain('caseId');
      expect(visibleTexts(card)).toContain(t(locale, 'reporter.notice.anonymous'));
      expect(actions(card)).toEqual([
        expect.objectContaining({
          title: t(locale, 'reporter.notice.openAnonymous'),
          data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'anonymousStatus', nav: 'next' } },
        }),
      ]);
    });

    it('when the view is handed a handler message by mistake, then it does not reach the chat', () => {
      const view = { ...reporterNoticeView(locale, 'update', false), text: 'INHOUD-update', message: 'INHOUD-message' } as ReporterNoticeView;
      const card = renderReporterNotice(view);
      expect(JSON.stringify(card)).not.toContain('INHOUD');
      expect(inputs(card)).toEqual([]);
    });

    it('when the decision on a klacht was postponed, then it says so and that the new date and the reason are in the dialog, with neither in the chat', () => {
      const view = { ...reporterNoticeView(locale, 'extended', false), newDue: '20 juni 2025', reason: 'INHOUD-reden' } as ReporterNoticeView;
      const card = renderReporterNotice(view);
      expect(visibleTexts(card).slice(0, 2)).toEqual([t(locale, 'reporter.notice.extended.title'), t(locale, 'reporter.notice.extended.text')]);
      expect(JSON.stringify(card)).not.toMatch(/INHOUD|20 juni/);
    });

    it('when rendered, then it says that what is written about the report never appears in the chat', () => {
      expect(visibleTexts(renderReporterNotice(reporterNoticeView(locale, 'question', false)))).toContain(t(locale, 'reporter.notice.private'));
    });
  });
});
