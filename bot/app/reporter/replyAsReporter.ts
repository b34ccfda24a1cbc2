import { nextState } from '../../domain/caseLifecycle';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import { appendCaseMessage } from '../cases/caseMessages';
import { handlerLocale, openHandler, userRecipient } from '../cases/caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { HandlerNews } from '../outbox/notificationIntent';
import type { CaseRecord } from '../cases/casePorts';
import { updateCase } from '../cases/updateCase';

/** Queues the handler's task card with news from the reporter. */
export async function notifyHandler(deps: CaseDependencies, record: CaseRecord, news: HandlerNews, now: Date): Promise<void> {
  const handler = openHandler(deps, record);
  if (!handler) return;
  enqueueNotification(deps, record, userRecipient(deps, handler.userId), { type: 'handlerTask', caseId: record.id, news, locale: await handlerLocale(deps, handler.userId) }, now);
}

/**
 * The reporter answers the open question, or adds information (parsed at the adapter: see caseMessageText). Anonymous reporters do this with
 * reference + secret: the handler gets the text, never who sent it.
 */
export async function replyAsReporter(deps: CaseDependencies, credentials: ReporterCredentials, reply: { kind: 'answer' | 'information'; message: string }): Promise<CaseRecord> {
  const { kind, message: text } = reply;
  const found = await findReporterCase(deps, credentials);
  const { record } = await updateCase(deps, found.value.id, async (record, now) => {
    const at = now.toISOString();
    nextState(record.state, kind === 'answer' ? 'answerQuestion' : 'addInformation', { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined });
    appendCaseMessage(deps, record, { from: 'reporter', kind, at, text });
    if (kind === 'answer') record.openQuestion = false;
    record.history.push({ at, actor: 'reporter', type: kind === 'answer' ? 'answered' : 'information_added' });
    await notifyHandler(deps, record, kind === 'answer' ? 'answered' : 'information', now);
    return { record, result: undefined };
  });
  deps.logger.info(kind === 'answer' ? 'case.answered' : 'case.information_added');
  return record;
}
