import { advanceWizard, type WizardNav } from '../../domain/advanceWizard';
import { ConcurrencyError } from '../../domain/errors';
import type { FieldErrors } from '../../domain/parseStepInput';
import type { Locale } from '../../domain/locale';
import { WIZARD_STEPS, type ReportAnswers, type WizardStep } from '../../domain/report';
import { caseIdForSubmission } from './caseIdForSubmission';
import { caseReceipt, type CaseReceipt } from './caseReceipt';
import type { IntakeDependencies, Reporter } from './intakeDependencies';
import { hasAnswers } from '../../domain/hasAnswers';
import { loadDraft, type OpenDraft } from './loadDraft';
import { newDraft } from './openWizard';
import { saveDraft } from './saveDraft';
import { submitReport } from './submitReport';

/** What a wizard card sent: the button and the draft/step it was rendered for. */
export interface WizardAction {
  nav: WizardNav;
  draftId?: string;
  step?: WizardStep;
  goto?: WizardStep;
  submissionId?: string;
  /** The step was opened with "Wijzig" on the review: Next returns there. */
  returnTo?: 'review';
}

export type WizardResult =
  | {
      type: 'step';
      draftId: string;
      step: WizardStep;
      answers: ReportAnswers;
      errors: FieldErrors;
      dangerHelp: boolean;
      /** The card was older than the draft: the reporter sees their latest draft instead. */
      stale: boolean;
      /** Submitting found an incomplete step. */
      incomplete?: { key: string; step: WizardStep };
      /** The step is shown again (an error) after "Wijzig" on the review: its Next still returns there. */
      returnTo?: 'review';
    }
  /** `kept`: the draft has answers and is kept; without answers nothing is stored. */
  | { type: 'stopped'; kept: boolean }
  | { type: 'submitted'; receipt: CaseReceipt };

const SAVE_ATTEMPTS = 3;

/**
 * Handles one button press in the report dialog: saves what was entered (after every step,
 * also on Back and Stop), moves on, or makes the case. A card that belongs to an older draft
 * never overwrites the newer one.
 */
export async function continueWizard(
  deps: IntakeDependencies,
  reporter: Reporter,
  locale: Locale,
  action: WizardAction,
  input: Record<string, unknown>,
): Promise<WizardResult> {
  if (action.nav === 'submit' && action.submissionId) {
    const existing = await deps.repos.cases.get(caseIdForSubmission(action.submissionId));
    if (existing) return { type: 'submitted', receipt: caseReceipt(existing.value, deps.pseudonyms, { duplicate: true, immediateDanger: false }) };
  }

  const ownerKey = deps.pseudonyms.pseudonym('user', reporter.userId);
  for (let attempt = 1; ; attempt += 1) {
    // No stored draft yet (nothing answered so far): this card starts it.
    const draft: OpenDraft = (await loadDraft(deps, ownerKey)) ?? { ...newDraft(deps, locale), ...(action.draftId ? { draftId: action.draftId } : {}) };
    if (draft.draftId !== action.draftId) {
      return { type: 'step', draftId: draft.draftId, step: draft.step, answers: draft.answers, errors: {}, dangerHelp: false, stale: true };
    }

    // The card's own step says which inputs it carried.
    const cardStep = action.step && WIZARD_STEPS.includes(action.step) ? action.step : draft.step;
    const today = deps.calendar.dateOf(deps.clock.now());
    const outcome = advanceWizard({ step: cardStep, answers: draft.answers }, action.nav, input, today, action.goto, { returnToReview: action.returnTo === 'review', withoutInputs: action.step === undefined });

    if (outcome.type === 'submit') {
      if (!action.submissionId) {
        return { type: 'step', draftId: draft.draftId, step: 'review', answers: outcome.state.answers, errors: {}, dangerHelp: false, stale: true };
      }
      const receipt = await submitReport(deps, reporter, { submissionId: action.submissionId, locale, report: outcome.report });
      await deps.repos.drafts.delete(ownerKey);
      return { type: 'submitted', receipt };
    }

    const kept = hasAnswers(outcome.state.answers);
    try {
      if (kept) await saveDraft(deps, ownerKey, { ...draft, locale, step: outcome.state.step, answers: outcome.state.answers }, draft.etag ?? (await deps.repos.drafts.get(ownerKey))?.etag);
      // Only a draft with an answer is kept: one emptied again is removed.
      else if (draft.etag) await deps.repos.drafts.delete(ownerKey);
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < SAVE_ATTEMPTS) continue;
      throw error;
    }

    switch (outcome.type) {
      case 'stop':
        deps.logger.info(kept ? 'draft.kept' : 'draft.nothing_to_keep', { step: outcome.state.step });
        return { type: 'stopped', kept };
      case 'incomplete':
        return { type: 'step', draftId: draft.draftId, step: 'review', answers: outcome.state.answers, errors: {}, dangerHelp: false, stale: false, incomplete: outcome.error };
      case 'show':
        return {
          type: 'step',
          draftId: draft.draftId,
          step: outcome.state.step,
          answers: outcome.state.answers,
          errors: outcome.errors,
          dangerHelp: outcome.dangerHelp,
          stale: false,
          returnTo: returnsToReview(action, cardStep, outcome.state.step) ? 'review' : undefined,
        };
    }
  }
}

/** A step opened from the review ("Wijzig"), or shown again with an error after that, keeps returning to the review. */
function returnsToReview(action: WizardAction, cardStep: WizardStep, shown: WizardStep): boolean {
  if (shown === 'review') return false;
  if (action.nav === 'goto') return cardStep === 'review';
  return action.returnTo === 'review' && shown === cardStep;
}
