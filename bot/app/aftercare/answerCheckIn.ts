import type { CheckInAnswer } from '../../domain/aftercare/checkIns';
import { NotFoundError } from '../../domain/errors';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import type { CaseReceipt } from '../intake/caseReceipt';
import type { IntakeDependencies, Reporter } from '../intake/intakeDependencies';
import { updateCase } from '../cases/updateCase';
import type { CheckInReply } from './aftercareRecord';
import { openRetaliationCase } from './openRetaliationCase';

/** What answering did: recorded, or recorded and a retaliation case opened (with its receipt). */
export type CheckInOutcome = { kind: 'recorded' } | { kind: 'retaliation'; receipt: CaseReceipt };

/** An answer, parsed at the adapter: one of the choices, and optional text (trimmed, not blank). */
export interface CheckInInput {
  answer: CheckInAnswer;
  text?: string;
}

/**
 * The reporter answers a check-in. The answer and text are sealed with the case; its history says
 * only that a check-in was answered, so the handler never learns the answer. "Negative
 * consequences" opens a retaliation case (see `openRetaliationCase`) and returns its receipt.
 * Idempotent: the same answer and text to the same check-in again (a retried submit) changes
 * nothing and gives the same outcome, so it is counted once (also in the insights' share).
 */
export async function answerCheckIn(deps: IntakeDependencies, reporter: Reporter, credentials: ReporterCredentials, input: CheckInInput): Promise<CheckInOutcome> {
  const { answer, text } = input;
  const found = await findReporterCase(deps, credentials);
  if (!found.value.aftercare) throw new NotFoundError('no check-ins for this case');
  // The new case first (idempotent by id): should the write below fail, answering again finds it.
  const receipt = answer === 'negative_consequences' ? await openRetaliationCase(deps, reporter, found.value, text) : undefined;
  await updateCase(deps, found.value.id, (record, now) => {
    const aftercare = record.aftercare;
    if (!aftercare) throw new NotFoundError('no check-ins for this case');
    const context = `${record.id}:aftercare`;
    const replies = aftercare.sealedReplies ? deps.cipher.open<CheckInReply[]>('content', aftercare.sealedReplies, context) : [];
    const checkIn = aftercare.sent;
    // The same submit delivered twice (Teams retries): the same answer and text to the same check-in is recorded once.
    if (replies.some((reply) => reply.checkIn === checkIn && reply.answer === answer && reply.text === text)) return { record, result: undefined };
    replies.push({ at: now.toISOString(), checkIn, answer, ...(text ? { text } : {}) });
    aftercare.sealedReplies = deps.cipher.seal('content', replies, context);
    aftercare.answered += 1;
    aftercare.firstAnsweredAt ??= now.toISOString();
    if (answer === 'negative_consequences') aftercare.firstNegativeAt ??= now.toISOString();
    if (receipt && !(aftercare.retaliationCaseIds ?? []).includes(receipt.caseId)) aftercare.retaliationCaseIds = [...(aftercare.retaliationCaseIds ?? []), receipt.caseId];
    record.history.push({ at: now.toISOString(), actor: 'reporter', type: 'check_in_answered' });
    return { record, result: undefined };
  });
  deps.logger.info('check_ins.answered');
  return receipt ? { kind: 'retaliation', receipt } : { kind: 'recorded' };
}
