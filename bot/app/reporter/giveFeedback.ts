import { nextState } from '../../domain/caseLifecycle';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import { updateCase } from '../cases/updateCase';

/** The two closing questions, parsed at the adapter: a score from 1 to 5 each, or none (both are optional). */
export interface FeedbackAnswers {
  takenSeriously?: number;
  wouldReportAgain?: number;
}

/**
 * The reporter answers the two closing questions ("did you feel taken seriously?", "would you
 * report again?"), once. Stored for the insights only; the handler never sees them.
 */
export async function giveFeedback(deps: CaseDependencies, credentials: ReporterCredentials, answers: FeedbackAnswers): Promise<CaseRecord> {
  const { takenSeriously, wouldReportAgain } = answers;
  const found = await findReporterCase(deps, credentials);
  const { record } = await updateCase(deps, found.value.id, (record, now) => {
    nextState(record.state, 'giveFeedback', { openQuestion: false, feedbackGiven: record.feedback !== undefined });
    record.feedback = { takenSeriously, wouldReportAgain, at: now.toISOString() };
    record.history.push({ at: now.toISOString(), actor: 'reporter', type: 'feedback_given' });
    return { record, result: undefined };
  });
  deps.logger.info('case.feedback_given');
  return record;
}
