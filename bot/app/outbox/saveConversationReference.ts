import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../../domain/clock';
import type { ContentCipher } from '../common/cryptoPorts';
import type { SealedRecordRepository } from './addressPorts';

/** What storing a conversation reference needs: a subset, so the intake and the outbox can both call it. */
export interface ConversationReferenceStore {
  repos: { conversationReferences: SealedRecordRepository };
  cipher: ContentCipher;
  clock: Clock;
}

/**
 * The parts of a conversation reference that address the chat. The incoming activity's id
 * changes every turn: kept, it would make every turn a write, and the write times would show
 * when someone used the bot.
 */
function stableReference(reference: unknown): unknown {
  if (typeof reference !== 'object' || reference === null) return reference;
  const copy: Record<string, unknown> = { ...(reference as Record<string, unknown>) };
  delete copy.activityId;
  return copy;
}

/**
 * Stores a conversation reference under `key` (a user pseudonym or a channel key), sealed with
 * purpose 'address' and the key as context, so the sealed value cannot be moved to another key.
 * Written only when it changed, and dated by day only, so its write time says little about when
 * someone used the bot.
 */
export async function saveConversationReference(deps: ConversationReferenceStore, key: string, incoming: unknown): Promise<void> {
  const conversation = stableReference(incoming);
  const stored = await deps.repos.conversationReferences.get(key);
  if (stored) {
    try {
      if (isDeepStrictEqual(deps.cipher.open('address', stored.sealed, key), conversation)) return;
    } catch {
      // Unreadable (a retired key): overwrite below.
    }
  }
  await deps.repos.conversationReferences.put({
    id: key,
    sealed: deps.cipher.seal('address', conversation, key),
    updatedAt: deps.clock.now().toISOString().slice(0, 10),
  });
}
