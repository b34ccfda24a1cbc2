import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import { readCaseMessages } from '../cases/caseMessages';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseMessage, CaseRecord } from '../cases/casePorts';

/** What a reporter sees of their own case: state and the messages, never the handler's name. */
export interface ReporterCase {
  record: CaseRecord;
  messages: CaseMessage[];
  openQuestion: boolean;
  canWithdraw: boolean;
  askFeedback: boolean;
  /** A handler asked to know who the reporter is (confidential reports) and waits for the answer. */
  identityRequestPending: boolean;
}

export async function openReporterCase(deps: CaseDependencies, credentials: ReporterCredentials): Promise<ReporterCase> {
  const { value: record } = await findReporterCase(deps, credentials);
  return {
    record,
    messages: readCaseMessages(deps, record),
    openQuestion: record.openQuestion === true,
    canWithdraw: record.state !== 'closed',
    askFeedback: record.state === 'closed' && record.feedback === undefined,
    identityRequestPending: record.identity === 'confidential' && record.identityRequest?.state === 'pending',
  };
}
