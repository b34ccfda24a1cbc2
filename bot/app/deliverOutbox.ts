import { ConcurrencyError, NotFoundError } from '../domain/errors';
import { backoffDelay } from './backoffDelay';
import { forEachConcurrently } from './forEachConcurrently';
import {
  DeliveryError,
  type Clock,
  type ContentCipher,
  type Logger,
  type OutboxItem,
  type OutboxStatus,
  type ProactiveMessenger,
  type Repositories,
  type Versioned,
} from './ports';
import { resolveRecipientAddress } from './resolveRecipientAddress';
import { UndeliverableError } from './undeliverableError';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a delivery run needs. `sleep` must let `clock` move on (tests pass one that advances a manual clock). */
export interface DeliveryDependencies {
  repos: Repositories;
  cipher: ContentCipher;
  messenger: ProactiveMessenger;
  clock: Clock;
  logger: Logger;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), for jitter. */
  random(): number;
  /**
   * Turns the opened payload into the card to send (the Teams layer renders notification intents
   * from the case as it is at delivery). Without it, the payload is `{ card }`. Undefined: nothing
   * to send any more.
   */
  renderPayload?(payload: unknown): Promise<object | undefined>;
}

/** Limits of one run; every one has a default. */
export interface DeliveryOptions {
  /** Unfinished items read per run (at most 100). Default 100. */
  maxItems?: number;
  /** Send attempts of one item within one run before it is put back for a later run. Default 4. */
  maxAttemptsPerRun?: number;
  /** Send attempts of one item over all runs before it is given up as failed. Default 12. */
  maxTotalAttempts?: number;
  /**
   * How long a claim holds. Renewed before every attempt, so it must only outlast one attempt
   * (a send, including the messenger's rate-limit wait), not the whole run. Default 2 minutes.
   */
  leaseMs?: number;
  /** No new item or retry is started after this much time; what is left waits for the next run. Default 1 minute. */
  timeBudgetMs?: number;
}

/** What a run did. */
export interface DeliveryReport {
  /** Items delivered (and marked sent). */
  sent: number;
  /** Items that kept failing with a retryable error and were put back for a later run (their conversation waits). */
  retried: number;
  /**
   * Items given up on: refused by the service (e.g. 403), no address, or too many attempts. The
   * caller acts on their `onUndeliverable` (e.g. reassigns the case): this report is the only place
   * they are handed over.
   */
  failed: OutboxItem[];
  /** Items found claimed by a run that crashed: maybe delivered, so never sent again. */
  uncertain: number;
  /** Conversations whose work stopped on an unexpected error (storage down, a bug); logged as `outbox.error`. */
  errors: number;
}

const DEFAULTS: Required<DeliveryOptions> = { maxItems: 100, maxAttemptsPerRun: 4, maxTotalAttempts: 12, leaseMs: 120_000, timeBudgetMs: 60_000 };

/** Conversations served at once. Within one conversation sending is strictly sequential. */
const CONVERSATION_CONCURRENCY = 4;

/**
 * Later than any real time: asked with it, `listDue` returns every unfinished item (all pending,
 * all claimed), oldest first. See `deliverOutbox` for why the run needs the ones not due too.
 */
const HORIZON = '9999-12-31T23:59:59.999Z';

/** How one item's turn ended: go on with the conversation's next item, or leave the rest for later. */
type Outcome = 'next' | 'stop';

