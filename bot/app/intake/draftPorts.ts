/**
 * Drafts: the report being written, one per user (implemented in bot/storage).
 */
import type { Locale } from '../../domain/locale';
import type { WizardStep } from '../../domain/report';
import type { Sealed } from '../common/cryptoPorts';
import type { Page, PageRequest, Versioned } from '../common/storePorts';

/** A report being written: one per user, found by the user's pseudonym. */
export interface DraftRecord {
  /** The owner's pseudonym (`Pseudonymizer.pseudonym('user', aadObjectId)`). */
  id: string;
  /** Random id of this draft; a submitted draft's case id is derived from it (idempotent submit). */
  draftId: string;
  step: WizardStep;
  locale: Locale;
  /** `ReportAnswers`, sealed with purpose 'content' and context = draftId. */
  sealedAnswers: Sealed;
  createdAt: string;
  updatedAt: string;
  /** ISO time after which the draft is deleted. */
  expiresAt: string;
}

export interface DraftRepository {
  get(ownerKey: string): Promise<Versioned<DraftRecord> | undefined>;
  /** Creates when `etag` is absent (ConflictError if one exists), else replaces if unchanged (ConcurrencyError if not). */
  save(draft: DraftRecord, etag?: string): Promise<Versioned<DraftRecord>>;
  /** Deletes; no error when it is already gone. */
  delete(ownerKey: string): Promise<void>;
  /** Drafts whose `expiresAt` is at or before `now`, oldest first. */
  listExpired(now: string, page?: PageRequest): Promise<Page<DraftRecord>>;
}
