import { isDeepStrictEqual } from 'node:util';
import type { IntakeDependencies } from './intakeDependencies';

/**
 * Keeps the address of a user's 1:1 chat, sealed, under their pseudonym, so the bot can reach
 * them later (handlers, and reporters of named and confidential cases). Written only when it
 * changed, and dated by day only, so its write time says little about when someone used the bot.
 */
export async function rememberConversation(deps: IntakeDependencies, userId: string, conversation: unknown): Promise<void> {
  const id = deps.pseudonyms.pseudonym('user', userId);
  const stored = await deps.repos.conversationReferences.get(id);
  if (stored) {
    try {
      if (isDeepStrictEqual(deps.cipher.open('address', stored.sealed, id), conversation)) return;
    } catch {
      // Unreadable (a retired key): overwrite below.
    }
  }
  await deps.repos.conversationReferences.put({
    id,
    sealed: deps.cipher.seal('address', conversation, id),
    updatedAt: deps.clock.now().toISOString().slice(0, 10),
  });
}
