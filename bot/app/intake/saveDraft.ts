import type { Locale } from '../../domain/locale';
import type { ReportAnswers, WizardStep } from '../../domain/report';
import type { IntakeDependencies } from './intakeDependencies';

/**
 * Writes the draft (answers sealed) and pushes its expiry `draftTtlDays` past now. `etag`
 * absent creates it; a lost race raises ConcurrencyError.
 */
export async function saveDraft(
  deps: IntakeDependencies,
  ownerKey: string,
  draft: { draftId: string; step: WizardStep; locale: Locale; answers: ReportAnswers; createdAt?: string },
  etag?: string,
): Promise<string> {
  const now = deps.clock.now();
  const expires = new Date(now.getTime() + deps.settings.draftTtlDays * 86_400_000);
  const saved = await deps.repos.drafts.save(
    {
      id: ownerKey,
      draftId: draft.draftId,
      step: draft.step,
      locale: draft.locale,
      sealedAnswers: deps.cipher.seal('content', draft.answers, draft.draftId),
      createdAt: draft.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      expiresAt: expires.toISOString(),
    },
    etag,
  );
  return saved.etag;
}
