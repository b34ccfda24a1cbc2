import { DateTime } from 'luxon';
import { ZONE } from '../workingCalendar';
import type { CaseClock } from './caseClocks';
import type { DeadlinePolicy } from './deadlinePolicies';
import { ExtensionRefusedError, type ExtensionRefusal } from './extensionRefusedError';

/** What the handler asks for. */
export interface ExtensionRequest {
  /** Calendar days added to the current due date. */
  days: number;
  reason: string;
  at: Date;
  /** The complainant agreed in writing (Awb 9:11(3)). */
  consented?: boolean;
}

/** The data of the written notice to the complainant (Awb 9:11(2): "schriftelijk in kennis gesteld"). */
export interface ExtensionNotice {
  previousDueAt: string;
  newDueAt: string;
  reason: string;
}

/**
 * Postpones the decision on a klacht (verdaging), Awb art. 9:11:
 * - (2) once, by at most 4 weeks (`policy.decisionExtension.maxDays`, default 28 days), with the
 *   complainant told in writing — so a reason is required and the notice data is returned;
 * - (3) any further postponement only with the complainant's written consent (`consented`),
 *   which also lifts the 28-day limit;
 * - a postponement is decided within the running term: after the due moment only with consent.
 *
 * Days count from the current due date, so an extension never shortens what was already
 * granted. Throws {@link ExtensionRefusedError} otherwise.
 */
export function extendDecision(
  clocks: readonly CaseClock[],
  request: ExtensionRequest,
  policy: DeadlinePolicy,
): { clocks: CaseClock[]; notice: ExtensionNotice } {
  const refuse = (refusal: ExtensionRefusal): never => {
    throw new ExtensionRefusedError(refusal);
  };
  const decision = clocks.find((clock) => clock.clock === 'decision') ?? refuse('no_decision_clock');
  if (decision.stoppedAt !== undefined) refuse('decision_made');
  if (!Number.isSafeInteger(request.days) || request.days <= 0) refuse('invalid_days');
  const reason = request.reason.trim();
  if (reason === '') refuse('reason_required');
  const consented = request.consented === true;
  const earlier = decision.extensions ?? [];
  if (!consented) {
    if (earlier.length >= policy.decisionExtension.withoutConsent) refuse('consent_required');
    if (request.days > policy.decisionExtension.maxDays) refuse('too_long');
    if (request.at.getTime() > Date.parse(decision.dueAt)) refuse('term_expired');
  }

  const newDueAt = DateTime.fromISO(decision.dueAt, { zone: ZONE }).plus({ days: request.days }).endOf('day').toJSDate().toISOString();
  const extension = { days: request.days, reason, at: request.at.toISOString(), ...(consented ? { consented } : {}) };
  const extended: CaseClock = { ...decision, dueAt: newDueAt, extensions: [...earlier, extension] };
  return {
    clocks: clocks.map((clock) => (clock === decision ? extended : clock)),
    notice: { previousDueAt: decision.dueAt, newDueAt, reason },
  };
}
