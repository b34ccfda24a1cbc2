import { adaptiveCardsProblems, PEOPLE_PICKER_QUERY, schemaErrors } from './cardChecks';

const VALID = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hallo' }] };

describe('the card checks themselves', () => {
  it('when a card is valid, then neither check reports anything', () => {
    expect(schemaErrors(VALID)).toEqual([]);
    expect(adaptiveCardsProblems(VALID)).toEqual([]);
  });

  it('when a card has an unknown element, then both checks report it', () => {
    const card = { ...VALID, body: [{ type: 'Input.Slider', id: 'x' }] };
    expect(schemaErrors(card)).not.toEqual([]);
    expect(adaptiveCardsProblems(card).join()).toMatch(/UnknownElementType/);
  });

  it('when a card has a duplicate input id or an unlabelled required input, then the library reports it', () => {
    const card = {
      ...VALID,
      body: [
        { type: 'Input.Text', id: 'a', label: 'A', isRequired: true, errorMessage: 'Vul in' },
        { type: 'Input.Text', id: 'a', isRequired: true },
      ],
    };
    expect(adaptiveCardsProblems(card).join()).toMatch(/DuplicateId.*RequiredInputsShouldHaveLabel.*RequiredInputsShouldHaveErrorMessage/);
  });

  it('when a card misses required properties or has unknown ones, then the schema check reports it', () => {
    expect(schemaErrors({ ...VALID, body: [{ type: 'TextBlock' }] })).not.toEqual([]);
    expect(schemaErrors({ ...VALID, body: [{ type: 'TextBlock', text: 'x', colour: 'red' }] })).not.toEqual([]);
    expect(schemaErrors({ ...VALID, bogus: true })).not.toEqual([]);
  });

  it('when the card has Teams’ msteams width or template keys, then the schema check allows them', () => {
    expect(schemaErrors({ ...VALID, msteams: { width: 'Full' }, body: [{ type: 'TextBlock', text: '${x}', $when: '${y}' }] })).toEqual([]);
  });

  it('when an Input.ChoiceSet carries Teams’ people picker query, then the library parses it and the schema check allows it; any other choices.data is reported', () => {
    const picker = { type: 'Input.ChoiceSet', id: 'person', label: 'Wie?', choices: [{ title: 'Lotte Peters', value: 'id-13' }], 'choices.data': { ...PEOPLE_PICKER_QUERY } };
    const card = { ...VALID, body: [picker] };
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(schemaErrors(card)).toEqual([]);
    expect(schemaErrors({ ...VALID, body: [{ ...picker, 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/groups' } }] })).not.toEqual([]);
    expect(schemaErrors({ ...VALID, body: [{ type: 'Input.Text', id: 'x', 'choices.data': { ...PEOPLE_PICKER_QUERY } }] })).not.toEqual([]);
  });

  it('when the same valid language is parsed twice, then it is not reported the second time', () => {
    const card = { ...VALID, lang: 'nl' };
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(adaptiveCardsProblems(card)).toEqual([]);
  });
});
