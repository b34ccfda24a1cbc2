import type { OutboxItem } from '../../bot/app/outbox/outboxPorts';
import { aKey, aSealed, at } from './storageFixtures';

/** A pending outbox item to a user, created and due at `at(0)`; storage never opens its sealed parts. */
export function anOutboxItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  const userKey = aKey('handler-1');
  return {
    id: 'case-1:1:handler',
    recipient: { kind: 'user', userKey, sealedUserId: aSealed('identity-2025-01') },
    conversationKey: userKey,
    sealedPayload: aSealed(),
    createdAt: at(0),
    notBefore: at(0),
    status: 'pending',
    attempts: 0,
    ...overrides,
  };
}
