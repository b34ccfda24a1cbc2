import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../common/loggerPorts';
import type { OutboxItem, OutboxRepository } from './outboxPorts';
import type { Versioned } from '../common/storePorts';

/** The ids queued by the work running in this async context (one turn). */
const queuedInTurn = new AsyncLocalStorage<string[]>();

/**
 * Runs one turn's work and returns, with its result, the ids of the outbox items that work
 * queued (through an outbox wrapped by `recordingTurnOutbox`), in order. Concurrent turns each
 * see only their own: the list lives in the turn's async context, not in shared state.
 */
export async function collectQueuedItems<T>(work: () => Promise<T>): Promise<{ result: T; queued: string[] }> {
  const queued: string[] = [];
  const result = await queuedInTurn.run(queued, work);
  return { result, queued };
}

/**
 * Runs one turn's work (a card press, a dialog submit, a tab action), then delivers the messages
 * it queued, bounded (`deliverQueued`). A failed delivery never fails the turn: it is logged and
 * the outbox timer sends what did not go.
 */
export async function runThenDeliverOwn<T>(deps: { deliverQueued(itemIds: readonly string[]): Promise<void>; logger: Logger }, work: () => Promise<T>): Promise<T> {
  const { result, queued } = await collectQueuedItems(work);
  try {
    await deps.deliverQueued(queued);
  } catch (error) {
    deps.logger.warn('outbox.deliver_queued_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
  }
  return result;
}

/**
 * The outbox, noting each item newly queued inside `collectQueuedItems` so the turn can deliver
 * exactly its own messages afterwards (and leave everything else to the timer). Outside a turn it
 * is the outbox unchanged.
 */
export function recordingTurnOutbox(outbox: OutboxRepository): OutboxRepository {
  return {
    enqueue: async (item: OutboxItem): Promise<boolean> => {
      const added = await outbox.enqueue(item);
      if (added) queuedInTurn.getStore()?.push(item.id);
      return added;
    },
    get: (id: string): Promise<Versioned<OutboxItem> | undefined> => outbox.get(id),
    replace: (item: OutboxItem, etag: string) => outbox.replace(item, etag),
    listDue: (now: string, limit: number, createdAfter?: string) => outbox.listDue(now, limit, createdAfter),
    listUnfinishedIn: (conversationKey: string, limit: number) => outbox.listUnfinishedIn(conversationKey, limit),
    listFinishedBefore: (before: string, limit: number) => outbox.listFinishedBefore(before, limit),
    listToForgetBefore: (day: string, limit: number) => outbox.listToForgetBefore(day, limit),
    delete: (id: string) => outbox.delete(id),
  };
}
