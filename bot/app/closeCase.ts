import { CASE_OUTCOMES, nextState, type CaseOutcome } from '../domain/caseLifecycle';
import { ValidationError } from '../domain/errors';
import { scheduleCheckIns } from './aftercare/scheduleCheckIns';
import { assertAssignedHandler } from './caseAccess';
import { applyClockEvent } from './caseClockUpdates';
import { appendCaseMessage, readMessageText } from './caseMessages';
import type { CaseDependencies } from './intakeDependencies';
import { notifyReporter } from './notifyReporter';
import type { CaseRecord } from './ports';
import { readFields } from './readFields';
import { updateCase } from './updateCase';

const HANDLER_OUTCOMES = CASE_OUTCOMES.filter((outcome) => outcome !== 'withdrawn');

/** The handler closes the case with an outcome and a message; the reporter is told and asked the two closing questions. */
export async function closeCase(deps: CaseDependencies, caseId: string, handlerUserId: string, outcome: unknown, typed: unknown): Promise<CaseRecord> {
  const { text } = readFields({
    outcome: () => {
      if (typeof outcome !== 'string' || !(HANDLER_OUTCOMES as readonly string[]).includes(outcome)) throw new ValidationError({ outcome: 'pickOutcome' });
    },
    text: () => readMessageText(typed, 'message'),
  });

  const { record } = await updateCase(deps, caseId, (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    const at = now.toISOString();
    record.state = nextState(record.state, 'close', { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined });
    record.outcome = outcome as CaseOutcome;
    record.closedAt = at;
    record.isOpen = false;
    applyClockEvent(deps, record, 'closed', now);
    record.openQuestion = false;
    appendCaseMessage(deps, record, { from: 'handler', kind: 'closing', at, text });
    record.history.push({ at, actor: record.handlerKey!, type: 'closed', detail: { outcome: outcome as string } });
    notifyReporter(deps, record, 'closed', now);
    scheduleCheckIns(deps, record, now);
    return { record, result: undefined };
  });
  deps.logger.info('case.closed', { outcome: record.outcome });
  return record;
}
