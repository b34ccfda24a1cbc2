import type { IntakeDependencies } from '../intake/intakeDependencies';
import { saveConversationReference } from './saveConversationReference';

/**
 * Keeps the address of a user's 1:1 chat, sealed, under their pseudonym, so the bot can reach
 * them later (handlers, and reporters of named and confidential cases).
 */
export async function rememberConversation(deps: IntakeDependencies, userId: string, conversation: unknown): Promise<void> {
  await saveConversationReference(deps, deps.pseudonyms.pseudonym('user', userId), conversation);
}
