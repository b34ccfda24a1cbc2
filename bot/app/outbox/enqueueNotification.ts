import { createHash } from 'node:crypto';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { NotificationIntent } from './notificationIntent';
import type { CaseRecord } from '../cases/casePorts';
import type { OutboxItem, Recipient } from './outboxPorts';

/**
 * Adds a proactive message to a case's pending outbox (written with the case). The id is
 * deterministic (case, history length, recipient), so re-applying the same change cannot
 * queue it twice.
 */
export function enqueueNotification(
  deps: Pick<IntakeDependencies, 'cipher'>,
  record: CaseRecord,
  recipient: Recipient,
  intent: NotificationIntent,
  now: Date,
  options: { notBefore?: Date; onUndeliverable?: OutboxItem['onUndeliverable'] } = {},
): void {
  const conversationKey = recipient.kind === 'user' ? recipient.userKey : recipient.kind === 'relay' ? `relay:${recipient.relayId}` : recipient.channelKey;
  const pending = record.pendingOutbox ?? [];
  // Deterministic, but opaque: the id shows up in logs and outbox records, and must not name the case.
  const id = createHash('sha256').update(`${record.id}:${record.history.length}:${pending.length}:${recipient.kind}`).digest('base64url');
  pending.push({
    id,
    recipient,
    conversationKey,
    sealedPayload: deps.cipher.seal('content', { intent }, id),
    createdAt: now.toISOString(),
    notBefore: (options.notBefore ?? now).toISOString(),
    status: 'pending',
    attempts: 0,
    onUndeliverable: options.onUndeliverable,
  });
  record.pendingOutbox = pending;
  record.pendingOutboxCount = pending.length;
}
