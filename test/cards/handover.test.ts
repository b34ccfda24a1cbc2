import * as AC from 'adaptivecards';
import { LOCALES } from '../../bot/domain/locale';
import { CARD_BUDGET_BYTES } from '../../cards/cardBudget';
import { HANDOVER_MAX_CHOICES, renderHandover } from '../../cards/handover';
import { formatNumber, t } from '../../cards/i18n';
import { renderNotice } from '../../cards/notice';
import { actions, adaptiveCardsProblems, allObjects, elementAfterInput, inputs, PEOPLE_PICKER_QUERY, schemaErrors, sizeInBytes, vmOf, visibleTexts } from './cardChecks';
import { ANOUK, handoverView, JEROEN, LOTTE, manyPeople, ownHandoverView, SOME_OUTCOME, SOME_PEOPLE } from './handoverCardViews';

function input(card: object, id: string): Record<string, unknown> | undefined {
  return inputs(card).find((item) => item.id === id);
}

describe('renderHandover', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when a coordinator opens it, then both pickers list the directory’s people and also search the organisation', () => {
      const card = renderHandover(handoverView(locale));
      expect(inputs(card).map((item) => [item.type, item.id])).toEqual([
        ['Input.ChoiceSet', 'fromPerson'],
        ['Input.ChoiceSet', 'toPerson'],
      ]);
      for (const id of ['fromPerson', 'toPerson']) {
        const picker = input(card, id)!;
        expect(picker.choices).toEqual(SOME_PEOPLE.map((person) => ({ title: person.name, value: person.id })));
        expect(picker['choices.data']).toEqual(PEOPLE_PICKER_QUERY);
        expect(picker.isMultiSelect).toBeUndefined();
        expect(picker.isRequired).toBeUndefined();
      }
      expect(input(card, 'fromPerson')?.label).toBe(t(locale, 'handover.fromLabel'));
      expect(input(card, 'toPerson')?.label).toBe(t(locale, 'handover.toLabel'));
      expect(visibleTexts(card)).toContain(t(locale, 'handover.searchHint'));
    });

    it('when someone who is not a coordinator opens it, then whose cases is fixed to themself, shown as text, not as an input', () => {
      const card = renderHandover(ownHandoverView(locale));
      expect(inputs(card).map((item) => item.id)).toEqual(['toPerson']);
      expect(input(card, 'toPerson')?.choices).toEqual([{ title: LOTTE.name, value: LOTTE.id }]);
      const texts = visibleTexts(card);
      expect(texts).toEqual(expect.arrayContaining([t(locale, 'handover.fromFixedLabel'), JEROEN.name, t(locale, 'handover.ownOnly')]));
    });

    it('when the directory lists nobody, then the pickers list the user (a choice set needs one choice) and still search the organisation', () => {
      const card = renderHandover(handoverView(locale, { fromChoices: [], toChoices: [] }));
      for (const id of ['fromPerson', 'toPerson']) {
        expect(input(card, id)).toMatchObject({ choices: [{ title: ANOUK.name, value: ANOUK.id }], 'choices.data': PEOPLE_PICKER_QUERY });
      }
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
    });

    it('when the form is read, then it says in plain words what happens: all open cases move, the Meldpunt gets those the successor is involved in, reporters hear the role, not the name', () => {
      const texts = visibleTexts(renderHandover(handoverView(locale)));
      expect(texts.slice(0, 3)).toEqual([t(locale, 'handover.title'), t(locale, 'handover.intro'), t(locale, 'handover.whatHappensTitle')]);
      for (const key of ['allOpen', 'successorRole', 'excluded', 'successor', 'reporters'] as const) expect(texts).toContain(`- ${t(locale, `handover.whatHappens.${key}`)}`);
      expect(t(locale, 'handover.whatHappens.excluded')).toContain('Meldpunt Integriteit Defensie');
      expect(t(locale, 'handover.whatHappens.reporters')).toMatch(locale === 'nl' ? /rol.*niet de naam/ : /role, not the name/);
    });

    it('when the form has buttons, then submit and cancel name the handover dialog, and cancel sends no inputs', () => {
      const card = renderHandover(handoverView(locale));
      expect(actions(card).map((action) => [action.title, vmOf(action)])).toEqual([
        [t(locale, 'handover.submit'), { dialog: 'handover', nav: 'submit' }],
        [t(locale, 'handover.cancel'), { dialog: 'handover', nav: 'close' }],
      ]);
      expect(actions(card)[1].associatedInputs).toBe('none');
    });

    it('when the form comes back after an error, then the selections are kept', () => {
      const card = renderHandover(handoverView(locale, { fromPerson: JEROEN.id, toPerson: LOTTE.id, errors: { toPerson: 'sameAsHandler' } }));
      expect(input(card, 'fromPerson')?.value).toBe(JEROEN.id);
      expect(input(card, 'toPerson')?.value).toBe(LOTTE.id);
    });

    it.each([
      ['fromPerson', 'pickPerson'],
      ['fromPerson', 'handoverNotAllowed'],
      ['toPerson', 'pickSuccessor'],
      ['toPerson', 'sameAsHandler'],
      ['toPerson', 'unknownPerson'],
    ] as const)('when %s has the error %s, then it is shown in red right under that field', (field, key) => {
      const card = renderHandover(handoverView(locale, { errors: { [field]: key } }));
      expect(elementAfterInput(card, field)).toMatchObject({ type: 'TextBlock', color: 'attention', text: t(locale, `validation.${key}`) });
      expect(allObjects(card).filter((item) => item.color === 'attention')).toHaveLength(1);
    });

    it('when someone who is not a coordinator is refused, then the refusal is shown right under their own name', () => {
      const card = renderHandover(ownHandoverView(locale, { errors: { fromPerson: 'handoverNotAllowed' } }));
      const texts = visibleTexts(card);
      expect(texts[texts.indexOf(JEROEN.name) + 1]).toBe(t(locale, 'validation.handoverNotAllowed'));
    });

    it('when an error key is unknown, then the general text is shown, never the key', () => {
      const card = renderHandover(handoverView(locale, { errors: { toPerson: 'nope' } }));
      expect(elementAfterInput(card, 'toPerson')?.text).toBe(t(locale, 'validation.generic'));
      expect(JSON.stringify(card)).not.toContain('nope');
    });

    it('when there is no error, then no red text is shown', () => {
      expect(allObjects(renderHandover(handoverView(locale))).filter((item) => item.color === 'attention')).toEqual([]);
    });

    it('when the directory has many people, then each picker lists at most the maximum, in the order given, and the card stays under the Teams limit', () => {
      const people = manyPeople(400);
      const card = renderHandover(handoverView(locale, { fromChoices: people, toChoices: people }));
      expect(input(card, 'fromPerson')?.choices).toEqual(people.slice(0, HANDOVER_MAX_CHOICES).map((person) => ({ title: person.name, value: person.id })));
      expect((input(card, 'toPerson')?.choices as unknown[]).length).toBe(HANDOVER_MAX_CHOICES);
      expect(sizeInBytes(card)).toBeLessThan(CARD_BUDGET_BYTES);
    });

    it('when the handover is done, then the dialog shows the counts per outcome, no reference at all, and only a close button', () => {
      const card = renderHandover(handoverView(locale, { result: SOME_OUTCOME }));
      expect(inputs(card)).toEqual([]);
      const texts = visibleTexts(card);
      expect(texts.slice(0, 2)).toEqual([t(locale, 'handover.done.title'), t(locale, 'handover.done.intro', { from: JEROEN.name })]);
      expect(allObjects(card).find((item) => item.type === 'FactSet')?.facts).toEqual([
        { title: t(locale, 'handover.done.toSuccessor', { to: LOTTE.name }), value: '2' },
        { title: t(locale, 'handover.done.toFallback'), value: '1' },
        { title: t(locale, 'handover.done.notMoved'), value: '0' },
      ]);
      expect(texts).toEqual(expect.arrayContaining([t(locale, 'handover.done.fallbackNote'), t(locale, 'handover.done.reportersTold')]));
      expect(texts.join('\n')).not.toMatch(/VM-/);
      expect(allObjects(card).filter((item) => item.color === 'attention')).toEqual([]);
      expect(actions(card).map((action) => [action.title, vmOf(action)])).toEqual([[t(locale, 'common.close'), { dialog: 'handover', nav: 'close' }]]);
    });

    it('when some cases could not be moved, then that is said in red, with their number only', () => {
      const card = renderHandover(handoverView(locale, { result: { ...SOME_OUTCOME, notMoved: 1 } }));
      expect(allObjects(card).filter((item) => item.color === 'attention').map((item) => item.text)).toEqual([t(locale, 'handover.done.notMovedNote', { from: JEROEN.name })]);
      expect(allObjects(card).find((item) => item.type === 'FactSet')?.facts).toContainEqual({ title: t(locale, 'handover.done.notMoved'), value: '1' });
    });

    it('when nothing was open, then the dialog says so and shows no counts', () => {
      const card = renderHandover(handoverView(locale, { result: { ...SOME_OUTCOME, toSuccessor: 0, toFallback: 0 } }));
      expect(visibleTexts(card)).toEqual([t(locale, 'handover.done.title'), t(locale, 'handover.done.none', { from: JEROEN.name })]);
    });

    it('when very many cases moved, then the count says how many', () => {
      const card = renderHandover(handoverView(locale, { result: { ...SOME_OUTCOME, toSuccessor: 1112 } }));
      expect(allObjects(card).find((item) => item.type === 'FactSet')?.facts).toContainEqual({ title: t(locale, 'handover.done.toSuccessor', { to: LOTTE.name }), value: formatNumber(1112, locale) });
    });

    it('when a name holds template or markdown syntax, then it is shown as given, never evaluated', () => {
      const odd = { id: 'id-odd', name: '${text.title} **Vet**' };
      const card = renderHandover(handoverView(locale, { fromChoices: [odd] }));
      expect(input(card, 'fromPerson')?.choices).toEqual([{ title: odd.name, value: odd.id }]);
    });
  });

  it('when the card is read by the Adaptive Cards library as a 1.6 card, then it knows the people picker query: the one property the 1.5 schema lacks', () => {
    const card = renderHandover(handoverView('nl'));
    const parsed = new AC.AdaptiveCard();
    parsed.parse({ ...card, version: '1.6' }, new AC.SerializationContext());
    const pickers = allObjects(parsed.toJSON()).filter((item) => item.type === 'Input.ChoiceSet');
    expect(pickers.map((item) => item['choices.data'])).toEqual([PEOPLE_PICKER_QUERY, PEOPLE_PICKER_QUERY]);
  });
});

