import { LOCALES } from '../../bot/domain/locale';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { formatNumber, t } from '../../cards/i18n';
import { renderReporterCase } from '../../cards/reporterCase';
import { actions, bodyOf, elementAfterInput, inputs, MAX_CARD_BYTES, ofType, sizeInBytes, vmOf, visibleTexts } from './cardChecks';
import { anonymousReporterCaseView, CASE_ID, manyMessages, REFERENCE, reporterCaseView, SECRET, SOME_MESSAGES } from './caseCardViews';

function inputIds(card: object): unknown[] {
  return inputs(card).map((input) => input.id);
}

describe('renderReporterCase', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when opened, then it shows the state and the messages, the reporter’s own as "you"', () => {
      const card = renderReporterCase(reporterCaseView(locale));
      expect(visibleTexts(card)).toEqual(expect.arrayContaining([t(locale, 'states.in_progress.title'), t(locale, 'states.in_progress.hint')]));
      const runs = ofType(card, 'TextRun').map((run) => run.text);
      expect(runs).toEqual(expect.arrayContaining(SOME_MESSAGES.map((message) => message.text)));
      expect(runs).toContain(t(locale, 'caseThread.you'));
      expect(runs).not.toContain(t(locale, 'caseThread.reporter'));
    });

    it('when a question is open, then there is an answer box and no box to add information', () => {
      const card = renderReporterCase(reporterCaseView(locale, { openQuestion: true }));
      expect(inputs(card).map((input) => [input.id, input.isMultiline, input.maxLength])).toEqual([['answer', true, CASE_MESSAGE_MAX_LENGTH]]);
      expect(visibleTexts(card)).toContain(t(locale, 'reporter.case.openQuestion'));
    });

    it('when no question is open, then there is an optional box to add information', () => {
      const card = renderReporterCase(reporterCaseView(locale));
      expect(inputs(card).map((input) => [input.id, input.label, input.isMultiline, input.maxLength])).toEqual([
        ['information', t(locale, 'reporter.case.informationLabel'), true, CASE_MESSAGE_MAX_LENGTH],
      ]);
    });

    it('when the case is closed and the questions were answered, then there is nothing to send: only Close', () => {
      const card = renderReporterCase(reporterCaseView(locale, { state: 'closed', canWithdraw: false }));
      expect(inputs(card)).toEqual([]);
      expect(actions(card).map(vmOf)).toEqual([{ dialog: 'caseMessages', nav: 'close', caseId: CASE_ID, reference: REFERENCE }]);
    });

    it('when feedback is asked, then the two optional questions offer 1 to 5, explained, and not shown to the handler', () => {
      const card = renderReporterCase(anonymousReporterCaseView(locale, { state: 'closed', canWithdraw: false, askFeedback: true }));
      expect(inputIds(card)).toEqual(['takenSeriously', 'wouldReportAgain']);
      for (const input of inputs(card)) {
        expect(input).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded' });
        expect((input.choices as { value: string }[]).map((choice) => choice.value)).toEqual(['1', '2', '3', '4', '5']);
        expect(input.isRequired).toBeUndefined();
      }
      expect(visibleTexts(card)).toContain(t(locale, 'feedback.optional'));
      const titles = (inputs(card)[0].choices as { title: string }[]).map((choice) => choice.title);
      expect([titles[0], titles[4]]).toEqual([t(locale, 'feedback.choice1'), t(locale, 'feedback.choice5')]);
    });

    it.each([
      ['answer', { openQuestion: true }],
      ['information', {}],
    ] as const)('when %s has an error, then it is shown in red right under the box', (field, overrides) => {
      const card = renderReporterCase(reporterCaseView(locale, { ...overrides, errors: { [field]: 'tooLong' } }));
      expect(elementAfterInput(card, field)).toMatchObject({
        color: 'attention',
        text: t(locale, 'validation.tooLong', { max: formatNumber(CASE_MESSAGE_MAX_LENGTH, locale) }),
      });
    });

    it('when a feedback answer has an error, then it is shown under that question', () => {
      const card = renderReporterCase(reporterCaseView(locale, { state: 'closed', askFeedback: true, errors: { wouldReportAgain: 'pickOneToFive' } }));
      expect(elementAfterInput(card, 'wouldReportAgain')).toMatchObject({ color: 'attention', text: t(locale, 'validation.pickOneToFive') });
      expect(elementAfterInput(card, 'takenSeriously')?.type).toBe('Input.ChoiceSet');
    });

    it('when the reporter is named, then the buttons carry the case id and reference, and no secret', () => {
      const card = renderReporterCase(reporterCaseView(locale));
      expect(actions(card).map((action) => [action.title, vmOf(action), action.associatedInputs])).toEqual([
        [t(locale, 'reporter.case.send'), { dialog: 'caseMessages', nav: 'submit', caseId: CASE_ID, reference: REFERENCE }, undefined],
        [t(locale, 'reporter.case.withdraw'), { dialog: 'caseWithdraw', nav: 'next', caseId: CASE_ID, reference: REFERENCE }, 'none'],
        [t(locale, 'common.close'), { dialog: 'caseMessages', nav: 'close', caseId: CASE_ID, reference: REFERENCE }, 'none'],
      ]);
    });

    it('when the reporter is anonymous, then the buttons carry reference and secret, and no case id', () => {
      const card = renderReporterCase(anonymousReporterCaseView(locale));
      for (const action of actions(card)) {
        expect(vmOf(action)).toEqual({ dialog: expect.any(String), nav: expect.any(String), reference: REFERENCE, secret: SECRET });
      }
      expect(JSON.stringify(card)).not.toContain('caseId');
      expect(visibleTexts(card)).toContain(t(locale, 'identity.anonymousCareful'));
    });

    it('when the case cannot be withdrawn, then there is no withdraw button', () => {
      const card = renderReporterCase(reporterCaseView(locale, { canWithdraw: false }));
      expect(actions(card).map((action) => vmOf(action).dialog)).not.toContain('caseWithdraw');
    });

    it('when something was just sent, then the confirmation comes first; an unknown key shows nothing', () => {
      const sent = renderReporterCase(reporterCaseView(locale, { doneKey: 'reporter.sent' }));
      expect(bodyOf(sent)[0]).toMatchObject({ type: 'TextBlock', text: t(locale, 'reporter.sent'), color: 'good' });
      const unknown = renderReporterCase(reporterCaseView(locale, { doneKey: 'reporter.nope' }));
      expect(bodyOf(unknown)[0]).toMatchObject({ text: t(locale, 'reporter.case.title', { reference: REFERENCE }) });
    });

    it('when there are 20 messages of 4,000 characters, then the card stays under 28 KB and the newest (the open question) is shown', () => {
      const messages = manyMessages(20);
      const card = renderReporterCase(anonymousReporterCaseView(locale, { messages, openQuestion: true }));
      expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
      expect(ofType(card, 'TextRun').map((run) => run.text)).toContain(messages[19].text);
      expect(ofType(card, 'TextBlock').some((block) => block.color === 'warning')).toBe(true);
    });
  });
});