/**
 * Delivers the outbox: a timer runs this (and a use case may run it right after a change); it
 * is safe to run again at any time, and two runs at once do not send anything twice.
 *
 * **Order.** Items are grouped by `conversationKey` and each conversation is served strictly in
 * `createdAt` order, up to four conversations at once. When an item cannot go now (waiting for
 * its `notBefore` after a back-off, or held by another run), the later items of its conversation
 * wait too. That is why the run reads every unfinished item (`listDue` with a far horizon) and
 * not only the due ones: an item that is not due yet must still hold back the newer messages
 * behind it, even in a later run. Reading is oldest first and bounded by `maxItems`, so a
 * conversation's items in the window are always its oldest ones.
 *
 * **Exactly once, except for a crash in one narrow window.** Before each attempt the item is
 * claimed with its ETag (`sending`, a lease, attempts + 1): of two runs only one wins, the other
 * leaves that conversation alone. After the send the item is marked `sent`. If a run dies between
 * claiming and marking, nobody can tell whether the message went out; a later run finds it
 * `sending` with a lapsed lease and marks it `uncertain` (log `outbox.uncertain`) instead of
 * sending it again. A duplicate notice about a case is worse than a rare missing one, which
 * the case's own reminders cover; so delivery is at most once in that window and exactly once
 * otherwise.
 *
 * **Failures.** A retryable `DeliveryError` (429, 412, 5xx, network) is retried in this run with
 * exponential back-off and full jitter (or the `Retry-After` when longer), up to
 * `maxAttemptsPerRun` and within the time budget; then the item goes back to `pending` with a
 * `notBefore` and its conversation waits. A refusal (403, 404…), a missing address, an unreadable
 * sealed part or `maxTotalAttempts` attempts make it `failed`: it is reported in `failed` and the
 * conversation moves on, so one undeliverable message does not block the others forever.
 *
 * Logs carry item ids, status codes, delays and counts: never payloads, addresses or user ids.
 */
export async function deliverOutbox(deps: DeliveryDependencies, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const run = new DeliveryRun(deps, settings, deps.clock.now().getTime() + settings.timeBudgetMs);
  const unfinished = await deps.repos.outbox.listDue(HORIZON, settings.maxItems);
  await forEachConcurrently([...groupByConversation(unfinished).values()], CONVERSATION_CONCURRENCY, (items) => run.deliverConversation(items));
  const { report } = run;
  deps.logger.info('outbox.run', {
    // As many as asked for: older items may be holding back conversations beyond the window.
    unfinished: unfinished.length,
    maxItems: settings.maxItems,
    sent: report.sent,
    retried: report.retried,
    failed: report.failed.length,
    uncertain: report.uncertain,
    errors: report.errors,
  });
  return report;
}

/** The state of one run: its settings, its deadline and what it did so far. */
class DeliveryRun {
  readonly report: DeliveryReport = { sent: 0, retried: 0, failed: [], uncertain: 0, errors: 0 };

  constructor(
    private readonly deps: DeliveryDependencies,
    private readonly settings: Required<DeliveryOptions>,
    private readonly deadline: number,
  ) {}

  /** Serves one conversation in order; an unexpected error stops only this conversation. */
  async deliverConversation(items: Versioned<OutboxItem>[]): Promise<void> {
    let itemId = '';
    try {
      for (const entry of items) {
        itemId = loggedId(entry.value);
        if (this.now() >= this.deadline) return;
        if ((await this.deliverItem(entry)) === 'stop') return;
      }
    } catch (error) {
      this.report.errors += 1;
      // The item keeps its state: a claim lapses and becomes uncertain, a pending item is retried.
      this.deps.logger.error('outbox.error', { itemId, errorName: errorName(error) });
    }
  }

  private async deliverItem(entry: Versioned<OutboxItem>): Promise<Outcome> {
    const item = entry.value;
    const nowIso = this.nowIso();
    if (item.status === 'sending') {
      // Still held by a run that is working on this conversation: leave the conversation to it.
      if (item.leaseUntil === undefined || item.leaseUntil > nowIso) return 'stop';
      if (!(await this.settle(entry, 'uncertain'))) return 'stop';
      this.report.uncertain += 1;
      this.deps.logger.warn('outbox.uncertain', { itemId: loggedId(item), attempts: item.attempts });
      return 'next';
    }
    if (item.status !== 'pending') return 'next';
    if (item.notBefore > nowIso) return 'stop';
    return this.attempt(entry);
  }

