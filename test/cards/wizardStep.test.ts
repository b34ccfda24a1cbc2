import { LOCALES } from '../../bot/domain/locale';
import { CATEGORIES, DESCRIPTION_MAX_LENGTH, IDENTITY_MODES, MANAGER_INVOLVED, REQUEST_KINDS, STEP_FIELDS } from '../../bot/domain/report';
import { t } from '../../cards/i18n';
import { renderWizardStep } from '../../cards/wizardStep';
import { actions, bodyOf, inputs, textIn, vmOf, visibleTexts } from './cardChecks';
import { ERRORS_FOR_EVERY_FIELD, FULL_ANSWERS, INPUT_STEPS, stepView } from './cardViews';

function inputById(card: object, id: string): Record<string, unknown> {
  const found = inputs(card).find((input) => input.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

/** The element right after the input with this id: the inputs of a step sit in one container. */
function elementAfterInput(card: object, id: string): Record<string, unknown> | undefined {
  for (const element of bodyOf(card)) {
    const items = (element.items ?? []) as Record<string, unknown>[];
    const index = items.findIndex((item) => item.id === id);
    if (index >= 0) return items[index + 1];
  }
  return undefined;
}

describe('renderWizardStep', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(INPUT_STEPS)('when the step is %s, then the card has exactly that step’s inputs', (step) => {
      const card = renderWizardStep(stepView(step, locale));
      expect(inputs(card).map((input) => input.id)).toEqual(STEP_FIELDS[step]);
    });

    it.each(INPUT_STEPS)('when the step is %s, then the progress line says which step of how many', (step) => {
      const view = stepView(step, locale);
      const card = renderWizardStep(view);
      expect(visibleTexts(card)).toContain(t(locale, 'common.progress', { number: view.stepNumber, total: 7 }));
      expect(visibleTexts(card)).toContain(t(locale, `wizard.${step}.title`));
    });

    it('when on step 1, then Back is absent; Next and Stop are there', () => {
      const navs = actions(renderWizardStep(stepView('what', locale))).map((a) => vmOf(a).nav);
      expect(navs).toEqual(['next', 'stop']);
    });

    it.each(INPUT_STEPS.slice(1))('when on step %s, then the buttons are Back, Next and Stop, in that order', (step) => {
      const card = renderWizardStep(stepView(step, locale));
      expect(actions(card).map((a) => [a.title, vmOf(a)])).toEqual([
        [t(locale, 'common.back'), { dialog: 'wizard', nav: 'back', draftId: 'draft-6f1c2a9e', step }],
        [t(locale, 'common.next'), { dialog: 'wizard', nav: 'next', draftId: 'draft-6f1c2a9e', step }],
        [t(locale, 'common.stop'), { dialog: 'wizard', nav: 'stop', draftId: 'draft-6f1c2a9e', step }],
      ]);
    });

    it('when answers exist, then every input starts with them, in the form the card sends back', () => {
      const values = (step: (typeof INPUT_STEPS)[number]) =>
        Object.fromEntries(inputs(renderWizardStep(stepView(step, locale, { answers: FULL_ANSWERS }))).map((i) => [i.id, i.value]));
      expect(values('what')).toEqual({ immediateDanger: 'false', categories: 'bullying,sexual_harassment' });
      expect(values('want')).toEqual({ kind: 'report', preferMeldpunt: 'true' });
      expect(values('identity')).toEqual({ identity: 'confidential' });
      expect(values('involved')).toEqual({ involved: FULL_ANSWERS.involved, managerInvolved: 'yes' });
      expect(values('details')).toEqual({ incidentDate: '2025-03-14', location: FULL_ANSWERS.location, description: FULL_ANSWERS.description });
      expect(values('support')).toEqual({ wantsCounsellorContact: 'true' });
    });

    it('when nothing is answered yet, then inputs are empty and toggles are off', () => {
      const card = renderWizardStep(stepView('support', locale));
      expect(inputs(card).map((i) => i.value)).toEqual(['false']);
      // Unanswered, the danger question has no answer (not "no").
      expect(inputById(renderWizardStep(stepView('what', locale)), 'immediateDanger').value).toBe('');
      expect(inputById(renderWizardStep(stepView('details', locale)), 'description').value).toBe('');
    });

    it('when any step is shown, then no input is marked required, so Back and Stop always work and the bot reports missing answers next to the field', () => {
      for (const step of ['what', 'want', 'identity', 'involved', 'details', 'support'] as const) {
        for (const input of inputs(renderWizardStep(stepView(step, locale)))) expect(input.isRequired).toBeUndefined();
      }
    });

    it('when the step asks what happened, then each category is listed once, as a choice with its explanation', () => {
      const card = renderWizardStep(stepView('what', locale));
      const input = inputById(card, 'categories');
      expect(input).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'expanded', wrap: true });
      expect(input.choices).toEqual(CATEGORIES.map((c) => ({ title: `${t(locale, `categories.${c}.title`)} — ${t(locale, `categories.${c}.hint`)}`, value: c })));
      for (const c of CATEGORIES) {
        // Nowhere else on the card: no list of explanations above a list of checkboxes.
        expect(textIn(card)).not.toContain(t(locale, `categories.${c}.hint`));
      }
    });

    it('when the wizard starts, then its first question is whether someone is in danger right now, before what happened', () => {
      const card = renderWizardStep(stepView('what', locale));
      expect(inputs(card).map((input) => input.id)).toEqual(['immediateDanger', 'categories']);
      expect(inputById(card, 'immediateDanger')).toMatchObject({
        type: 'Input.ChoiceSet',
        style: 'expanded',
        label: t(locale, 'wizard.support.dangerLabel'),
        choices: [
          { title: t(locale, 'wizard.what.dangerYes'), value: 'true' },
          { title: t(locale, 'wizard.what.dangerNo'), value: 'false' },
        ],
      });
      expect(inputById(renderWizardStep(stepView('what', locale, { answers: { immediateDanger: true } })), 'immediateDanger').value).toBe('true');
    });

    it('when a hint explains a question, then it comes right after that question (and its error), never before it', () => {
      const hints: [typeof INPUT_STEPS[number], string, string][] = [
        ['what', 'immediateDanger', t(locale, 'wizard.what.dangerHint')],
        ['want', 'preferMeldpunt', t(locale, 'preferMeldpunt.hint')],
        ['involved', 'managerInvolved', t(locale, 'wizard.involved.managerInvolvedHint')],
        ['support', 'wantsCounsellorContact', t(locale, 'wizard.support.counsellorHint')],
      ];
      for (const [step, id, hint] of hints) {
        expect(elementAfterInput(renderWizardStep(stepView(step, locale)), id)).toMatchObject({ type: 'TextBlock', text: hint });
        const texts = visibleTexts(renderWizardStep(stepView(step, locale)));
        const card = renderWizardStep(stepView(step, locale));
        const label = inputById(card, id).label as string;
        expect(JSON.stringify(card).indexOf(JSON.stringify(label))).toBeLessThan(JSON.stringify(card).indexOf(JSON.stringify(hint)));
        expect(texts).toContain(hint);
      }
    });

    it('when a step is opened with "Wijzig" on the review, then its Next and Back carry returnTo review, and Stop does not', () => {
      const card = renderWizardStep(stepView('involved', locale, { returnTo: 'review' }));
      expect(actions(card).map(vmOf)).toEqual([
        { dialog: 'wizard', nav: 'back', draftId: 'draft-6f1c2a9e', step: 'involved', returnTo: 'review' },
        { dialog: 'wizard', nav: 'next', draftId: 'draft-6f1c2a9e', step: 'involved', returnTo: 'review' },
        { dialog: 'wizard', nav: 'stop', draftId: 'draft-6f1c2a9e', step: 'involved' },
      ]);
    });

    it('when the step asks what the reporter wants, then each kind is explained with what happens next, and the Meldpunt preference is a toggle', () => {
      const card = renderWizardStep(stepView('want', locale));
      expect(inputById(card, 'kind')).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded' });
      expect((inputById(card, 'kind').choices as { value: string }[]).map((c) => c.value)).toEqual([...REQUEST_KINDS]);
      for (const kind of REQUEST_KINDS) {
        expect(textIn(card)).toContain(t(locale, `kinds.${kind}.hint`));
        expect(visibleTexts(card)).toContain(t(locale, `kinds.${kind}.next`));
      }
      expect(inputById(card, 'preferMeldpunt')).toMatchObject({
        type: 'Input.Toggle',
        valueOn: 'true',
        valueOff: 'false',
        title: t(locale, 'preferMeldpunt.toggle'),
      });
    });

    it('when the step asks about identity, then the three modes are explained honestly, including what Teams itself records', () => {
      const card = renderWizardStep(stepView('identity', locale));
      expect((inputById(card, 'identity').choices as { value: string }[]).map((c) => c.value)).toEqual([...IDENTITY_MODES]);
      const text = textIn(card);
      for (const mode of IDENTITY_MODES) expect(text).toContain(t(locale, `identity.${mode}.hint`));
      expect(visibleTexts(card)).toEqual(
        expect.arrayContaining([t(locale, 'identity.neverViaLine'), t(locale, 'identity.teamsKnows'), t(locale, 'identity.anonymousCareful')]),
      );
    });

    it('when the step asks who is involved, then the manager question offers yes, no and rather not say', () => {
      const card = renderWizardStep(stepView('involved', locale));
      expect(inputById(card, 'managerInvolved')).toMatchObject({ style: 'expanded' });
      expect(inputById(card, 'managerInvolved').choices).toEqual(MANAGER_INVOLVED.map((m) => ({ title: t(locale, `managerInvolved.${m}`), value: m })));
      expect(inputById(card, 'involved')).toMatchObject({ type: 'Input.Text', isMultiline: true });
      expect(inputById(card, 'involved').isRequired).toBeUndefined();
    });

    it('when the step asks for details, then date and place are optional and the description is required, multiline and limited to 10,000', () => {
      const card = renderWizardStep(stepView('details', locale));
      expect(inputById(card, 'incidentDate')).toMatchObject({ type: 'Input.Date' });
      expect(inputById(card, 'incidentDate').isRequired).toBeUndefined();
      expect(inputById(card, 'location').isRequired).toBeUndefined();
      expect(inputById(card, 'description')).toMatchObject({
        type: 'Input.Text',
        isMultiline: true,
        maxLength: DESCRIPTION_MAX_LENGTH,
        errorMessage: t(locale, 'wizard.details.descriptionError'),
      });
    });

    it('when the step asks about support, then the counsellor question is a toggle that sends "true"/"false" (danger was asked at the start)', () => {
      const card = renderWizardStep(stepView('support', locale));
      expect(inputs(card).map((input) => input.id)).toEqual(['wantsCounsellorContact']);
      expect(inputById(card, 'wantsCounsellorContact')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false' });
    });

    it('when reporting anonymously, then the support step says a counsellor cannot contact you', () => {
      const anonymous = renderWizardStep(stepView('support', locale, { answers: { identity: 'anonymous' } }));
      const named = renderWizardStep(stepView('support', locale, { answers: { identity: 'named' } }));
      expect(visibleTexts(anonymous)).toContain(t(locale, 'wizard.support.counsellorAnonymous'));
      expect(visibleTexts(named)).not.toContain(t(locale, 'wizard.support.counsellorAnonymous'));
    });

    it('when every input is required or labelled, then each has a label, and required ones an error message', () => {
      for (const step of INPUT_STEPS) {
        for (const input of inputs(renderWizardStep(stepView(step, locale)))) {
          expect(input.label).toEqual(expect.any(String));
          expect(input.label).not.toBe('');
          if (input.isRequired) expect(input.errorMessage).toEqual(expect.any(String));
        }
      }
    });

    it('when the description has an error, then its message appears in red right below the description', () => {
      const card = renderWizardStep(stepView('details', locale, { errors: { description: 'required' } }));
      expect(elementAfterInput(card, 'description')).toMatchObject({
        type: 'TextBlock',
        color: 'attention',
        text: t(locale, 'wizard.details.descriptionError'),
      });
    });

    it('when a field is too long, then the message names the maximum in the user’s number format', () => {
      const card = renderWizardStep(stepView('details', locale, { errors: { description: 'tooLong', location: 'tooLong' } }));
      const max = locale === 'nl' ? '10.000' : '10,000';
      expect(visibleTexts(card)).toContain(t(locale, 'validation.tooLong', { max }));
      expect(visibleTexts(card)).toContain(t(locale, 'validation.tooLong', { max: '200' }));
    });

    it.each(INPUT_STEPS)('when every field of step %s has an error, then each message is shown next to its input', (step) => {
      const card = renderWizardStep(stepView(step, locale, { errors: ERRORS_FOR_EVERY_FIELD }));
      for (const field of STEP_FIELDS[step]) {
        const next = elementAfterInput(card, field);
        expect(next).toMatchObject({ type: 'TextBlock', color: 'attention', text: expect.any(String) });
        expect(next?.text).not.toMatch(/^validation\./);
      }
    });

    it('when there are no errors, then no red text is shown', () => {
      for (const step of INPUT_STEPS) {
        const card = renderWizardStep(stepView(step, locale, { answers: FULL_ANSWERS }));
        expect(JSON.stringify(card)).not.toContain('"attention"');
      }
    });

    it('when an error key is unknown, then a general message is shown, not the key', () => {
      const card = renderWizardStep(stepView('details', locale, { errors: { location: 'somethingNew' } }));
      expect(visibleTexts(card)).toContain(t(locale, 'validation.generic'));
      expect(JSON.stringify(card)).not.toContain('somethingNew');
    });

    it('when danger help is asked for, then it is the first thing on the card, with 112', () => {
      const card = renderWizardStep(stepView('details', locale, { showDangerHelp: true, resumed: true }));
      const first = bodyOf(card)[0];
      expect(first).toMatchObject({ type: 'Container', style: 'attention' });
      expect(textIn(first)).toContain('112');
      expect(textIn(first)).toContain(t(locale, 'dangerHelp.marechaussee'));
    });

    it('when danger help is not asked for, then 112 is not on a wizard step', () => {
      const card = renderWizardStep(stepView('details', locale));
      expect(textIn(card)).not.toContain('112');
    });

    it('when resumed, then the first line welcomes the reporter back', () => {
      const card = renderWizardStep(stepView('involved', locale, { resumed: true }));
      expect(bodyOf(card)[0]).toMatchObject({ type: 'TextBlock', text: t(locale, 'wizard.resumed') });
      expect(visibleTexts(renderWizardStep(stepView('involved', locale)))).not.toContain(t(locale, 'wizard.resumed'));
    });
  });
});
