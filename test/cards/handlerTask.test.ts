import { CASE_STATES } from '../../bot/domain/caseLifecycle';
import { LOCALES } from '../../bot/domain/locale';
import { IDENTITY_MODES, REQUEST_KINDS } from '../../bot/domain/report';
import { renderHandlerTask } from '../../cards/handlerTask';
import type { AdaptiveCard } from '../../cards/renderCard';
import { t } from '../../cards/i18n';
import type { HandlerTaskView } from '../../cards/handlerTask';
import { actions, bodyOf, inputs, ofType, vmOf, visibleTexts } from './cardChecks';
import { CASE_ID, HANDLER_USER_ID, handlerTaskView, REFERENCE } from './caseCardViews';

const DIALOG_BUTTONS = [
  ['handler.task.update', 'caseUpdate'],
  ['handler.task.question', 'caseQuestion'],
  ['handler.task.reassign', 'caseReassign'],
  ['handler.task.close', 'caseClose'],
] as const;

/** The buttons a handler can press: the card's actions without the refresh action. */
function buttons(card: AdaptiveCard): Record<string, unknown>[] {
  return actions({ body: card.body, actions: card.actions });
}

function executeVerbs(card: AdaptiveCard): unknown[] {
  return buttons(card)
    .filter((action) => action.type === 'Action.Execute')
    .map((action) => action.verb);
}

