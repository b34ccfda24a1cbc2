import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { NotificationIntent } from './notificationIntent';
import type { Recipient } from './outboxPorts';

/**
 * Queues a proactive message that belongs to no single case (digests, notices to coordinators).
 * The id is chosen by the caller and deterministic (e.g. per coordinator and week), so a job
 * that runs twice queues it once.
 */
export async function enqueueDirect(deps: Pick<IntakeDependencies, 'repos' | 'cipher'>, id: string, recipient: Recipient, intent: NotificationIntent, now: Date): Promise<boolean> {
  const conversationKey = recipient.kind === 'user' ? recipient.userKey : recipient.kind === 'relay' ? `relay:${recipient.relayId}` : recipient.channelKey;
  return deps.repos.outbox.enqueue({
    id,
    recipient,
    conversationKey,
    sealedPayload: deps.cipher.seal('content', { intent }, id),
    createdAt: now.toISOString(),
    notBefore: now.toISOString(),
    status: 'pending',
    attempts: 0,
  });
}
