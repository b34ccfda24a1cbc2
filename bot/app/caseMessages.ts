import { caseMessageText } from '../domain/caseMessageText';
import { ValidationError } from '../domain/errors';
import type { IntakeDependencies } from './intakeDependencies';
import type { CaseMessage, CaseRecord } from './ports';

/** The messages of a case, opened. */
export function readCaseMessages(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord): CaseMessage[] {
  return record.sealedMessages ? deps.cipher.open<CaseMessage[]>('content', record.sealedMessages, `${record.id}:messages`) : [];
}

/** Adds a message (re-sealing the thread). */
export function appendCaseMessage(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord, message: CaseMessage): void {
  record.sealedMessages = deps.cipher.seal('content', [...readCaseMessages(deps, record), message], `${record.id}:messages`);
}

/** Reads a message typed in a dialog (see caseMessageText). `field` names the input for the error shown next to it. */
export function readMessageText(value: unknown, field: string): string {
  const parsed = caseMessageText.safeParse(value);
  if (!parsed.success) throw new ValidationError({ [field]: parsed.error.issues[0]?.message ?? 'invalidValue' });
  return parsed.data;
}
