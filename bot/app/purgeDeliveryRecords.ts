import { ConfigurationError } from '../domain/errors';
import type { Clock, Logger, Repositories } from './ports';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH_SIZE = 100;
/** Bounds one run; whatever is left goes the next day. */
const MAX_BATCHES = 50;

/** Finished outbox items are kept this long by default (for delivery questions), then deleted. */
export const DEFAULT_OUTBOX_RETENTION_DAYS = 90;
/** A chat address nobody used for this long is forgotten (the bot opens the chat anew when it must). */
export const DEFAULT_CONVERSATION_REFERENCE_RETENTION_DAYS = 365;

export interface DeliveryRetention {
  outboxRetentionDays: number;
  conversationReferenceRetentionDays: number;
}

export interface DeliveryPurge {
  outboxItems: number;
  conversationReferences: number;
}

type Dependencies = { repos: Pick<Repositories, 'outbox' | 'conversationReferences' | 'teams'>; clock: Clock; logger: Logger };

function cutOff(now: Date, days: number, setting: string): Date {
  if (!Number.isInteger(days) || days < 1) throw new ConfigurationError([`${setting} must be a whole number of days of at least 1 (got ${String(days)}).`]);
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * Retention of what delivering messages leaves behind (GDPR art. 5(1)(e)): finished outbox items
 * (sent, failed, uncertain) — each says that someone got a message about a case at some moment —
 * and chat addresses not renewed for a long time. A team channel's address stays while the team
 * has the bot installed (topics are posted there); an orphaned one goes. Deleting a person's
 * chat address loses nothing: the bot opens their 1:1 chat again when it must reach them.
 * Anonymous reporters' relay addresses are not touched here: they go with their case.
 */
export async function purgeDeliveryRecords(deps: Dependencies, retention: DeliveryRetention): Promise<DeliveryPurge> {
  const now = deps.clock.now();
  const outboxBefore = cutOff(now, retention.outboxRetentionDays, 'OUTBOX_RETENTION_DAYS').toISOString();
  // Conversation references are dated by day only (see saveConversationReference).
  const referencesBefore = cutOff(now, retention.conversationReferenceRetentionDays, 'CONVERSATION_REFERENCE_RETENTION_DAYS').toISOString().slice(0, 10);
  const purged: DeliveryPurge = { outboxItems: 0, conversationReferences: 0 };

  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const items = await deps.repos.outbox.listFinishedBefore(outboxBefore, BATCH_SIZE);
    for (const item of items) await deps.repos.outbox.delete(item.id);
    purged.outboxItems += items.length;
    if (items.length < BATCH_SIZE) break;
  }

  const today = now.toISOString().slice(0, 10);
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const records = await deps.repos.conversationReferences.listUpdatedBefore(referencesBefore, BATCH_SIZE);
    if (records.length === 0) break;
    for (const record of records) {
      if (record.id.startsWith('channel:') && (await deps.repos.teams.get(record.id.slice('channel:'.length)))) {
        // Still in use: dated anew, so it is not looked at again until a year from now.
        await deps.repos.conversationReferences.put({ ...record, updatedAt: today });
        continue;
      }
      await deps.repos.conversationReferences.delete(record.id);
      purged.conversationReferences += 1;
    }
  }
  if (purged.outboxItems + purged.conversationReferences > 0) deps.logger.info('retention.delivery_records', { ...purged });
  return purged;
}
