import { LOCALES, type Locale } from '../../bot/domain/locale';
import type { ReportAnswers } from '../../bot/domain/report';
import { t } from '../../cards/i18n';
import type { WizardReviewView } from '../../cards/wizardReview';
import { renderWizardReview } from '../../cards/wizardReview';
import { actions, bodyOf, inputs, ofType, textIn, vmOf, visibleTexts } from './cardChecks';
import { DRAFT_ID, FULL_ANSWERS, INPUT_STEPS, SUBMISSION_ID } from './cardViews';

function reviewView(locale: Locale, answers: ReportAnswers, error?: WizardReviewView['error']): WizardReviewView {
  return { locale, draftId: DRAFT_ID, submissionId: SUBMISSION_ID, stepNumber: 7, totalSteps: 7, answers, error };
}

/** The text runs (plain text, no markdown) of the card. */
function textRuns(card: object): string[] {
  return ofType(card, 'TextRun').map((run) => run.text as string);
}

describe('renderWizardReview', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when rendered, then it has no inputs and shows step 7 of 7', () => {
      const card = renderWizardReview(reviewView(locale, FULL_ANSWERS));
      expect(inputs(card)).toEqual([]);
      expect(visibleTexts(card)).toContain(t(locale, 'common.progress', { number: 7, total: 7 }));
    });

    it('when rendered, then each step is a group with a Change button that goes to that step', () => {
      const card = renderWizardReview(reviewView(locale, FULL_ANSWERS));
      const changes = actions(card).filter((a) => a.title === t(locale, 'review.change'));
      expect(changes.map(vmOf)).toEqual(INPUT_STEPS.map((step) => ({ dialog: 'wizard', nav: 'goto', draftId: DRAFT_ID, step: 'review', goto: step })));
      for (const step of INPUT_STEPS) expect(visibleTexts(card)).toContain(t(locale, `review.groups.${step}`));
    });

    it('when rendered, then the last buttons are Back, Send report and Stop, and Send carries the submission id', () => {
      const card = renderWizardReview(reviewView(locale, FULL_ANSWERS));
      const rootActions = (card.actions ?? []) as Record<string, unknown>[];
      expect(rootActions.map((a) => [a.title, vmOf(a)])).toEqual([
        [t(locale, 'common.back'), { dialog: 'wizard', nav: 'back', draftId: DRAFT_ID, step: 'review' }],
        [t(locale, 'review.submit'), { dialog: 'wizard', nav: 'submit', draftId: DRAFT_ID, step: 'review', submissionId: SUBMISSION_ID }],
        [t(locale, 'common.stop'), { dialog: 'wizard', nav: 'stop', draftId: DRAFT_ID, step: 'review' }],
      ]);
    });

    it('when answers are given, then choices show their localized names and free text is shown as plain text runs', () => {
      const card = renderWizardReview(reviewView(locale, FULL_ANSWERS));
      const runs = textRuns(card);
      expect(runs).toContain(`${t(locale, 'categories.bullying.title')}, ${t(locale, 'categories.sexual_harassment.title')}`);
      expect(runs).toContain(t(locale, 'kinds.report.title'));
      expect(runs).toContain(t(locale, 'identity.confidential.title'));
      expect(runs).toContain(t(locale, 'managerInvolved.yes'));
      expect(runs).toContain(FULL_ANSWERS.description);
      expect(runs).toContain(FULL_ANSWERS.involved);
      expect(runs).toContain(FULL_ANSWERS.location);
      expect(runs).toContain(locale === 'nl' ? '14 maart 2025' : '14 March 2025');
      expect(JSON.stringify(card)).not.toContain('"bullying"');
    });

    it('when the reporter typed markdown or HTML, then it appears only in text runs, where it is not formatted', () => {
      const description = '[klik hier](https://example.org) <script>alert(1)</script> **vet**';
      const card = renderWizardReview(reviewView(locale, { ...FULL_ANSWERS, description }));
      expect(textRuns(card)).toContain(description);
      expect(ofType(card, 'TextBlock').map((block) => block.text)).not.toContain(description);
    });

    it('when the kind is a melding, then the Meldpunt preference is shown; for other kinds it is not', () => {
      const report = renderWizardReview(reviewView(locale, FULL_ANSWERS));
      const advice = renderWizardReview(reviewView(locale, { ...FULL_ANSWERS, kind: 'advice' }));
      expect(visibleTexts(report)).toContain(t(locale, 'review.fields.preferMeldpunt'));
      expect(visibleTexts(advice)).not.toContain(t(locale, 'review.fields.preferMeldpunt'));
    });

    it('when answers are missing, then they show as not answered (the danger question too), and switched-off toggles as no', () => {
      const card = renderWizardReview(reviewView(locale, {}));
      const notAnswered = ofType(card, 'TextRun').filter((run) => run.text === t(locale, 'common.notAnswered'));
      expect(notAnswered.length).toBe(9);
      expect(notAnswered.every((run) => run.italic === true)).toBe(true);
      expect(textRuns(card).filter((text) => text === t(locale, 'common.no'))).toHaveLength(1);
    });

    it('when submitting found a missing answer, then the message and a button to that step come first', () => {
      const card = renderWizardReview(reviewView(locale, { ...FULL_ANSWERS, kind: undefined }, { key: 'required', step: 'want' }));
      const first = bodyOf(card)[0];
      expect(first).toMatchObject({ type: 'Container', style: 'attention' });
      expect(textIn(first)).toContain(t(locale, 'review.incomplete', { group: t(locale, 'review.groups.want') }));
      expect(textIn(first)).toContain(t(locale, 'validation.required'));
      expect(actions(first).map(vmOf)).toEqual([{ dialog: 'wizard', nav: 'goto', draftId: DRAFT_ID, step: 'review', goto: 'want' }]);
    });

    it('when there is no error, then no error block is shown', () => {
      const card = renderWizardReview(reviewView(locale, FULL_ANSWERS));
      expect(bodyOf(card)[0]).toMatchObject({ type: 'TextBlock', text: t(locale, 'common.progress', { number: 7, total: 7 }) });
      expect(actions(card).some((a) => a.title === t(locale, 'review.goToStep'))).toBe(false);
    });
  });
});
