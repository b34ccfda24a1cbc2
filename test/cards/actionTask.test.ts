import { LOCALES, type Locale } from '../../bot/domain/locale';
import { renderActionTask } from '../../cards/actionTask';
import { t } from '../../cards/i18n';
import type { AdaptiveCard } from '../../cards/renderCard';
import type { ActionTaskView } from '../../cards/actionTask';
import { actions, adaptiveCardsProblems, allObjects, elementAfterInput, inputs, MAX_CARD_BYTES, schemaErrors, sizeInBytes, visibleTexts } from './cardChecks';

const ACTION_ID = 'action-7f3c';
const OWNER_USER_ID = '29:1a2b3c-owner';

function actionView(locale: Locale, overrides: Partial<ActionTaskView> = {}): ActionTaskView {
  return {
    locale,
    actionId: ACTION_ID,
    text: 'Veiligheidsronde plannen met de hele ploeg',
    teamName: 'Staf 11 Luchtmobiele Brigade',
    due: '20 maart 2026',
    timeLeft: 'nog 3 dag(en), waarvan 2 werkdag(en)',
    overdue: false,
    state: 'open',
    ownerUserId: OWNER_USER_ID,
    ...overrides,
  };
}

/** The buttons the owner can press: the card's actions without the refresh action. */
function buttons(card: AdaptiveCard): Record<string, unknown>[] {
  return actions({ body: card.body, actions: card.actions });
}

