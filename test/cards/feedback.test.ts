import { LOCALES } from '../../bot/domain/locale';
import { renderFeedback } from '../../cards/feedback';
import { t } from '../../cards/i18n';
import { actions, elementAfterInput, inputs, visibleTexts } from './cardChecks';
import { CASE_ID, feedbackView, REFERENCE } from './caseCardViews';

describe('renderFeedback', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when asked, then it has the two questions with the choices "1".."5", 1 = not at all and 5 = very much', () => {
      const card = renderFeedback(feedbackView(locale));
      expect(inputs(card).map((input) => [input.type, input.id, input.label])).toEqual([
        ['Input.ChoiceSet', 'takenSeriously', t(locale, 'feedback.takenSeriously')],
        ['Input.ChoiceSet', 'wouldReportAgain', t(locale, 'feedback.wouldReportAgain')],
      ]);
      for (const input of inputs(card)) {
        expect(input.choices).toEqual(['1', '2', '3', '4', '5'].map((value, i) => ({ value, title: t(locale, `feedback.choice${(i + 1) as 1 | 2 | 3 | 4 | 5}`) })));
        expect(input.isRequired).toBeUndefined();
      }
    });

    it('when asked, then it names the report and says the questions are optional and not shown to the handler', () => {
      const texts = visibleTexts(renderFeedback(feedbackView(locale)));
      expect(texts).toEqual(expect.arrayContaining([t(locale, 'feedback.intro', { reference: REFERENCE }), t(locale, 'feedback.optional')]));
    });

    it('when asked, then Send uses the giveFeedback verb with the case id', () => {
      expect(actions(renderFeedback(feedbackView(locale)))).toEqual([
        { type: 'Action.Execute', title: t(locale, 'feedback.send'), style: 'positive', verb: 'giveFeedback', data: { caseId: CASE_ID } },
      ]);
    });

    it('when an answer has an error, then it is shown in red right under that question', () => {
      const card = renderFeedback(feedbackView(locale, { errors: { takenSeriously: 'pickOneToFive' } }));
      expect(elementAfterInput(card, 'takenSeriously')).toMatchObject({ type: 'TextBlock', color: 'attention', text: t(locale, 'validation.pickOneToFive') });
      expect(elementAfterInput(card, 'wouldReportAgain')?.color).toBeUndefined();
    });

    it('when answered, then it thanks the reporter, with no inputs and no buttons', () => {
      const card = renderFeedback(feedbackView(locale, { answered: true }));
      expect(inputs(card)).toEqual([]);
      expect(actions(card)).toEqual([]);
      expect(visibleTexts(card)).toEqual([t(locale, 'feedback.thanksTitle'), t(locale, 'feedback.thanks'), t(locale, 'feedback.support')]);
    });
  });
});
