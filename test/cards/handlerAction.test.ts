import { LOCALES } from '../../bot/domain/locale';
import { CASE_MESSAGE_MAX_LENGTH } from '../../cards/caseMessageMaxLength';
import { HANDLER_ACTION_DIALOGS, renderHandlerAction } from '../../cards/handlerAction';
import { formatNumber, t } from '../../cards/i18n';
import { CLOSE_OUTCOMES, HANDLER_ROLES } from '../../cards/views';
import { actions, allObjects, elementAfterInput, inputs, vmOf, visibleTexts } from './cardChecks';
import { CASE_ID, HANDLER_ACTIONS, handlerActionView, LONGEST_MESSAGE } from './caseCardViews';

function input(card: object, id: string): Record<string, unknown> | undefined {
  return inputs(card).find((item) => item.id === id);
}

describe('renderHandlerAction', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(['update', 'question'] as const)('when the form is %s, then it has one multiline message box of at most 4,000 characters and says where the reporter reads it', (action) => {
      const card = renderHandlerAction(handlerActionView(locale, action));
      expect(inputs(card).map((item) => [item.type, item.id, item.isMultiline, item.maxLength])).toEqual([['Input.Text', 'message', true, CASE_MESSAGE_MAX_LENGTH]]);
      expect(input(card, 'message')?.label).toBe(t(locale, `handler.action.${action}.messageLabel`));
      expect(visibleTexts(card)).toEqual(expect.arrayContaining([t(locale, `handler.action.${action}.title`), t(locale, 'handler.action.readerNote')]));
    });

    it('when the form is reassign, then it offers every handler role except the line manager, and a box for the reason', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'reassign'));
      const roles = input(card, 'targetRole');
      expect(roles).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', label: t(locale, 'handler.action.reassign.targetRoleLabel') });
      expect(roles?.choices).toEqual(HANDLER_ROLES.filter((role) => role !== 'line_manager').map((role) => ({ title: t(locale, `roles.${role}`), value: role })));
      expect(input(card, 'message')?.label).toBe(t(locale, 'handler.action.reassign.messageLabel'));
      expect(visibleTexts(card)).toContain(t(locale, 'handler.action.reassign.note'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'handler.action.readerNote'));
    });

    it('when the form is close, then it offers the outcomes, each explained, and a box for the closing message', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'close'));
      expect(input(card, 'outcome')?.choices).toEqual(CLOSE_OUTCOMES.map((outcome) => ({ title: t(locale, `outcomes.${outcome}`), value: outcome })));
      for (const outcome of CLOSE_OUTCOMES) {
        expect(visibleTexts(card)).toContain(`**${t(locale, `outcomes.${outcome}`)}** — ${t(locale, `handler.action.outcomeHints.${outcome}`)}`);
      }
      expect(input(card, 'message')?.label).toBe(t(locale, 'handler.action.close.messageLabel'));
      expect(visibleTexts(card)).toContain(t(locale, 'handler.action.close.note'));
    });

    it.each(HANDLER_ACTIONS)('when the form is %s, then no input is marked required: the labels say it and the bot checks', (action) => {
      const card = renderHandlerAction(handlerActionView(locale, action));
      expect(inputs(card).filter((item) => item.isRequired !== undefined)).toEqual([]);
    });

    it.each(HANDLER_ACTIONS)('when the %s form is shown again after an error, then it keeps what was typed and chosen', (action) => {
      const card = renderHandlerAction(handlerActionView(locale, action, { message: LONGEST_MESSAGE, targetRole: 'ago', outcome: 'no_further_action' }));
      expect(input(card, 'message')?.value).toBe(LONGEST_MESSAGE);
      if (action === 'reassign') expect(input(card, 'targetRole')?.value).toBe('ago');
      if (action === 'close') expect(input(card, 'outcome')?.value).toBe('no_further_action');
    });

    it.each([
      ['update', 'message', 'messageRequired'],
      ['question', 'message', 'tooLong'],
      ['reassign', 'targetRole', 'pickRole'],
      ['reassign', 'message', 'messageRequired'],
      ['close', 'outcome', 'pickOutcome'],
      ['close', 'message', 'messageRequired'],
    ] as const)('when the %s form has an error on %s, then it is shown in red right under that field', (action, field, key) => {
      const card = renderHandlerAction(handlerActionView(locale, action, { errors: { [field]: key } }));
      expect(elementAfterInput(card, field)).toMatchObject({
        type: 'TextBlock',
        color: 'attention',
        text: t(locale, `validation.${key}`, { max: formatNumber(CASE_MESSAGE_MAX_LENGTH, locale) }),
      });
    });

    it('when the message is too long, then the error names the limit', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'update', { errors: { message: 'tooLong' } }));
      expect(elementAfterInput(card, 'message')?.text).toContain(locale === 'nl' ? '4.000' : '4,000');
    });

    it('when an error key is unknown, then the general text is shown, never the key', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'update', { errors: { message: 'nope' } }));
      expect(elementAfterInput(card, 'message')?.text).toBe(t(locale, 'validation.generic'));
      expect(JSON.stringify(card)).not.toContain('nope');
    });

    it('when there is no error, then no red text is shown', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'close'));
      expect(allObjects(card).filter((item) => item.color === 'attention')).toEqual([]);
    });

    it.each(HANDLER_ACTIONS)('when the form is %s, then Submit sends its dialog with the case id and Cancel closes without the inputs', (action) => {
      const card = renderHandlerAction(handlerActionView(locale, action));
      const dialog = HANDLER_ACTION_DIALOGS[action];
      expect(actions(card).map((item) => [item.title, vmOf(item), item.associatedInputs])).toEqual([
        [t(locale, `handler.action.${action}.submit`), { dialog, nav: 'submit', caseId: CASE_ID }, undefined],
        [t(locale, 'handler.action.cancel'), { dialog, nav: 'close', caseId: CASE_ID }, 'none'],
      ]);
    });
  });

  it('when the dialogs are named, then they are the four handler dialogs of the contract', () => {
    expect(HANDLER_ACTION_DIALOGS).toEqual({ update: 'caseUpdate', question: 'caseQuestion', reassign: 'caseReassign', close: 'caseClose' });
  });
});