describe('renderActionTask', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    const VIEWS: [string, ActionTaskView][] = [
      ['new', actionView(locale, { news: 'assigned' })],
      ['reminder', actionView(locale, { news: 'reminder' })],
      ['overdue', actionView(locale, { overdue: true, timeLeft: '' })],
      ['new date', actionView(locale, { news: 'newDate' })],
      ['new date with an error', actionView(locale, { newDate: '2020-01-01', errors: { newDate: 'dateInPast' } })],
      ['done', actionView(locale, { state: 'done', news: 'done' })],
      ['not for you', actionView(locale, { notForYou: true })],
      ['longest text', actionView(locale, { text: 'é'.repeat(200), teamName: 'ë'.repeat(256) })],
    ];

    it.each(VIEWS)('when %s, then the Adaptive Cards library and the 1.5 schema accept it, in the user language, with no template left', (_name, view) => {
      const card = renderActionTask(view);
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', lang: locale, msteams: { width: 'Full' } });
      expect(JSON.stringify(card)).not.toContain('${');
      expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    });

    it('when rendered, then Teams refreshes it for the owner only, with refreshAction', () => {
      expect(renderActionTask(actionView(locale)).refresh).toEqual({ action: { type: 'Action.Execute', verb: 'refreshAction', data: { actionId: ACTION_ID, news: '' } }, userIds: [OWNER_USER_ID] });
    });

    it.each([
      ['assigned', 'assigned'],
      ['reminder', 'reminder'],
      ['done', ''],
      ['newDate', ''],
    ] as const)('when delivered with the %s line, then the refresh sends back "%s" (delivered news is kept, the owner\'s own confirmations are not)', (news, kept) => {
      expect(renderActionTask(actionView(locale, { news })).refresh).toMatchObject({ action: { data: { actionId: ACTION_ID, news: kept } } });
      expect(renderActionTask(actionView(locale, { news, notForYou: true })).refresh).toMatchObject({ action: { data: { actionId: ACTION_ID, news: '' } } });
    });

    it('when new, then it says the owner owns it, then the title, team, action and due date with the time left', () => {
      const texts = visibleTexts(renderActionTask(actionView(locale, { news: 'assigned' })));
      expect(texts.slice(0, 2)).toEqual([t(locale, 'agenda.action.news.assigned'), t(locale, 'agenda.action.title')]);
      expect(texts).toEqual(
        expect.arrayContaining([
          'Staf 11 Luchtmobiele Brigade',
          'Veiligheidsronde plannen met de hele ploeg',
          t(locale, 'agenda.action.dueWithTimeLeft', { due: '20 maart 2026', timeLeft: 'nog 3 dag(en), waarvan 2 werkdag(en)' }),
        ]),
      );
      expect(t('nl', 'agenda.action.news.assigned')).toBe('Je bent eigenaar van deze actie.');
      expect(t('nl', 'agenda.action.title')).toBe(t('nl', 'clocks.action'));
    });

    it.each(['reminder', 'newDate', 'done'] as const)('when the news is %s, then that line comes first', (news) => {
      const card = renderActionTask(actionView(locale, { news, state: news === 'done' ? 'done' : 'open' }));
      expect(visibleTexts(card)[0]).toBe(t(locale, `agenda.action.news.${news}`));
    });

    it('when open, then Gedaan sends actionDone without inputs, and Nieuwe datum asks the date and sends actionNewDate', () => {
      const card = renderActionTask(actionView(locale));
      const top = (card.actions ?? []) as Record<string, unknown>[];
      expect(top.map((action) => [action.type, action.title])).toEqual([
        ['Action.Execute', t(locale, 'agenda.action.done')],
        ['Action.ShowCard', t(locale, 'agenda.action.newDate')],
      ]);
      expect(top[0]).toMatchObject({ verb: 'actionDone', data: { actionId: ACTION_ID }, associatedInputs: 'none' });
      const showCard = top[1].card as object;
      expect(inputs(showCard).map((item) => [item.id, item.type])).toEqual([['newDate', 'Input.Date']]);
      expect(actions(showCard)).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'actionNewDate', data: { actionId: ACTION_ID } })]);
      expect(inputs({ body: card.body })).toEqual([]);
    });

    it('when the new date comes back with an error, then the date is open with the entered value and the message right under it', () => {
      const card = renderActionTask(actionView(locale, { newDate: '2020-01-01', errors: { newDate: 'dateInPast' } }));
      expect(inputs(card).map((item) => [item.id, item.value])).toEqual([['newDate', '2020-01-01']]);
      expect(elementAfterInput(card, 'newDate')).toMatchObject({ type: 'TextBlock', color: 'attention', text: t(locale, 'validation.dateInPast') });
      expect(buttons(card).map((action) => [action.verb, action.data])).toEqual([
        ['actionDone', { actionId: ACTION_ID }],
        ['actionNewDate', { actionId: ACTION_ID }],
      ]);
    });

    it('when an error key is unknown, then the general text is shown, never the key', () => {
      const card = renderActionTask(actionView(locale, { errors: { newDate: 'nope' } }));
      expect(elementAfterInput(card, 'newDate')?.text).toBe(t(locale, 'validation.generic'));
      expect(JSON.stringify(card)).not.toContain('nope');
    });

    it('when the date has passed, then that is said in red, and the time left is not shown', () => {
      const card = renderActionTask(actionView(locale, { overdue: true }));
      expect(allObjects(card).filter((item) => item.color === 'attention').map((item) => item.text)).toEqual([t(locale, 'agenda.action.overdue')]);
      expect(visibleTexts(card)).toContain('20 maart 2026');
    });

    it('when done, then it says Afgerond and has no buttons or inputs', () => {
      const card = renderActionTask(actionView(locale, { state: 'done', overdue: true }));
      expect(buttons(card)).toEqual([]);
      expect(inputs(card)).toEqual([]);
      expect(visibleTexts(card)).toContain(t(locale, 'agenda.action.finished'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'agenda.action.overdue'));
      expect(t('nl', 'agenda.action.finished')).toBe('Afgerond');
    });

    it('when someone else pressed a button, then only the owner can change it is said, with no buttons', () => {
      const card = renderActionTask(actionView(locale, { notForYou: true, news: 'reminder' }));
      expect(buttons(card)).toEqual([]);
      expect(inputs(card)).toEqual([]);
      expect(visibleTexts(card)).toContain(t(locale, 'agenda.action.notForYou'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'agenda.action.news.reminder'));
      expect(t('nl', 'agenda.action.notForYou')).toBe('Alleen de eigenaar van deze actie kan dit aanpassen.');
    });

    it('when the action or team holds template syntax, then it is shown as given, never evaluated', () => {
      const odd = '${text.done} ${$root.actionId}';
      const texts = visibleTexts(renderActionTask(actionView(locale, { text: odd, teamName: odd })));
      expect(texts.filter((text) => text === odd)).toHaveLength(2);
    });
  });
});
