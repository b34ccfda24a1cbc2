import { DomainError } from '../errors';

/** Why a klacht decision cannot be postponed as asked. */
export type ExtensionRefusal =
  | 'no_decision_clock' // not a klacht: only the Awb decision term can be postponed
  | 'decision_made' // the decision clock already stopped
  | 'invalid_days' // not a positive whole number of days
  | 'reason_required' // Awb 9:11(2): the complainant is told why, so there must be a reason
  | 'too_long' // longer than the 4 weeks of Awb 9:11(2) without the complainant's consent
  | 'consent_required' // beyond the one postponement, only with written consent (Awb 9:11(3))
  | 'term_expired'; // a term that already passed cannot be postponed without consent

/** A postponement of a klacht decision that the Awb does not allow. */
export class ExtensionRefusedError extends DomainError {
  readonly code = 'extension_refused';
  readonly messageKey = 'extensionRefused';
  constructor(readonly refusal: ExtensionRefusal) {
    super(`decision extension refused: ${refusal}`);
  }
}
