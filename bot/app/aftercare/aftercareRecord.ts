import type { CheckInAnswer } from '../../domain/aftercare/checkIns';
import type { ExclusionMarks, Sealed } from '../common/cryptoPorts';

/**
 * The aftercare of a closed case (`CaseRecord.aftercare`): when the reporter is asked how they are
 * doing, how many check-ins went out and were answered. The answers themselves are sealed; the
 * handler of the case never sees them (only whether check-ins were answered).
 */
export interface AftercareRecord {
  /** ISO moments of the check-ins, from the closing. */
  moments: string[];
  /** Check-ins sent so far. */
  sent: number;
  /** Check-ins answered so far. */
  answered: number;
  /** Set when the reporter stopped the check-ins (none are sent after). */
  stoppedAt?: string;
  /** `CheckInReply[]`, sealed 'content', context `<caseId>:aftercare`. */
  sealedReplies?: Sealed;
  /** When the reporter first answered a check-in (insights: counted once the month has ended). */
  firstAnsweredAt?: string;
  /** When the reporter first answered "negative consequences" (insights: the share reporting retaliation after closure). */
  firstNegativeAt?: string;
  /** Ids of the retaliation cases the answers opened (for the insights and idempotency). */
  retaliationCaseIds?: string[];
}

/** One answer to a check-in, as kept sealed. */
export interface CheckInReply {
  at: string;
  /** The check-in answered (`AftercareRecord.sent` when it came; 0 before the first): with answer and text, what makes a retry recognisable. */
  checkIn?: number;
  answer: CheckInAnswer;
  text?: string;
}

/**
 * On a retaliation case (benadeling, `CaseRecord.retaliationOf`): the case it follows from, and
 * that case's exclusion marks, so that nobody excluded from the first case can handle this one.
 */
export interface RetaliationLink {
  caseId: string;
  exclusionMarks?: ExclusionMarks;
  /** When the first case was itself a retaliation case: its own link, so everyone excluded along the chain stays excluded. */
  earlier?: RetaliationLink;
}
