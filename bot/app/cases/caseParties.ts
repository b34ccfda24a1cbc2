import type { Locale } from '../../domain/locale';
import { toLocale } from '../../domain/locale';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from './casePorts';
import type { Recipient } from '../outbox/outboxPorts';

/** The handler as stored, opened. */
export interface HandlerIdentity {
  userId: string;
  name: string;
}

export function openHandler(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord): HandlerIdentity | undefined {
  return record.assignment ? deps.cipher.open<HandlerIdentity>('identity', record.assignment.sealedHandler, `${record.id}:handler`) : undefined;
}

/** A person as a message recipient: their pseudonym, and their id sealed for creating a chat. */
export function userRecipient(deps: Pick<IntakeDependencies, 'cipher' | 'pseudonyms'>, userId: string): Recipient {
  const userKey = deps.pseudonyms.pseudonym('user', userId);
  return { kind: 'user', userKey, sealedUserId: deps.cipher.seal('identity', { userId }, userKey) };
}

/** The reporter as a message recipient: their chat (named, confidential) or their relay (anonymous). */
export function reporterRecipient(deps: Pick<IntakeDependencies, 'cipher' | 'pseudonyms'>, record: CaseRecord): Recipient | undefined {
  if (record.relayId) return { kind: 'relay', relayId: record.relayId };
  if (!record.sealedReporter) return undefined;
  const reporter = deps.cipher.open<{ userId: string }>('identity', record.sealedReporter, record.id);
  return userRecipient(deps, reporter.userId);
}

/** The handler's language, from the directory (Dutch when unknown). */
export async function handlerLocale(deps: Pick<IntakeDependencies, 'directory'>, userId: string): Promise<Locale> {
  return toLocale((await deps.directory.getPerson(userId))?.locale);
}
