import { ValidationError } from '../domain/errors';
import type { IntakeDependencies } from './intakeDependencies';
import type { CaseMessage, CaseRecord } from './ports';

export const MESSAGE_MAX_LENGTH = 4_000;

/** The messages of a case, opened. */
export function readCaseMessages(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord): CaseMessage[] {
  return record.sealedMessages ? deps.cipher.open<CaseMessage[]>('content', record.sealedMessages, `${record.id}:messages`) : [];
}

/** Adds a message (re-sealing the thread). */
export function appendCaseMessage(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord, message: CaseMessage): void {
  record.sealedMessages = deps.cipher.seal('content', [...readCaseMessages(deps, record), message], `${record.id}:messages`);
}

/**
 * Reads a message typed in a dialog: text, trimmed, 1 to 4,000 characters. `field` names the
 * input for the error shown next to it.
 */
export function readMessageText(value: unknown, field: string, required = true): string {
  const text = typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
  if (typeof value !== 'string' && value !== undefined && value !== null) throw new ValidationError({ [field]: 'invalidValue' });
  if (required && text.length === 0) throw new ValidationError({ [field]: 'messageRequired' });
  if (text.length > MESSAGE_MAX_LENGTH) throw new ValidationError({ [field]: 'tooLong' });
  return text;
}
