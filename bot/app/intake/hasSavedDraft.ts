import { hasAnswers } from '../../domain/hasAnswers';
import type { IntakeDependencies } from './intakeDependencies';
import { loadDraft } from './loadDraft';

/** Whether the reporter has a draft with at least one answer (what the welcome card offers to continue). */
export async function hasSavedDraft(deps: IntakeDependencies, userId: string): Promise<boolean> {
  const draft = await loadDraft(deps, deps.pseudonyms.pseudonym('user', userId));
  return draft !== undefined && hasAnswers(draft.answers);
}
