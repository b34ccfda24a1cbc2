import { nextState, type HandlerOutcome } from '../../domain/caseLifecycle';
import { scheduleCheckIns } from '../aftercare/scheduleCheckIns';
import { proposeLesson, type LessonProposal } from '../lessons/proposeLesson';
import { assertAssignedHandler } from './caseAccess';
import { applyClockEvent } from '../deadlines/caseClockUpdates';
import { appendCaseMessage } from './caseMessages';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from './notifyReporter';
import type { CaseRecord } from './casePorts';
import { updateCase } from './updateCase';

/** The close form, parsed at the adapter: an outcome a handler may choose and the closing message (see caseMessageText). */
export interface CloseCaseCommand {
  caseId: string;
  outcome: HandlerOutcome;
  message: string;
  /** A lesson for the team agenda, proposed with the closing (optional; see proposeLesson). */
  lesson?: LessonProposal;
}

/** The handler closes the case with an outcome and a message (and may propose a lesson); the reporter is told and asked the two closing questions. */
export async function closeCase(deps: CaseDependencies, command: CloseCaseCommand, handlerUserId: string): Promise<CaseRecord> {
  const { outcome, message: text } = command;
  const { record } = await updateCase(deps, command.caseId, async (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    const at = now.toISOString();
    record.state = nextState(record.state, 'close', { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined });
    record.outcome = outcome;
    record.closedAt = at;
    record.isOpen = false;
    applyClockEvent(deps, record, 'closed', now);
    record.openQuestion = false;
    appendCaseMessage(deps, record, { from: 'handler', kind: 'closing', at, text });
    record.history.push({ at, actor: record.handlerKey!, type: 'closed', detail: { outcome } });
    notifyReporter(deps, record, 'closed', now);
    scheduleCheckIns(deps, record, now);
    // A lesson that could make someone recognisable throws here: the form comes back and nothing is closed.
    if (command.lesson) await proposeLesson(deps, record, command.lesson, now);
    return { record, result: undefined };
  });
  deps.logger.info('case.closed', { outcome: record.outcome });
  return record;
}
