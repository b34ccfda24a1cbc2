import { LOCALES } from '../../bot/domain/locale';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { HANDLER_ACTION_DIALOGS, renderHandlerAction } from '../../cards/handlerAction';
import { formatNumber, t } from '../../cards/i18n';
import { HANDLER_OUTCOMES } from '../../bot/domain/caseLifecycle';
import { HANDLER_ROLES } from '../../bot/domain/chooseRoute';
import { actions, allObjects, elementAfterInput, inputs, vmOf, visibleTexts } from './cardChecks';
import { CASE_ID, HANDLER_ACTIONS, handlerActionView, LONGEST_MESSAGE, REFERENCE } from './caseCardViews';

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
      expect(input(card, 'outcome')?.choices).toEqual(HANDLER_OUTCOMES.map((outcome) => ({ title: t(locale, `outcomes.${outcome}`), value: outcome })));
      for (const outcome of HANDLER_OUTCOMES) {
        expect(visibleTexts(card)).toContain(`**${t(locale, `outcomes.${outcome}`)}** — ${t(locale, `handler.action.outcomeHints.${outcome}`)}`);
      }
      expect(input(card, 'message')?.label).toBe(t(locale, 'handler.action.close.messageLabel'));
      expect(visibleTexts(card)).toContain(t(locale, 'handler.action.close.note'));
    });

    it('when the form is extend, then it shows the current decision date and the rule: once, at most 4 weeks, in writing, again only with consent', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'extend', { currentDue: '9 mei 2025 om 23:59' }));
      const texts = visibleTexts(card);
      expect(texts.slice(0, 3)).toEqual([
        t(locale, 'handler.action.extend.title'),
        t(locale, 'handler.action.reference', { reference: REFERENCE }),
        t(locale, 'handler.action.extend.intro'),
      ]);
      expect(texts).toEqual(
        expect.arrayContaining([
          t(locale, 'handler.action.extend.currentDueLabel'),
          '9 mei 2025 om 23:59',
          t(locale, 'handler.action.extend.consentNote'),
          t(locale, 'handler.action.extend.readerNote'),
        ]),
      );
      expect(texts).not.toContain(t(locale, 'handler.action.readerNote'));
      expect(t(locale, 'handler.action.extend.intro')).toMatch(locale === 'nl' ? /één keer.*4 weken.*schriftelijk/ : /once.*4 weeks.*in writing/);
      expect(t(locale, 'handler.action.extend.consentNote')).toMatch(locale === 'nl' ? /instemt.*bot vraagt/ : /agrees.*bot will.*ask/);
    });

    it('when the form is extend, then it has a number of days from 1 to 28 and a multiline box for the reason for the complainant', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'extend'));
      expect(inputs(card).map((item) => [item.type, item.id])).toEqual([
        ['Input.Number', 'days'],
        ['Input.Text', 'message'],
      ]);
      expect(input(card, 'days')).toMatchObject({ min: 1, max: 28, label: t(locale, 'handler.action.extend.daysLabel'), errorMessage: t(locale, 'validation.daysOutOfRange') });
      expect(input(card, 'days')?.value).toBeUndefined();
      expect(input(card, 'message')).toMatchObject({ isMultiline: true, maxLength: CASE_MESSAGE_MAX_LENGTH, label: t(locale, 'handler.action.extend.messageLabel') });
    });

    it('when the extend form is shown again, then it keeps the days (even out of range) and the reason as typed', () => {
      const card = renderHandlerAction(handlerActionView(locale, 'extend', { days: '40', message: LONGEST_MESSAGE, errors: { days: 'daysOutOfRange', message: 'tooLong' } }));
      expect(input(card, 'days')?.value).toBe(40);
      expect(input(card, 'message')?.value).toBe(LONGEST_MESSAGE);
      expect(elementAfterInput(card, 'days')).toMatchObject({ type: 'TextBlock', color: 'attention', text: t(locale, 'validation.daysOutOfRange') });
      expect(elementAfterInput(card, 'message')).toMatchObject({ type: 'TextBlock', color: 'attention', text: t(locale, 'validation.tooLong', { max: formatNumber(CASE_MESSAGE_MAX_LENGTH, locale) }) });
      expect(input(renderHandlerAction(handlerActionView(locale, 'extend', { days: ' 14 ' })), 'days')?.value).toBe(14);
    });

    it.each(['', 'veertien', '1e3', '${days}'])('when the days typed are %j, then the box is shown empty rather than with something that is not a number', (days) => {
      const card = renderHandlerAction(handlerActionView(locale, 'extend', { days }));
      expect(input(card, 'days')).toBeDefined();
      expect(input(card, 'days')?.value).toBeUndefined();
      expect(inputs(card).filter((item) => item.id === 'days')).toHaveLength(1);
    });

    it('when the current decision date is an ISO date, then it is shown in words; without one, no date line is shown', () => {
      const withDate = visibleTexts(renderHandlerAction(handlerActionView(locale, 'extend', { currentDue: '2025-05-09' })));
      expect(withDate).toContain(locale === 'nl' ? '9 mei 2025' : '9 May 2025');
      const without = visibleTexts(renderHandlerAction(handlerActionView(locale, 'extend')));
      expect(without).not.toContain(t(locale, 'handler.action.extend.currentDueLabel'));
    });

    it.each(['update', 'question', 'reassign', 'close'] as const)('when the form is %s, then it has no days box and says nothing about extending', (action) => {
      const card = renderHandlerAction(handlerActionView(locale, action, { days: '14', currentDue: '9 mei 2025' }));
      expect(input(card, 'days')).toBeUndefined();
      expect(visibleTexts(card)).not.toContain(t(locale, 'handler.action.extend.consentNote'));
      expect(visibleTexts(card)).not.toContain('9 mei 2025');
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
      ['extend', 'days', 'daysOutOfRange'],
      ['extend', 'message', 'reasonRequired'],
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

  it('when the number of days is out of range, then the Dutch message says which numbers are allowed', () => {
    expect(t('nl', 'validation.daysOutOfRange')).toBe('Kies 1 tot en met 28 dagen.');
  });

  it('when the dialogs are named, then they are the six handler dialogs of the contract', () => {
    expect(HANDLER_ACTION_DIALOGS).toEqual({ update: 'caseUpdate', question: 'caseQuestion', reassign: 'caseReassign', close: 'caseClose', extend: 'caseExtend', identity: 'caseIdentity' });
  });
});