describe('renderHandlerTask', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when a case is new, then it shows reference, kind, identity mode, role, date received and state', () => {
      const card = renderHandlerTask(handlerTaskView(locale));
      const facts = ofType(card, 'FactSet')[0].facts as { title: string; value: string }[];
      expect(facts.map((fact) => fact.value)).toEqual([
        REFERENCE,
        t(locale, 'kinds.report.title'),
        t(locale, 'identity.confidential.title'),
        t(locale, 'roles.meldpunt'),
        locale === 'nl' ? '28 maart 2025' : '28 March 2025',
        t(locale, 'states.submitted.title'),
      ]);
    });

    it('when the case is a retaliation case (opened by a check-in answer), then its kind and one line say so; an ordinary case has neither', () => {
      const card = renderHandlerTask(handlerTaskView(locale, { retaliation: true }));
      const kind = (ofType(card, 'FactSet')[0].facts as { title: string; value: string }[])[1].value;
      expect(kind).toBe(t(locale, 'handler.task.kindRetaliation', { kind: t(locale, 'kinds.report.title') }));
      expect(visibleTexts(card)).toContain(t(locale, 'handler.task.retaliationLine'));
      const ordinary = renderHandlerTask(handlerTaskView(locale));
      expect(visibleTexts(ordinary)).not.toContain(t(locale, 'handler.task.retaliationLine'));
      expect(visibleTexts(ordinary).join('\n')).not.toContain(t(locale, 'handler.task.kindRetaliation', { kind: t(locale, 'kinds.report.title') }));
    });

    it('when rendered, then Teams refreshes it for the assigned handler only, with the refreshCase verb', () => {
      const card = renderHandlerTask(handlerTaskView(locale));
      expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'refreshCase', data: { caseId: CASE_ID, news: '' } }, userIds: [HANDLER_USER_ID] });
    });

    it('when the case is submitted, then Confirm receipt sends acknowledgeCase with the case id', () => {
      const card = renderHandlerTask(handlerTaskView(locale, { state: 'submitted' }));
      const acknowledge = buttons(card).find((action) => action.title === t(locale, 'handler.task.acknowledge'));
      expect(acknowledge).toMatchObject({ type: 'Action.Execute', verb: 'acknowledgeCase', data: { caseId: CASE_ID } });
    });

    it.each(CASE_STATES.filter((state) => state !== 'submitted'))('when the case is %s, then there is no Confirm receipt button', (state) => {
      expect(executeVerbs(renderHandlerTask(handlerTaskView(locale, { state })))).toEqual([]);
    });

    it('when the case is open, then Open case and the four dialog buttons open their dialogs with the case id', () => {
      const card = renderHandlerTask(handlerTaskView(locale, { state: 'in_progress' }));
      const submits = buttons(card).filter((action) => action.type === 'Action.Submit');
      expect(submits.map((action) => [action.title, action.data])).toEqual([
        [t(locale, 'handler.task.open'), { msteams: { type: 'task/fetch' }, vm: { dialog: 'caseDetails', nav: 'next', caseId: CASE_ID } }],
        ...DIALOG_BUTTONS.map(([key, dialog]) => [t(locale, key), { msteams: { type: 'task/fetch' }, vm: { dialog, nav: 'next', caseId: CASE_ID } }]),
      ]);
    });

    it.each(CASE_STATES.filter((state) => state !== 'closed'))('when a klacht is %s, then Extend the deadline opens the caseExtend dialog, under the deadlines, next to Confirm receipt', (state) => {
      const card = renderHandlerTask(handlerTaskView(locale, { kind: 'complaint', role: 'klachtencoordinator', identity: 'named', state }));
      const extend = buttons(card).filter((action) => action.title === t(locale, 'handler.task.extend'));
      expect(extend).toEqual([
        { type: 'Action.Submit', title: t(locale, 'handler.task.extend'), data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'caseExtend', nav: 'next', caseId: CASE_ID } } },
      ]);
      const bodySets = ofType({ body: card.body }, 'ActionSet');
      expect(bodySets).toHaveLength(1);
      const inSet = (bodySets[0].actions as Record<string, unknown>[]).map((action) => action.title);
      expect(inSet).toEqual(state === 'submitted' ? [t(locale, 'handler.task.acknowledge'), t(locale, 'handler.task.extend')] : [t(locale, 'handler.task.extend')]);
      expect((card.actions ?? []).length).toBeLessThanOrEqual(5);
      expect((card.actions as Record<string, unknown>[]).map((action) => action.title)).not.toContain(t(locale, 'handler.task.extend'));
    });

    it.each(REQUEST_KINDS.filter((kind) => kind !== 'complaint'))('when the case is a %s, then there is no Extend the deadline button', (kind) => {
      const card = renderHandlerTask(handlerTaskView(locale, { kind, state: 'in_progress' }));
      expect(buttons(card).map((action) => action.title)).not.toContain(t(locale, 'handler.task.extend'));
      expect(JSON.stringify(card)).not.toContain('caseExtend');
    });

    it('when a klacht is closed or the viewer is not its handler, then there is no Extend the deadline button', () => {
      for (const view of [
        handlerTaskView(locale, { kind: 'complaint', state: 'closed' }),
        handlerTaskView(locale, { kind: 'complaint', state: 'in_progress', notForYou: true }),
      ]) {
        expect(JSON.stringify(renderHandlerTask(view))).not.toContain('caseExtend');
      }
    });

    it('when a case is neither new nor a klacht, then no button row sits in the body', () => {
      expect(ofType({ body: renderHandlerTask(handlerTaskView(locale, { state: 'in_progress' })).body }, 'ActionSet')).toEqual([]);
    });

    it('when the case is closed, then no button changes it: only Open case remains, to read it back', () => {
      const card = renderHandlerTask(handlerTaskView(locale, { state: 'closed', deadlines: [] }));
      expect(buttons(card).map(vmOf)).toEqual([{ dialog: 'caseDetails', nav: 'next', caseId: CASE_ID }]);
      expect(executeVerbs(card)).toEqual([]);
    });

    it('when someone else than the assigned handler pressed, then it says so, shows only the reference and has no buttons', () => {
      const card = renderHandlerTask(handlerTaskView(locale, { notForYou: true, doneKey: 'handler.done.acknowledged' }));
      expect(buttons(card)).toEqual([]);
      expect(visibleTexts(card)).toContain(t(locale, 'handler.task.notForYou'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'handler.done.acknowledged'));
      expect(visibleTexts(card)).not.toContain(t(locale, 'states.submitted.title'));
      expect(visibleTexts(card)).toContain(REFERENCE);
      expect(card.refresh).toMatchObject({ userIds: [HANDLER_USER_ID] });
    });

    it.each([
      ['named', 'handler.task.identityNamed'],
      ['confidential', 'handler.task.identityConfidential'],
      ['anonymous', 'handler.task.identityAnonymous'],
    ] as const)('when the report is %s, then the card says what the handler can and cannot know', (identity, key) => {
      const texts = visibleTexts(renderHandlerTask(handlerTaskView(locale, { identity })));
      expect(texts).toContain(t(locale, key));
      for (const other of IDENTITY_MODES.filter((mode) => mode !== identity)) expect(texts).not.toContain(t(locale, `identity.${other}.title`));
    });

    it('when a deadline has passed, then it is red and says so in words; a coming one is neither', () => {
      const card = renderHandlerTask(
        handlerTaskView(locale, {
          deadlines: [
            { labelKey: 'clocks.acknowledge', due: '4 april 2025 om 17:00', overdue: true },
            { labelKey: 'clocks.firstUpdate', due: '11 april 2025 om 17:00', overdue: false },
          ],
        }),
      );
      const blocks = ofType(card, 'TextBlock');
      const passed = t(locale, 'handler.task.overdue', { label: t(locale, 'clocks.acknowledge'), due: '4 april 2025 om 17:00' });
      const coming = t(locale, 'handler.task.deadline', { label: t(locale, 'clocks.firstUpdate'), due: '11 april 2025 om 17:00' });
      expect(blocks.find((block) => block.text === passed)).toMatchObject({ color: 'attention' });
      expect(blocks.find((block) => block.text === coming)?.color).toBeUndefined();
    });

    it('when a clock is unknown, then it is called a deadline, never by its raw key', () => {
      const card = renderHandlerTask(handlerTaskView(locale, { deadlines: [{ labelKey: 'clocks.nope', due: '1 mei 2025', overdue: false }] }));
      expect(visibleTexts(card)).toContain(t(locale, 'handler.task.deadline', { label: t(locale, 'clocks.other'), due: '1 mei 2025' }));
      expect(JSON.stringify(card)).not.toContain('clocks.nope');
    });

    it.each(['acknowledged', 'updateSent', 'questionSent', 'reassigned', 'closed', 'extended', 'extensionConsentAsked'] as const)('when the handler just did %s, then the confirmation comes first, in green', (done) => {
      const card = renderHandlerTask(handlerTaskView(locale, { doneKey: `handler.done.${done}` }));
      expect(bodyOf(card)[0]).toMatchObject({ type: 'TextBlock', text: t(locale, `handler.done.${done}`), color: 'good' });
    });

    it.each(['answered', 'extensionConsented', 'extensionRefused'] as const)('when there is news about the case (%s), then that line comes first, not as a confirmation', (news) => {
      const card = renderHandlerTask(handlerTaskView(locale, { doneKey: `handler.news.${news}` }));
      expect(bodyOf(card)[0]).toMatchObject({ type: 'TextBlock', text: t(locale, `handler.news.${news}`), color: 'accent' });
    });

    it('when the done key is unknown or from another group, then no line is shown and no raw key', () => {
      for (const doneKey of ['handler.done.nope', 'errors.generic']) {
        const card = renderHandlerTask(handlerTaskView(locale, { doneKey }));
        expect(bodyOf(card)[0]).toMatchObject({ text: t(locale, 'handler.task.title') });
        expect(JSON.stringify(card)).not.toContain(doneKey);
      }
    });

    it('when the view is handed report content by mistake, then none of it reaches the chat card', () => {
      const withContent = {
        ...handlerTaskView(locale, { identity: 'named' }),
        description: 'INHOUD-description',
        involved: 'INHOUD-involved',
        reporterName: 'INHOUD-name',
        messages: [{ from: 'reporter', kind: 'answer', at: 'x', text: 'INHOUD-message' }],
      } as HandlerTaskView;
      const card = renderHandlerTask(withContent);
      expect(JSON.stringify(card)).not.toContain('INHOUD');
      expect(inputs(card)).toEqual([]);
    });
  });
});
