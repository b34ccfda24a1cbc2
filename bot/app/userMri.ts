import type { BotServices } from './botServices';

/**
 * The Teams id ("MRI") of a user, for `refresh.userIds`: the id in their stored 1:1
 * conversation reference (`29:…`) when the bot has one, else the `8:orgid:<Entra id>` form.
 */
export async function userMri(services: BotServices, userId: string): Promise<string> {
  const key = services.pseudonyms.pseudonym('user', userId);
  const stored = await services.repos.conversationReferences.get(key);
  if (stored) {
    try {
      const reference = services.cipher.open<{ user?: { id?: string } }>('address', stored.sealed, key);
      if (reference.user?.id) return reference.user.id;
    } catch {
      // An unreadable reference (retired key) falls back to the Entra form.
    }
  }
  return `8:orgid:${userId}`;
}
