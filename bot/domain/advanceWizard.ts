import { checkStep } from './checkStep';
import { parseStepInput, type FieldErrors } from './parseStepInput';
import { STEP_FIELDS, WIZARD_STEPS, type CompleteReport, type ReportAnswers, type WizardStep } from './report';

export interface WizardState {
  step: WizardStep;
  answers: ReportAnswers;
}

export type WizardNav = 'next' | 'back' | 'stop' | 'goto' | 'submit';

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
): WizardOutcome {
  const parsed = parseStepInput(state.step, input, today);
  const answers = mergeStepAnswers(state.step, state.answers, parsed.answers);
  const here: WizardState = { step: state.step, answers };
  const index = WIZARD_STEPS.indexOf(state.step);

  switch (nav) {
    case 'stop':
      return { type: 'stop', state: here };
    case 'back':
      return show({ step: WIZARD_STEPS[Math.max(0, index - 1)], answers });
    case 'goto':
      return show({ step: goto ?? state.step, answers });
    case 'next': {
      const errors: FieldErrors = { ...checkStep(state.step, answers), ...parsed.errors };
      if (Object.keys(errors).length > 0) return { type: 'show', state: here, errors, dangerHelp: false };
      const step = WIZARD_STEPS[Math.min(WIZARD_STEPS.length - 1, index + 1)];
      return { type: 'show', state: { step, answers }, errors: {}, dangerHelp: state.step === 'support' && answers.immediateDanger === true };
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
