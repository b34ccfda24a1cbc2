import { STEP_FIELDS } from '../../bot/domain/report';
import { actions, adaptiveCardsProblems, inputs, MAX_CARD_BYTES, schemaErrors, sizeInBytes, vmOf } from './cardChecks';
import { everyRenderedCard } from './cardViews';

const CARDS = everyRenderedCard();

/** Verbs a chat card may use (`ChatVerb` and `CaseVerb` in cards/actionData.ts; `stopCheckIns` of the aftercare check-in). */
const CHAT_VERBS = ['showMyCases', 'showWelcome', 'acknowledgeCase', 'refreshCase', 'giveFeedback', 'consentExtension', 'stopCheckIns'];

/** Teams shows user-specific views to at most 60 users. */
const MAX_REFRESH_USERS = 60;
const REPORT_FIELDS = new Set<string>(Object.values(STEP_FIELDS).flat());

describe.each(CARDS.map((c) => [c.name, c] as const))('%s', (_name, rendered) => {
  const { card } = rendered;

  it('when parsed by the Adaptive Cards library, then it reports no problems', () => {
    expect(adaptiveCardsProblems(card)).toEqual([]);
  });

  it('when validated against the Adaptive Card 1.5 schema, then it is valid', () => {
    expect(schemaErrors(card)).toEqual([]);
  });

  it('when expanded, then no template expression is left', () => {
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('when serialized, then it stays under the 28 KB Teams limit', () => {
    expect(sizeInBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('when rendered, then it is an Adaptive Card 1.5 in the user language', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', lang: rendered.locale });
  });

  it('when it is a chat card, then it is full width; a dialog card is not', () => {
    if (rendered.surface === 'chat') expect(card.msteams).toEqual({ width: 'Full' });
    else expect(card.msteams).toBeUndefined();
  });

  it('when it has Action.Submit buttons, then each carries vm.nav or opens a dialog', () => {
    for (const action of actions(card).filter((a) => a.type === 'Action.Submit')) {
      const data = action.data as { msteams?: { type?: string } } | undefined;
      const opensDialog = data?.msteams?.type === 'task/fetch' && typeof vmOf(action).dialog === 'string';
      expect(opensDialog || typeof vmOf(action).nav === 'string').toBe(true);
    }
  });

  it('when it is a chat card, then its buttons open a dialog or use a chat verb, and only the task card refreshes', () => {
    if (rendered.surface !== 'chat') return;
    if (rendered.template === 'handlerTask') {
      expect(card.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'refreshCase' }, userIds: [expect.any(String)] });
      expect(((card.refresh as { userIds: string[] }).userIds).length).toBeLessThanOrEqual(MAX_REFRESH_USERS);
    } else {
      expect(card.refresh).toBeUndefined();
    }
    for (const action of actions(card)) {
      if (action.type === 'Action.Execute') expect(CHAT_VERBS).toContain(action.verb);
      else expect(action.data).toMatchObject({ msteams: { type: 'task/fetch' }, vm: { dialog: expect.any(String), nav: 'next' } });
    }
  });

  it('when it is a chat card, then it has no inputs; only the feedback card has its two 1–5 questions', () => {
    if (rendered.surface !== 'chat') return;
    if (rendered.template === 'feedback') {
      for (const input of inputs(card)) expect(['takenSeriously', 'wouldReportAgain']).toContain(input.id);
    } else {
      expect(inputs(card)).toEqual([]);
    }
  });

  it('when it is a wizard card, then every input id is a ReportAnswers field and every button names the dialog and draft', () => {
    if (!rendered.wizard) return;
    for (const input of inputs(card)) expect(REPORT_FIELDS).toContain(input.id);
    for (const action of actions(card)) {
      expect(action.type).toBe('Action.Submit');
      expect(vmOf(action)).toMatchObject({ dialog: 'wizard', draftId: 'draft-6f1c2a9e', step: expect.any(String) });
    }
  });
});