  /** Claims and sends, retrying within the run; ends sent, failed, or put back to pending. */
  private async attempt(entry: Versioned<OutboxItem>): Promise<Outcome> {
    let current = entry;
    for (let attemptInRun = 1; ; attemptInRun += 1) {
      if (current.value.attempts >= this.settings.maxTotalAttempts) return this.fail(current, current.value.lastError ?? 'max_attempts');
      const claimed = await this.replace(current, {
        ...withoutLease(current.value),
        status: 'sending',
        attempts: current.value.attempts + 1,
        leaseUntil: new Date(this.now() + this.settings.leaseMs).toISOString(),
      });
      if (!claimed) return 'stop';
      current = claimed;

      let sent: { activityId?: string };
      try {
        sent = await this.send(current.value);
      } catch (error) {
        const failure = classify(error);
        if (!failure) {
          // Not the message's fault (storage down while finding the address, a bug): nothing was
          // sent, so release the claim for a later run rather than let it turn uncertain.
          await this.release(current, error);
          throw error;
        }
        const item = current.value;
        if (!failure.retryable || item.attempts >= this.settings.maxTotalAttempts) return this.fail(current, failure.code);
        if (attemptInRun < this.settings.maxAttemptsPerRun) {
          const delay = Math.max(failure.retryAfterMs ?? 0, backoffDelay(attemptInRun, this.deps.random));
          if (this.now() + delay <= this.deadline) {
            this.deps.logger.warn('outbox.retry', { itemId: loggedId(item), code: failure.code, attempts: item.attempts, delayMs: delay });
            await this.deps.sleep(delay);
            continue;
          }
        }
        return this.defer(current, failure);
      }

      // An anonymous reporter's message keeps nothing that ties it to the chat or the case (see forgotten).
      const marked = await this.replace(
        current,
        current.value.recipient.kind === 'relay'
          ? this.forgotten(current.value, 'sent')
          : { ...withoutLease(current.value), status: 'sent', sentAt: this.nowIso(), ...(sent.activityId ? { activityId: sent.activityId } : {}) },
      );
      // Lost the item to another run (it took our lease as lapsed and marked it uncertain): it went out once, leave the rest to that run.
      if (!marked) return 'stop';
      this.report.sent += 1;
      this.deps.logger.info('outbox.sent', { itemId: loggedId(current.value), attempts: current.value.attempts });
      return 'next';
    }
  }

  /** Opens the payload before the address, so an unreadable message never creates a chat. */
  private async send(item: OutboxItem): Promise<{ activityId?: string }> {
    let payload: { card?: object };
    try {
      payload = this.deps.cipher.open<{ card?: object }>('content', item.sealedPayload, item.id);
    } catch {
      throw new UndeliverableError('unreadable');
    }
    const card = this.deps.renderPayload ? await this.deps.renderPayload(payload) : payload.card;
    if (!card) throw new UndeliverableError('nothing_to_send');
    const address = await resolveRecipientAddress(this.deps, item.recipient);
    return this.deps.messenger.sendCard(address, card);
  }

  /** Back to pending for a later run; the conversation waits behind it. */
  private async defer(entry: Versioned<OutboxItem>, failure: Failure): Promise<Outcome> {
    const delay = Math.max(failure.retryAfterMs ?? 0, backoffDelay(entry.value.attempts, this.deps.random));
    const notBefore = new Date(this.now() + delay).toISOString();
    if (await this.replace(entry, { ...withoutLease(entry.value), status: 'pending', notBefore, lastError: failure.code })) {
      this.report.retried += 1;
      this.deps.logger.warn('outbox.deferred', { itemId: loggedId(entry.value), code: failure.code, attempts: entry.value.attempts, delayMs: delay });
    }
    return 'stop';
  }

  /** Back to pending after an unexpected error, without counting it as a retry. */
  private async release(entry: Versioned<OutboxItem>, error: unknown): Promise<void> {
    const notBefore = new Date(this.now() + backoffDelay(entry.value.attempts, this.deps.random)).toISOString();
    try {
      await this.replace(entry, { ...withoutLease(entry.value), status: 'pending', notBefore, lastError: errorName(error) });
    } catch {
      // The store is failing too: the claim stays and lapses to uncertain, the safe side. The caller reports the first error.
    }
  }

