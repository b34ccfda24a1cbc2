import { checkStep } from './checkStep';
import { parseStepInput, type FieldErrors } from './parseStepInput';
import { STEP_FIELDS, WIZARD_STEPS, type CompleteReport, type ReportAnswers, type WizardStep } from './report';

export interface WizardState {
  step: WizardStep;
  answers: ReportAnswers;
}

/** `resume`: show the draft's current step again, e.g. after the danger help; the card carries no inputs. */
export type WizardNav = 'next' | 'back' | 'stop' | 'goto' | 'submit' | 'resume';

export interface WizardOptions {
  /** The step was opened with "Wijzig" on the review: Next and Back return to the review. */
  returnToReview?: boolean;
  /** The card pressed was not a step (the danger help): it carried no answers, so none change. */
  withoutInputs?: boolean;
}

export type WizardOutcome =
  /** Show `state.step` (with errors, when the step was not complete). */
  | { type: 'show'; state: WizardState; errors: FieldErrors; dangerHelp: boolean }
  /** Keep the draft and close the dialog. */
  | { type: 'stop'; state: WizardState }
  /** Every step is complete: make the case. */
  | { type: 'submit'; state: WizardState; report: CompleteReport }
  /** Submit found a step that is not complete. */
  | { type: 'incomplete'; state: WizardState; error: { key: string; step: WizardStep } };

/**
 * The report wizard as a pure function: given where the reporter is, what the card sent and
 * which button they pressed, where they go next. What they entered is always kept, also when
 * it is invalid or they go back, so nothing typed is ever lost.
 */
export function advanceWizard(
  state: WizardState,
  nav: WizardNav,
  input: Record<string, unknown>,
  today: string,
  goto?: WizardStep,
  options: WizardOptions = {},
): WizardOutcome {
  if (nav === 'resume') return show({ step: state.step, answers: state.answers });
  const parsed = options.withoutInputs ? { answers: {}, errors: {} } : parseStepInput(state.step, input, today);
  const answers = options.withoutInputs ? state.answers : mergeStepAnswers(state.step, state.answers, parsed.answers);
  const here: WizardState = { step: state.step, answers };
  const index = WIZARD_STEPS.indexOf(state.step);
  const returnToReview = options.returnToReview === true && state.step !== 'review';

  switch (nav) {
    case 'stop':
      return { type: 'stop', state: here };
    case 'back':
      return show({ step: returnToReview ? 'review' : WIZARD_STEPS[Math.max(0, index - 1)], answers });
    case 'goto':
      return show({ step: goto ?? state.step, answers });
    case 'next': {
      const errors: FieldErrors = { ...checkStep(state.step, answers), ...parsed.errors };
      // Safety first: the help is shown as soon as the reporter says someone is in danger (also
      // when something else on the step is missing), and only then, not each time the step is passed.
      const dangerHelp = answers.immediateDanger === true && state.answers.immediateDanger !== true;
      if (Object.keys(errors).length > 0) return { type: 'show', state: here, errors, dangerHelp };
      const step = returnToReview ? 'review' : WIZARD_STEPS[Math.min(WIZARD_STEPS.length - 1, index + 1)];
      return { type: 'show', state: { step, answers }, errors: {}, dangerHelp };
    }
    case 'submit': {
      for (const step of WIZARD_STEPS) {
        const errors = checkStep(step, answers);
        const first = Object.values(errors)[0];
        if (first) return { type: 'incomplete', state: { step: 'review', answers }, error: { key: first, step } };
      }
      return { type: 'submit', state: here, report: toCompleteReport(answers) };
    }
  }
}

function show(state: WizardState): WizardOutcome {
  return { type: 'show', state, errors: {}, dangerHelp: false };
}

/** The step's fields take the submitted values; a field the user emptied is removed. */
function mergeStepAnswers(step: WizardStep, before: ReportAnswers, entered: Partial<ReportAnswers>): ReportAnswers {
  const answers: Record<string, unknown> = { ...before };
  for (const field of STEP_FIELDS[step]) {
    if (entered[field] === undefined) delete answers[field];
    else answers[field] = entered[field];
  }
  if (answers.kind !== 'report') delete answers.preferMeldpunt;
  return answers as ReportAnswers;
}

function toCompleteReport(answers: ReportAnswers): CompleteReport {
  return {
    categories: answers.categories ?? [],
    kind: answers.kind!,
    identity: answers.identity!,
    managerInvolved: answers.managerInvolved!,
    description: answers.description!,
    involved: answers.involved,
    incidentDate: answers.incidentDate,
    location: answers.location,
    preferMeldpunt: answers.kind === 'report' ? answers.preferMeldpunt === true : false,
    wantsCounsellorContact: answers.wantsCounsellorContact === true,
    immediateDanger: answers.immediateDanger === true,
  };
}
