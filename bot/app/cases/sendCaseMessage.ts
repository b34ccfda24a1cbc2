import { nextState } from '../../domain/caseLifecycle';
import { assertAssignedHandler } from './caseAccess';
import { applyClockEvent } from '../deadlines/caseClockUpdates';
import { appendCaseMessage } from './caseMessages';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from './notifyReporter';
import type { CaseRecord } from './casePorts';
import { updateCase } from './updateCase';

/** The update or question form, parsed at the adapter (see caseMessageText). */
export interface SendCaseMessageCommand {
  caseId: string;
  kind: 'update' | 'question';
  message: string;
}

/**
 * The handler sends the reporter an update or asks a question. The text is sealed in the case;
 * the reporter's chat only gets a notice with a button that opens it in a dialog. A first update
 * also counts as the acknowledgement.
 */
export async function sendCaseMessage(deps: CaseDependencies, command: SendCaseMessageCommand, handlerUserId: string): Promise<CaseRecord> {
  const { kind, message: text } = command;
  const { record } = await updateCase(deps, command.caseId, (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    const at = now.toISOString();
    const context = { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined };
    const state = nextState(record.state, kind === 'update' ? 'sendUpdate' : 'askQuestion', context);
    if (record.state === 'submitted') {
      record.acknowledgedAt = at;
      record.history.push({ at, actor: record.handlerKey!, type: 'acknowledged' });
    }
    record.state = state;
    applyClockEvent(deps, record, kind === 'update' ? 'update_sent' : 'question_asked', now);
    appendCaseMessage(deps, record, { from: 'handler', kind, at, text });
    if (kind === 'question') record.openQuestion = true;
    record.history.push({ at, actor: record.handlerKey!, type: kind === 'update' ? 'update_sent' : 'question_asked' });
    notifyReporter(deps, record, kind, now);
    return { record, result: undefined };
  });
  deps.logger.info(kind === 'update' ? 'case.update_sent' : 'case.question_asked');
  return record;
}