  /** Gives up on the item; the conversation goes on with its next one. */
  private async fail(entry: Versioned<OutboxItem>, code: string): Promise<Outcome> {
    const failed = await this.replace(entry, { ...withoutLease(entry.value), status: 'failed', lastError: code });
    if (!failed) return 'stop';
    this.report.failed.push(failed.value);
    this.deps.logger.error('outbox.failed', { itemId: loggedId(entry.value), code, attempts: entry.value.attempts });
    return 'next';
  }

  private async settle(entry: Versioned<OutboxItem>, status: OutboxStatus): Promise<boolean> {
    const settled = entry.value.recipient.kind === 'relay' && status === 'uncertain' ? this.forgotten(entry.value, status) : { ...withoutLease(entry.value), status };
    return (await this.replace(entry, settled)) !== undefined;
  }

  /**
   * A notice to an anonymous reporter that went out (or may have): with the tenant's chat export,
   * its exact times, message id, relay id or content would tie the message in someone's chat to
   * the case. What is kept: the deterministic id (so the same notice is not queued again), the
   * day, and the day after which the retention run deletes it. Cosmos DB still stamps this write
   * with `_ts` (seconds) until the item is deleted (docs/THREAT_MODEL.md).
   */
  private forgotten(item: OutboxItem, status: 'sent' | 'uncertain'): OutboxItem {
    const day = this.nowIso().slice(0, 10);
    return {
      id: item.id,
      recipient: { kind: 'relay', relayId: '' },
      conversationKey: 'relay',
      sealedPayload: this.deps.cipher.seal('content', {}, item.id),
      createdAt: day,
      notBefore: day,
      status,
      attempts: item.attempts,
      ...(status === 'sent' ? { sentAt: day } : {}),
      forgetAfter: new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10),
    };
  }

  /** Compare-and-swap: undefined when another run changed (or removed) the item first. */
  private async replace(entry: Versioned<OutboxItem>, next: OutboxItem): Promise<Versioned<OutboxItem> | undefined> {
    try {
      return await this.deps.repos.outbox.replace(next, entry.etag);
    } catch (error) {
      if (error instanceof ConcurrencyError || error instanceof NotFoundError) {
        this.deps.logger.info('outbox.claimed_elsewhere', { itemId: loggedId(entry.value) });
        return undefined;
      }
      throw error;
    }
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private nowIso(): string {
    return this.deps.clock.now().toISOString();
  }
}

interface Failure {
  /** HTTP status, or an error name or code: what `lastError` records. */
  code: string;
  retryable: boolean;
  retryAfterMs?: number;
}

/** What a failed send means for the message; undefined for errors that say nothing about it. */
function classify(error: unknown): Failure | undefined {
  if (error instanceof DeliveryError) {
    return { code: error.status !== undefined ? String(error.status) : error.name, retryable: error.retryable, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof UndeliverableError) return { code: error.code, retryable: false };
  return undefined;
}

/** A code for logs and `lastError`: the error's class name, never its message (which may quote a payload). */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** `leaseUntil` only means something while `sending`; other states drop it. */
function withoutLease(item: OutboxItem): OutboxItem {
  const { leaseUntil: _lease, ...rest } = item;
  return rest;
}

/** Conversation key → its items in `createdAt` order (ties by id), in order of each conversation's oldest item. */
function groupByConversation(items: Versioned<OutboxItem>[]): Map<string, Versioned<OutboxItem>[]> {
  const sorted = [...items].sort((a, b) => compare(a.value.createdAt, b.value.createdAt) || compare(a.value.id, b.value.id));
  const groups = new Map<string, Versioned<OutboxItem>[]>();
  for (const entry of sorted) {
    const group = groups.get(entry.value.conversationKey);
    if (group) group.push(entry);
    else groups.set(entry.value.conversationKey, [entry]);
  }
  return groups;
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** So that `{ maxItems: undefined }` keeps the default. */
function definedOnly(options: DeliveryOptions): DeliveryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as DeliveryOptions;
}

/**
 * The id a log line carries: none for a message to an anonymous reporter, whose id is derived from
 * the case id and whose log time would undo the random delay of the notice.
 */
function loggedId(item: OutboxItem): string {
  return item.recipient.kind === 'relay' ? 'relay' : item.id;
}
