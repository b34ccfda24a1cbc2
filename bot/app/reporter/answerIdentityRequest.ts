import { ValidationError } from '../../domain/errors';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import { notifyHandler } from './replyAsReporter';
import { updateCase } from '../cases/updateCase';

/**
 * The reporter of a confidential report answers a handler's request to know who they are. Only
 * the reporter can (their own Teams identity), and only while the request waits. Accepting
 * discloses their name to the handler who asked, and to no one else: a later handler (after a
 * reassignment or handover) has to ask again. The handler who asked hears the answer, if the case
 * is still theirs.
 */
export async function answerIdentityRequest(deps: CaseDependencies, credentials: ReporterCredentials, answer: 'accept' | 'refuse'): Promise<'accept' | 'refuse'> {
  const found = await findReporterCase(deps, credentials);
  await updateCase(deps, found.value.id, async (record: CaseRecord, now) => {
    const request = record.identityRequest;
    if (record.identity !== 'confidential' || request?.state !== 'pending') throw new ValidationError({ identityAnswer: 'notAllowed' });
    const at = now.toISOString();
    record.identityRequest = { ...request, state: answer === 'accept' ? 'accepted' : 'refused', answeredAt: at };
    if (answer === 'accept') record.identityDisclosedTo = [...new Set([...(record.identityDisclosedTo ?? []), request.handlerKey])];
    record.history.push({ at, actor: 'reporter', type: answer === 'accept' ? 'identity_accepted' : 'identity_refused' });
    if (record.handlerKey === request.handlerKey) await notifyHandler(deps, record, answer === 'accept' ? 'identityAccepted' : 'identityRefused', now);
    return { record, result: undefined };
  });
  deps.logger.info('case.identity_answered', { answer });
  return answer;
}
