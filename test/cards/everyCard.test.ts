import { STEP_FIELDS } from '../../bot/domain/report';
import { actions, adaptiveCardsProblems, inputs, MAX_CARD_BYTES, schemaErrors, sizeInBytes, vmOf } from './cardChecks';
import { everyRenderedCard } from './cardViews';

const CARDS = everyRenderedCard();
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

  it('when it has Action.Submit buttons, then each carries vm.nav', () => {
    for (const action of actions(card).filter((a) => a.type === 'Action.Submit')) {
      expect(vmOf(action).nav).toEqual(expect.any(String));
    }
  });

  it('when it is a chat card, then its buttons open a dialog or use a chat verb, and never refresh', () => {
    if (rendered.surface !== 'chat') return;
    expect(card.refresh).toBeUndefined();
    for (const action of actions(card)) {
      if (action.type === 'Action.Execute') expect(['showMyCases', 'showWelcome']).toContain(action.verb);
      else expect(action.data).toMatchObject({ msteams: { type: 'task/fetch' }, vm: { dialog: expect.any(String), nav: 'next' } });
    }
  });

  it('when it is a chat card, then it has no inputs', () => {
    if (rendered.surface === 'chat') expect(inputs(card)).toEqual([]);
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
