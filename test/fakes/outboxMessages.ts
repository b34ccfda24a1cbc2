import type { Clock } from '../../bot/domain/clock';
import type { ContentCipher } from '../../bot/app/common/cryptoPorts';
import type { OutboxItem, Recipient } from '../../bot/app/outbox/outboxPorts';
import type { Repositories } from '../../bot/app/common/repositories';
import { saveConversationReference } from '../../bot/app/outbox/saveConversationReference';

/** A card that says which message it is (`seq`), so tests can check what arrived where, in which order. */
export function numberedCard(seq: string): Record<string, unknown> {
  return { type: 'AdaptiveCard', version: '1.5', seq, body: [{ type: 'TextBlock', text: `Bericht ${seq}` }] };
}

/** What a test says about one outbox message; the rest gets defaults. */
export interface MessageSpec {
  id: string;
  recipient: Recipient;
  /** Default: derived from the recipient, as the use cases do. */
  conversationKey?: string;
  createdAt: string;
  notBefore?: string;
  /** Default: `numberedCard(id)`. */
  card?: object;
  onUndeliverable?: OutboxItem['onUndeliverable'];
}

/** An outbox item with its payload sealed the way deliverOutbox opens it ('content', context = id). */
export function sealedOutboxItem(cipher: ContentCipher, spec: MessageSpec): OutboxItem {
  return {
    id: spec.id,
    recipient: spec.recipient,
    conversationKey: spec.conversationKey ?? conversationKeyOf(spec.recipient),
    sealedPayload: cipher.seal('content', { card: spec.card ?? numberedCard(spec.id) }, spec.id),
    createdAt: spec.createdAt,
    notBefore: spec.notBefore ?? spec.createdAt,
    status: 'pending',
    attempts: 0,
    ...(spec.onUndeliverable ? { onUndeliverable: spec.onUndeliverable } : {}),
  };
}

/** Enqueues the messages in the given order (tests shuffle them to prove ordering comes from createdAt). */
export async function enqueueAll(repos: Repositories, cipher: ContentCipher, specs: MessageSpec[]): Promise<void> {
  for (const spec of specs) await repos.outbox.enqueue(sealedOutboxItem(cipher, spec));
}

export function conversationKeyOf(recipient: Recipient): string {
  switch (recipient.kind) {
    case 'user':
      return `user:${recipient.userKey}`;
    case 'relay':
      return `relay:${recipient.relayId}`;
    case 'channel':
      return `channel:${recipient.channelKey}`;
  }
}

/** A user recipient whose Entra id is sealed as the outbox expects ('identity', context = user key). */
export function userRecipient(cipher: ContentCipher, userKey: string, userId: string): Recipient {
  return { kind: 'user', userKey, sealedUserId: cipher.seal('identity', { userId }, userKey) };
}

/** Stores a conversation reference as the intake does, under a user key or channel key. */
export async function storeReference(deps: { repos: Repositories; cipher: ContentCipher; clock: Clock }, key: string, reference: unknown): Promise<void> {
  await saveConversationReference(deps, key, reference);
}

/** `minutes` after 09:00 UTC on 30 November 2026, plus `seconds`. */
export function atMinute(minutes: number, seconds = 0): string {
  return new Date(Date.UTC(2026, 10, 30, 9, minutes, seconds)).toISOString();
}
