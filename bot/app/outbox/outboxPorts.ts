/**
 * Outbox: proactive messages, written with the state change that causes them, delivered by a
 * timer (and on the spot when possible), safe to re-run.
 */
import type { Sealed } from '../common/cryptoPorts';
import type { Versioned } from '../common/storePorts';

/** Who a proactive message goes to. */
export type Recipient =
  /** A person (handler, coordinator, named/confidential reporter): their 1:1 chat with the bot. */
  | { kind: 'user'; userKey: string; /** `{ userId }` sealed with purpose 'identity', context = userKey: to create the chat when none is known. */ sealedUserId: Sealed }
  /** An anonymous reporter, reached through their sealed relay address. */
  | { kind: 'relay'; relayId: string }
  /** A team channel (team meeting topics). */
  | { kind: 'channel'; channelKey: string };

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One proactive message. */
export interface OutboxItem {
  /** Deterministic (e.g. `<caseId>:<event number>:<recipient>`), so enqueueing twice is harmless. */
  id: string;
  recipient: Recipient;
  /** Messages with the same key go to the same chat and are delivered in `createdAt` order. */
  conversationKey: string;
  /** `{ card: object }` (an Adaptive Card with no report content), sealed with purpose 'content', context = id. */
  sealedPayload: Sealed;
  createdAt: string;
  /** Not delivered before this time (back-off after a failure, working hours, batching). */
  notBefore: string;
  status: OutboxStatus;
  attempts: number;
  /** While `sending`: after this time the claim has lapsed (the sender crashed). */
  leaseUntil?: string;
  sentAt?: string;
  /** The activity id the connector gave the sent message (to update the card later). */
  activityId?: string;
  /** Last failure as a code (HTTP status or error name), never a message body. */
  lastError?: string;
  /** What to tell the domain when the message cannot be delivered at all (e.g. reassign a case whose handler cannot be reached). */
  onUndeliverable?: { caseId: string; reason: 'handler_unreachable' };
  /**
   * A notice to an anonymous reporter, once sent: the day (`YYYY-MM-DD`) after which the
   * retention run deletes the item. Until then it is kept only so the same notice is not queued
   * twice, stripped of everything that ties it to the chat or the case (see `deliverOutbox`).
   */
  forgetAfter?: string;
}

export interface OutboxRepository {
  /** Adds an item; false (and no change) when an item with that id exists already. */
  enqueue(item: OutboxItem): Promise<boolean>;
  get(id: string): Promise<Versioned<OutboxItem> | undefined>;
  /** ConcurrencyError if changed since `etag`. */
  replace(item: OutboxItem, etag: string): Promise<Versioned<OutboxItem>>;
  /**
   * Items to work on now, oldest `createdAt` first: `pending` with `notBefore <= now`, and
   * `sending` whose `leaseUntil <= now` (a crashed run). Cost grows with the number due, not the
   * number stored (indexed on status + time). With `createdAfter`, only items created after that
   * moment: the next page, for a run that has read the first.
   */
  listDue(now: string, limit: number, createdAfter?: string): Promise<Versioned<OutboxItem>[]>;
  /**
   * The unfinished items (`pending`, due or not, and `sending`) of one conversation, oldest
   * `createdAt` first (ties by id), at most `limit`: what must go before a due item of that chat.
   * Indexed on conversationKey + status + createdAt, so its cost follows that chat's queue.
   */
  listUnfinishedIn(conversationKey: string, limit: number): Promise<Versioned<OutboxItem>[]>;
  /** Items that are finished (`sent`, `failed` or `uncertain`) and were created before `before`, oldest first, at most `limit` (retention). */
  listFinishedBefore(before: string, limit: number): Promise<OutboxItem[]>;
  /** Items whose `forgetAfter` day is before `day` (`YYYY-MM-DD`), oldest first, at most `limit` (anonymous notices, deleted days after sending). */
  listToForgetBefore(day: string, limit: number): Promise<OutboxItem[]>;
  /** Deletes; no error when it is already gone. */
  delete(id: string): Promise<void>;
}
