import { randomId } from './randomId';
import type { Locale } from '../domain/locale';
import type { IntakeDependencies, Reporter } from './intakeDependencies';
import { loadDraft, type OpenDraft } from './loadDraft';
import { saveDraft } from './saveDraft';

export interface WizardOpened {
  draft: OpenDraft;
  /** The reporter comes back to a draft they started earlier. */
  resumed: boolean;
}

/** Opens the report dialog: resumes the reporter's draft at the step where they left it, or starts one. */
export async function openWizard(deps: IntakeDependencies, reporter: Reporter, locale: Locale): Promise<WizardOpened> {
  const ownerKey = deps.pseudonyms.pseudonym('user', reporter.userId);
  const existing = await loadDraft(deps, ownerKey);
  if (existing) return { draft: existing, resumed: true };

  const stale = await deps.repos.drafts.get(ownerKey);
  const draft = { draftId: randomId(deps), step: 'what' as const, locale, answers: {} };
  const etag = await saveDraft(deps, ownerKey, draft, stale?.etag);
  deps.logger.info('draft.started');
  return { draft: { ...draft, createdAt: deps.clock.now().toISOString(), etag }, resumed: false };
}
