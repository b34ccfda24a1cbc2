import { backoffDelay } from './backoffDelay';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { OutboxItem, Recipient } from './outboxPorts';

/** A card sent in a turn that the Bot Connector refused for now, to be sent again by the outbox. */
export interface UnsentCard {
  /** Deterministic per turn and send, so a repeated turn does not queue it twice. */
  id: string;
  recipient: Recipient;
  card: object;
  /** The connector's `Retry-After`, if it gave one. */
  retryAfterMs?: number;
  /** The status code or error name, for the log (never the card). */
  code: string;
}

/**
 * Queues the card for its chat, not before the `Retry-After` (or a back-off), in that chat's order
 * (keyed as enqueueNotification and enqueueDirect key it). Returns the delay.
 */
export async function queueUnsentCard(deps: Pick<IntakeDependencies, 'repos' | 'clock' | 'cipher' | 'random' | 'logger'>, unsent: UnsentCard): Promise<number> {
  const now = deps.clock.now();
  const delay = Math.max(unsent.retryAfterMs ?? 0, backoffDelay(1, deps.random));
  const item: OutboxItem = {
    id: unsent.id,
    recipient: unsent.recipient,
    conversationKey: conversationKeyOf(unsent.recipient),
    sealedPayload: deps.cipher.seal('content', { card: unsent.card }, unsent.id),
    createdAt: now.toISOString(),
    notBefore: new Date(now.getTime() + delay).toISOString(),
    status: 'pending',
    attempts: 1,
    lastError: unsent.code,
  };
  await deps.repos.outbox.enqueue(item);
  deps.logger.warn('turn.send_queued', { itemId: unsent.id, code: unsent.code, delayMs: delay });
  return delay;
}

function conversationKeyOf(recipient: Recipient): string {
  return recipient.kind === 'user' ? recipient.userKey : recipient.kind === 'relay' ? `relay:${recipient.relayId}` : recipient.channelKey;
}
