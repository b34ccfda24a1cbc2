import type { AttemptLimiter } from '../reporter/attemptLimiter';
import { checkAnonymousStatus } from '../reporter/checkAnonymousStatus';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import { openReporterCase } from '../reporter/openReporterCase';
import { reportViewOf, type MyReportView } from './myReportsView';

/** What opening an anonymous case with reference + secret gives: the case, one refusal for every mismatch, or "too many attempts". */
export type AnonymousCaseLookup = { status: 'found'; report: MyReportView } | { status: 'refused' } | { status: 'blocked' };

/**
 * An anonymous case for whoever holds its reference and secret, as the tab shows a report. The
 * same guessing limit as the bot's status form (one count per person, shared with the bot's
 * dialogs): a blocked person gets no answer at all, and every mismatch (an unknown reference, a
 * wrong secret, a case that is not anonymous) is one refusal and counts as a failed attempt.
 */
export async function anonymousCaseView(
  deps: IntakeDependencies & { secretAttempts: AttemptLimiter },
  userId: string,
  typed: { reference: string; secret: string },
): Promise<AnonymousCaseLookup> {
  const attemptKey = deps.pseudonyms.pseudonym('user', userId);
  if (await deps.secretAttempts.isBlocked(attemptKey)) {
    deps.logger.warn('anonymous_status.blocked');
    return { status: 'blocked' };
  }
  const summary = await checkAnonymousStatus(deps, typed.reference, typed.secret);
  if (!summary) {
    await deps.secretAttempts.recordFailure(attemptKey);
    return { status: 'refused' };
  }
  const { record } = await openReporterCase(deps, { kind: 'secret', reference: typed.reference, secret: typed.secret });
  return { status: 'found', report: reportViewOf(deps, record, deps.clock.now()) };
}
