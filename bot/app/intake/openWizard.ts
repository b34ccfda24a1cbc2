import { hasAnswers } from '../../domain/hasAnswers';
import type { Locale } from '../../domain/locale';
import type { IntakeDependencies, Reporter } from './intakeDependencies';
import { loadDraft, type OpenDraft } from './loadDraft';
import { randomId } from '../common/randomId';

export interface WizardOpened {
  draft: OpenDraft;
  /** The reporter comes back to a draft with answers they started earlier. */
  resumed: boolean;
}

/**
 * Opens the report dialog: resumes the reporter's draft at the step where they left it, or
 * starts a new one. A new draft is not stored until it has an answer (`etag` absent), so opening
 * and closing the dialog leaves nothing behind.
 */
export async function openWizard(deps: IntakeDependencies, reporter: Reporter, locale: Locale): Promise<WizardOpened> {
  const ownerKey = deps.pseudonyms.pseudonym('user', reporter.userId);
  const existing = await loadDraft(deps, ownerKey);
  if (existing) return { draft: existing, resumed: hasAnswers(existing.answers) };
  return { draft: newDraft(deps, locale), resumed: false };
}

/** A draft that is not stored yet. */
export function newDraft(deps: IntakeDependencies, locale: Locale): OpenDraft {
  return { draftId: randomId(deps), step: 'what', locale, answers: {}, createdAt: deps.clock.now().toISOString() };
}
