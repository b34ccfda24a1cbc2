import type { FieldErrors } from './parseStepInput';
import type { ReportAnswers, WizardStep } from './report';

/**
 * The rules a step's answers must meet before the reporter may go on: required answers, and
 * combinations that cannot work (a formal klacht needs a name: Awb 9:4 asks for the
 * complainant's name and address, so it cannot be anonymous).
 */
export function checkStep(step: WizardStep, answers: ReportAnswers): FieldErrors {
  const errors: FieldErrors = {};
  switch (step) {
    case 'what':
      if (!answers.categories?.length) errors.categories = 'pickAtLeastOneCategory';
      break;
    case 'want':
      if (!answers.kind) errors.kind = 'required';
      break;
    case 'identity':
      if (!answers.identity) errors.identity = 'required';
      else if (answers.identity === 'anonymous' && answers.kind === 'complaint') errors.identity = 'complaintNotAnonymous';
      break;
    case 'involved':
      if (!answers.managerInvolved) errors.managerInvolved = 'required';
      break;
    case 'details':
      if (!answers.description) errors.description = 'required';
      break;
    case 'support':
    case 'review':
      break;
  }
  return errors;
}
