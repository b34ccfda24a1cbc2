import { advanceWizard, type WizardState } from '../../bot/domain/advanceWizard';

const TODAY = '2026-11-30';
const start: WizardState = { step: 'what', answers: {} };

describe('advanceWizard', () => {
  it('when no category is chosen and Next is pressed, then the step stays with an error', () => {
    const outcome = advanceWizard(start, 'next', {}, TODAY);
    expect(outcome).toMatchObject({ type: 'show', state: { step: 'what' }, errors: { categories: 'pickAtLeastOneCategory' } });
  });

  it('when categories arrive as the comma list Teams sends, then they are kept in catalogue order and the wizard moves on', () => {
    const outcome = advanceWizard(start, 'next', { categories: 'discrimination,bullying' }, TODAY);
    expect(outcome).toMatchObject({ type: 'show', state: { step: 'want', answers: { categories: ['bullying', 'discrimination'] } }, errors: {} });
  });

  it('when an unknown category is sent, then it is refused and the known ones are kept', () => {
    const outcome = advanceWizard(start, 'next', { categories: 'bullying,<script>' }, TODAY);
    expect(outcome).toMatchObject({ type: 'show', state: { step: 'what', answers: { categories: ['bullying'] } }, errors: { categories: 'invalidChoice' } });
  });

  it('when Back is pressed with invalid input, then the input is kept and no error is shown', () => {
    const state: WizardState = { step: 'details', answers: { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no' } };
    const outcome = advanceWizard(state, 'back', { description: 'half a sentence', incidentDate: 'yesterday' }, TODAY);
    expect(outcome).toMatchObject({ type: 'show', state: { step: 'involved', answers: { description: 'half a sentence' } }, errors: {} });
  });

  it('when the description is longer than 10,000 characters, then the first 10,000 are kept with a tooLong error', () => {
    const state: WizardState = { step: 'details', answers: {} };
    const outcome = advanceWizard(state, 'next', { description: 'x'.repeat(100_000) }, TODAY);
    if (outcome.type !== 'show') throw new Error(outcome.type);
    expect(outcome.errors.description).toBe('tooLong');
    expect(outcome.state.answers.description).toHaveLength(10_000);
    expect(outcome.state.step).toBe('details');
  });

  it('when a date in the future or a malformed date is sent, then the date is refused', () => {
    const state: WizardState = { step: 'details', answers: {} };
    expect(advanceWizard(state, 'next', { description: 'd', incidentDate: '2026-12-01' }, TODAY)).toMatchObject({ errors: { incidentDate: 'dateInFuture' } });
    expect(advanceWizard(state, 'next', { description: 'd', incidentDate: '2026-02-30' }, TODAY)).toMatchObject({ errors: { incidentDate: 'invalidDate' } });
    expect(advanceWizard(state, 'next', { description: 'd', incidentDate: TODAY }, TODAY)).toMatchObject({ errors: {}, state: { step: 'support' } });
  });

  it('when values of the wrong type arrive, then they are refused, not trusted', () => {
    const state: WizardState = { step: 'want', answers: {} };
    const outcome = advanceWizard(state, 'next', { kind: { $gt: '' }, preferMeldpunt: 'maybe' }, TODAY);
    expect(outcome).toMatchObject({ type: 'show', state: { step: 'want' }, errors: { kind: 'invalidChoice', preferMeldpunt: 'invalidChoice' } });
  });

  it('when a klacht is to be anonymous, then the identity step explains that a klacht needs a name', () => {
    const state: WizardState = { step: 'identity', answers: { kind: 'complaint' } };
    expect(advanceWizard(state, 'next', { identity: 'anonymous' }, TODAY)).toMatchObject({ errors: { identity: 'complaintNotAnonymous' } });
    expect(advanceWizard(state, 'next', { identity: 'confidential' }, TODAY)).toMatchObject({ errors: {}, state: { step: 'involved' } });
  });

  it('when the reporter says on the first step that someone is in danger, then the help is shown at once, even before the categories are complete', () => {
    const state: WizardState = { step: 'what', answers: {} };
    expect(advanceWizard(state, 'next', { immediateDanger: 'true', categories: 'aggression' }, TODAY)).toMatchObject({
      type: 'show',
      dangerHelp: true,
      state: { step: 'want', answers: { immediateDanger: true, categories: ['aggression'] } },
    });
    expect(advanceWizard(state, 'next', { immediateDanger: 'true' }, TODAY)).toMatchObject({ type: 'show', dangerHelp: true, state: { step: 'what' } });
  });

  it('when the danger answer was already yes, then passing the step again does not show the help again', () => {
    const state: WizardState = { step: 'what', answers: { immediateDanger: true, categories: ['aggression'] } };
    expect(advanceWizard(state, 'next', { immediateDanger: 'true', categories: 'aggression' }, TODAY)).toMatchObject({ dangerHelp: false, state: { step: 'want' } });
    expect(advanceWizard({ step: 'what', answers: {} }, 'next', { immediateDanger: 'false', categories: 'aggression' }, TODAY)).toMatchObject({ dangerHelp: false });
  });

  it('when a step was opened from the review ("Wijzig"), then Next and Back return to the review, with the change kept', () => {
    const state: WizardState = { step: 'involved', answers: { managerInvolved: 'no', description: 'd' } };
    expect(advanceWizard(state, 'next', { managerInvolved: 'yes' }, TODAY, undefined, { returnToReview: true })).toMatchObject({
      state: { step: 'review', answers: { managerInvolved: 'yes', description: 'd' } },
    });
    expect(advanceWizard(state, 'back', { managerInvolved: 'yes' }, TODAY, undefined, { returnToReview: true })).toMatchObject({ state: { step: 'review' } });
    expect(advanceWizard(state, 'next', { managerInvolved: 'yes' }, TODAY)).toMatchObject({ state: { step: 'details' } });
    expect(advanceWizard(state, 'next', {}, TODAY, undefined, { returnToReview: true })).toMatchObject({ state: { step: 'involved' }, errors: { managerInvolved: 'required' } });
  });

  it('when a card without inputs is pressed (the danger help), then no answer changes, and resume shows the draft step', () => {
    const state: WizardState = { step: 'want', answers: { kind: 'report', categories: ['bullying'] } };
    expect(advanceWizard(state, 'stop', {}, TODAY, undefined, { withoutInputs: true })).toEqual({ type: 'stop', state });
    expect(advanceWizard(state, 'resume', {}, TODAY)).toEqual({ type: 'show', state, errors: {}, dangerHelp: false });
  });

  it('when a field is emptied, then its earlier answer is removed', () => {
    const state: WizardState = { step: 'details', answers: { description: 'old', location: 'Ede' } };
    const outcome = advanceWizard(state, 'next', { description: 'new', location: '' }, TODAY);
    expect(outcome).toMatchObject({ state: { answers: { description: 'new' } } });
    if (outcome.type === 'show') expect(outcome.state.answers.location).toBeUndefined();
  });

  it('when submitting with a step incomplete, then the review names that step', () => {
    const state: WizardState = { step: 'review', answers: { categories: ['bullying'], kind: 'report', identity: 'named' } };
    expect(advanceWizard(state, 'submit', {}, TODAY)).toMatchObject({ type: 'incomplete', error: { key: 'required', step: 'involved' } });
  });

  it('when every step is complete, then submit yields the complete report', () => {
    const state: WizardState = {
      step: 'review',
      answers: { categories: ['bullying'], kind: 'advice', preferMeldpunt: true, identity: 'named', managerInvolved: 'no', description: 'what happened' },
    };
    const outcome = advanceWizard(state, 'submit', {}, TODAY);
    expect(outcome).toMatchObject({ type: 'submit', report: { kind: 'advice', description: 'what happened', immediateDanger: false } });
    if (outcome.type === 'submit') expect(outcome.report.preferMeldpunt).toBe(false);
  });

  it('when Stop is pressed, then what was entered is kept', () => {
    const outcome = advanceWizard({ step: 'involved', answers: {} }, 'stop', { involved: 'my sergeant', managerInvolved: 'yes' }, TODAY);
    expect(outcome).toEqual({ type: 'stop', state: { step: 'involved', answers: { involved: 'my sergeant', managerInvolved: 'yes' } } });
  });
});