describe('renderNotice with a dialog button', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it('when the handover notice is shown, then it has no content, only a button that opens the handover dialog', () => {
      const card = renderNotice({ locale, titleKey: 'notices.handover.title', textKey: 'notices.handover.text', openDialog: { dialog: 'handover', titleKey: 'handover.open' } });
      expect(visibleTexts(card)).toEqual([t(locale, 'notices.handover.title'), t(locale, 'notices.handover.text')]);
      expect(actions(card)).toEqual([
        expect.objectContaining({ type: 'Action.Submit', title: t(locale, 'handover.open'), data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'handover', nav: 'next' } } }),
      ]);
      expect(inputs(card)).toEqual([]);
    });

    it('when the dialog button’s title key is unknown, then the button is left out rather than show a raw key', () => {
      const card = renderNotice({ locale, titleKey: 'notices.handover.title', textKey: 'notices.handover.text', openDialog: { dialog: 'handover', titleKey: 'handover.nope' } });
      expect(actions(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('handover.nope');
    });

    it('when a report is offered too, then both buttons are there, the dialog first', () => {
      const card = renderNotice({ locale, titleKey: 'notices.handover.title', textKey: 'notices.handover.text', offerReport: true, openDialog: { dialog: 'handover', titleKey: 'handover.open' } });
      expect(actions(card).map((action) => vmOf(action).dialog)).toEqual(['handover', 'wizard']);
    });
  });
});
