import type { LessonStatus } from '../../domain/lessons/lesson';
import type { Category } from '../../domain/report';
import type { Sealed } from '../common/cryptoPorts';

/**
 * A lesson proposed when the case closed (`CaseRecord.lesson`): the handler's text, sealed like all
 * content, the category and unit level it applies to, and the coordinator's review. It lives and
 * goes with its case (the retention purge). Its status is also kept on the case as the indexed
 * `lessonStatus`, so coordinators and the agenda find lessons without reading every case.
 */
export interface LessonRecord {
  /** Opaque id (not the case id): the review dialog's buttons and the agenda's topic id (`lesson/<id>`) carry this. */
  id: string;
  status: LessonStatus;
  category: Category;
  /** The unit level it applies to: the case's unit or one above it; posted to teams of this unit and below. */
  unitId: string;
  /** `{ text }`, sealed 'content', context `<caseId>:lesson`; replaced by the coordinator's edit on approval. */
  sealedText: Sealed;
  proposedAt: string;
  reviewedAt?: string;
  /** Pseudonym of the coordinator who decided last. */
  reviewerKey?: string;
}

/** The sealing context of a case's lesson text. */
export function lessonTextContext(caseId: string): string {
  return `${caseId}:lesson`;
}
