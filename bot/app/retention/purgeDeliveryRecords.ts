import type { Clock } from '../../domain/clock';
import type { Logger } from '../common/loggerPorts';
import type { Repositories } from '../common/repositories';
import { drainInBatches, RETENTION_BATCH, retentionCutOff } from './retentionRun';

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

/**
 * Retention of what delivering messages leaves behind (GDPR art. 5(1)(e)): finished outbox items
 * (sent, failed, uncertain) — each says that someone got a message about a case at some moment —
 * and chat addresses not renewed for a long time. A sent notice to an anonymous reporter (already
 * stripped to its id and day when sent) goes the second day after sending (`forgetAfter`). A team channel's address stays while the team
 * has the bot installed (topics are posted there); an orphaned one goes. Deleting a person's
 * chat address loses nothing: the bot opens their 1:1 chat again when it must reach them.
 * Anonymous reporters' relay addresses are not touched here: they go with their case.
 */
export async function purgeDeliveryRecords(deps: Dependencies, retention: DeliveryRetention): Promise<DeliveryPurge> {
  const now = deps.clock.now();
  const outboxBefore = retentionCutOff(now, retention.outboxRetentionDays, 'OUTBOX_RETENTION_DAYS').toISOString();
  // Conversation references are dated by day only (see saveConversationReference).
  const referencesBefore = retentionCutOff(now, retention.conversationReferenceRetentionDays, 'CONVERSATION_REFERENCE_RETENTION_DAYS').toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const purged: DeliveryPurge = {
    outboxItems:
      // Sent notices to anonymous reporters go days after sending, not after the retention period.
      (await drainInBatches(
        () => deps.repos.outbox.listToForgetBefore(today, RETENTION_BATCH),
        async (item) => {
          await deps.repos.outbox.delete(item.id);
          return true;
        },
        MAX_BATCHES,
      )) +
      (await drainInBatches(
        () => deps.repos.outbox.listFinishedBefore(outboxBefore, RETENTION_BATCH),
        async (item) => {
          await deps.repos.outbox.delete(item.id);
          return true;
        },
        MAX_BATCHES,
      )),
    conversationReferences: await drainInBatches(
      () => deps.repos.conversationReferences.listUpdatedBefore(referencesBefore, RETENTION_BATCH),
      async (record) => {
        if (record.id.startsWith('channel:') && (await deps.repos.teams.get(record.id.slice('channel:'.length)))) {
          // Still in use: dated anew, so it is not looked at again until a year from now.
          await deps.repos.conversationReferences.put({ ...record, updatedAt: today });
          return false;
        }
        await deps.repos.conversationReferences.delete(record.id);
        return true;
      },
      MAX_BATCHES,
    ),
  };
  if (purged.outboxItems + purged.conversationReferences > 0) deps.logger.info('retention.delivery_records', { ...purged });
  return purged;
}
