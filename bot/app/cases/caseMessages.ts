import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseMessage, CaseRecord } from './casePorts';

/** The messages of a case, opened. */
export function readCaseMessages(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord): CaseMessage[] {
  return record.sealedMessages ? deps.cipher.open<CaseMessage[]>('content', record.sealedMessages, `${record.id}:messages`) : [];
}

/** Adds a message (re-sealing the thread). */
export function appendCaseMessage(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord, message: CaseMessage): void {
  record.sealedMessages = deps.cipher.seal('content', [...readCaseMessages(deps, record), message], `${record.id}:messages`);
}
