import type { Locale } from '../../domain/locale';
import type { ReportAnswers, WizardStep } from '../../domain/report';
import type { IntakeDependencies } from './intakeDependencies';
import type { DraftRecord } from './draftPorts';
import type { Versioned } from '../common/storePorts';

/** A draft with its answers opened. */
export interface OpenDraft {
  draftId: string;
  step: WizardStep;
  locale: Locale;
  answers: ReportAnswers;
  createdAt: string;
  /** For replacing the stored draft; absent when it is not stored yet (no answers). */
  etag?: string;
}

/** Loads the reporter's draft; an expired draft counts as none (the purge job removes it). */
export async function loadDraft(deps: IntakeDependencies, ownerKey: string): Promise<OpenDraft | undefined> {
  const stored = await deps.repos.drafts.get(ownerKey);
  if (!stored) return undefined;
  if (stored.value.expiresAt <= deps.clock.now().toISOString()) return undefined;
  return openDraft(deps, stored);
}

function openDraft(deps: IntakeDependencies, stored: Versioned<DraftRecord>): OpenDraft {
  const draft = stored.value;
  return {
    draftId: draft.draftId,
    step: draft.step,
    locale: draft.locale,
    answers: deps.cipher.open<ReportAnswers>('content', draft.sealedAnswers, draft.draftId),
    createdAt: draft.createdAt,
    etag: stored.etag,
  };
}
