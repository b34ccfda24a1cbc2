import { nextState } from '../domain/caseLifecycle';
import { ValidationError } from '../domain/errors';
import { findReporterCase, type ReporterCredentials } from './caseAccess';
import type { CaseDependencies } from './intakeDependencies';
import type { CaseRecord } from './ports';
import { updateCase } from './updateCase';

/** "1".."5", or nothing (both questions are optional). */
function score(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-5]$/.test(text.trim())) throw new ValidationError({ [field]: 'pickOneToFive' });
  return Number(text.trim());
}

/**
 * The reporter answers the two closing questions ("did you feel taken seriously?", "would you
 * report again?"), once. Stored for the insights only; the handler never sees them.
 */
export async function giveFeedback(deps: CaseDependencies, credentials: ReporterCredentials, answers: { takenSeriously: unknown; wouldReportAgain: unknown }): Promise<CaseRecord> {
  const takenSeriously = score(answers.takenSeriously, 'takenSeriously');
  const wouldReportAgain = score(answers.wouldReportAgain, 'wouldReportAgain');
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
