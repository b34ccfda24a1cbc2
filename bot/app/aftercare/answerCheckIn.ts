import { CHECK_IN_ANSWERS, CHECK_IN_TEXT_MAX_LENGTH, type CheckInAnswer } from '../../domain/aftercare/checkIns';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { findReporterCase, type ReporterCredentials } from '../caseAccess';
import type { CaseReceipt } from '../caseReceipt';
import type { IntakeDependencies, Reporter } from '../intakeDependencies';
import { readFields } from '../readFields';
import { updateCase } from '../updateCase';
import type { CheckInReply } from './aftercareRecord';
import { openRetaliationCase } from './openRetaliationCase';

/** What answering did: recorded, or recorded and a retaliation case opened (with its receipt). */
export type CheckInOutcome = { kind: 'recorded' } | { kind: 'retaliation'; receipt: CaseReceipt };

/** An answer as typed: one of the choices, and optional text. */
export interface CheckInInput {
  answer: unknown;
  text: unknown;
}

function readAnswer(value: unknown): CheckInAnswer {
  if (typeof value !== 'string' || !(CHECK_IN_ANSWERS as readonly string[]).includes(value)) throw new ValidationError({ answer: 'pickCheckInAnswer' });
  return value as CheckInAnswer;
}

function readText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError({ text: 'checkInTextTooLong' });
  const text = value.trim();
  if (text.length > CHECK_IN_TEXT_MAX_LENGTH) throw new ValidationError({ text: 'checkInTextTooLong' });
  return text === '' ? undefined : text;
}

/**
 * The reporter answers a check-in. The answer and text are sealed with the case; its history says
 * only that a check-in was answered, so the handler never learns the answer. "Negative
 * consequences" opens a retaliation case (see `openRetaliationCase`) and returns its receipt.
 */
export async function answerCheckIn(deps: IntakeDependencies, reporter: Reporter, credentials: ReporterCredentials, input: CheckInInput): Promise<CheckInOutcome> {
  const { answer, text } = readFields({ answer: () => readAnswer(input.answer), text: () => readText(input.text) });
  const found = await findReporterCase(deps, credentials);
  if (!found.value.aftercare) throw new NotFoundError('no check-ins for this case');
  // The new case first (idempotent by id): should the write below fail, answering again finds it.
  const receipt = answer === 'negative_consequences' ? await openRetaliationCase(deps, reporter, found.value, text) : undefined;
  await updateCase(deps, found.value.id, (record, now) => {
    const aftercare = record.aftercare;
    if (!aftercare) throw new NotFoundError('no check-ins for this case');
    const context = `${record.id}:aftercare`;
    const replies = aftercare.sealedReplies ? deps.cipher.open<CheckInReply[]>('content', aftercare.sealedReplies, context) : [];
    replies.push({ at: now.toISOString(), answer, ...(text ? { text } : {}) });
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
