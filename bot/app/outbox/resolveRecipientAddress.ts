import type { Clock } from '../../domain/clock';
import type { ContentCipher, KeyPurpose, Sealed } from '../common/cryptoPorts';
import type { ProactiveMessenger } from './messengerPorts';
import type { Recipient } from './outboxPorts';
import type { Repositories } from '../common/repositories';
import { saveConversationReference } from './saveConversationReference';
import { UndeliverableError } from './undeliverableError';

/** What finding an address needs. */
export interface AddressDependencies {
  repos: Pick<Repositories, 'conversationReferences' | 'relayAddresses'>;
  cipher: ContentCipher;
  clock: Clock;
  messenger: ProactiveMessenger;
}

/**
 * The conversation reference to send a message for `recipient` to, opened from its sealed record:
 * a user's 1:1 chat ('address', context = user key), an anonymous reporter's relay ('relay',
 * context = relay id) or a channel ('address', context = channel key).
 *
 * A user the bot has never talked to (a handler who never opened the bot) gets a new 1:1 chat,
 * created through the messenger with their Entra id and remembered sealed, like the chats the
 * intake remembers (waiting at most `maxWaitMs` for the rate limit, as the messenger's `sendCard`).
 * Throws UndeliverableError when there is no address and none can be made, and the messenger's
 * DeliveryError when creating the chat failed.
 */
export async function resolveRecipientAddress(deps: AddressDependencies, recipient: Recipient, options: { maxWaitMs?: number } = {}): Promise<unknown> {
  switch (recipient.kind) {
    case 'user': {
      const stored = await deps.repos.conversationReferences.get(recipient.userKey);
      if (stored) {
        try {
          return deps.cipher.open<unknown>('address', stored.sealed, recipient.userKey);
        } catch {
          // Sealed with a retired key: make the chat reference anew below, as if none were stored.
        }
      }
      const { userId } = openOrThrow<{ userId: string }>(deps.cipher, 'identity', recipient.sealedUserId, recipient.userKey);
      const reference = await deps.messenger.createPersonalConversation(userId, options);
      await saveConversationReference(deps, recipient.userKey, reference);
      return reference;
    }
    case 'relay':
      return openStored(deps, deps.repos.relayAddresses, 'relay', recipient.relayId);
    case 'channel':
      return openStored(deps, deps.repos.conversationReferences, 'address', recipient.channelKey);
  }
}

async function openStored(deps: AddressDependencies, records: Repositories['relayAddresses'], purpose: KeyPurpose, key: string): Promise<unknown> {
  const stored = await records.get(key);
  if (!stored) throw new UndeliverableError('no_address');
  return openOrThrow<unknown>(deps.cipher, purpose, stored.sealed, key);
}

/** A sealed value that does not open will not open on a retry either. */
function openOrThrow<T>(cipher: ContentCipher, purpose: KeyPurpose, sealed: Sealed, context: string): T {
  try {
    return cipher.open<T>(purpose, sealed, context);
  } catch {
    throw new UndeliverableError('unreadable');
  }
}
