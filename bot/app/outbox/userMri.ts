import type { IntakeDependencies } from '../intake/intakeDependencies';

/**
 * The Teams id ("MRI") of a user, for `refresh.userIds`: the id in their stored 1:1
 * conversation reference (`29:…`) when the bot has one, else the `8:orgid:<Entra id>` form.
 */
export async function userMri(deps: Pick<IntakeDependencies, 'repos' | 'pseudonyms' | 'cipher'>, userId: string): Promise<string> {
  const key = deps.pseudonyms.pseudonym('user', userId);
  const stored = await deps.repos.conversationReferences.get(key);
  if (stored) {
    try {
      const reference = deps.cipher.open<{ user?: { id?: string } }>('address', stored.sealed, key);
      if (reference.user?.id) return reference.user.id;
    } catch {
      // An unreadable reference (retired key) falls back to the Entra form.
    }
  }
  return `8:orgid:${userId}`;
}
