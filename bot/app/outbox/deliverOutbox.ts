import { ConcurrencyError, NotFoundError } from '../../domain/errors';
import { backoffDelay } from './backoffDelay';
import { forEachConcurrently } from './forEachConcurrently';
import { DeliveryError, type ProactiveMessenger } from './messengerPorts';
import type { Clock } from '../../domain/clock';
import type { ContentCipher } from '../common/cryptoPorts';
import type { Logger } from '../common/loggerPorts';
import type { OutboxItem, OutboxStatus } from './outboxPorts';
import type { Repositories } from '../common/repositories';
import type { Versioned } from '../common/storePorts';
import { resolveRecipientAddress } from './resolveRecipientAddress';
import { SendingSlots } from './sendingSlots';
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
  /** Due items read per page (at most 100); a run reads further pages while it has time. Default 100. */
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
  /**
   * Longest wait for Teams' rate limits before one send; a send that would wait longer is put
   * back for a later run at once (as if throttled). Default: no limit (the messenger waits).
   */
  maxRateWaitMs?: number;
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

const DEFAULTS: Required<Omit<DeliveryOptions, 'maxRateWaitMs'>> & Pick<DeliveryOptions, 'maxRateWaitMs'> = { maxItems: 100, maxAttemptsPerRun: 4, maxTotalAttempts: 12, leaseMs: 120_000, timeBudgetMs: 60_000 };
type Settings = typeof DEFAULTS;

/**
 * Conversations served at once. Within one conversation sending is strictly sequential. A
 * conversation waiting out a Retry-After between attempts gives its slot to another meanwhile.
 */
export const CONVERSATION_CONCURRENCY = 8;

/** Conversations in hand at once (served, or waiting out a Retry-After with their slot given up). */
const MAX_CONVERSATIONS_IN_HAND = CONVERSATION_CONCURRENCY * 4;

/** Unfinished items of one conversation read at a visit; a longer queue is served over several visits. */
const QUEUE_WINDOW = 100;

/** Pages of due items one look for work may read (so at most this × maxItems items), past conversations that are being served. */
const MAX_PAGES_PER_LOOK = 20;

/** How one item's turn ended: go on with the conversation's next item, or leave the rest for later (and, when known, until when). */
type Outcome = { next: true } | { next: false; changed: boolean; until?: string };

const NEXT: Outcome = { next: true };
const STOP: Outcome = { next: false, changed: false };

/**
 * Delivers the outbox: a timer runs this; it is safe to run again at any time, and two runs at
 * once (in one instance or several) do not send anything twice.
 *
 * **What is served.** The run reads the items that are due (`pending` with `notBefore <= now`, and
 * claims that lapsed), oldest first, a page at a time, and serves their conversations, eight at
 * once (a conversation waiting out a Retry-After lets another send meanwhile), until nothing due is left or the time budget is spent; so a backlog drains at the rate
 * the messenger allows (Teams' limits), not a page per run. Items that cannot go yet (back-off
 * after a failure, an anonymous reporter's random delay) are not read at all, so they never take
 * the place of due items of other chats; a conversation being served (one slow chat) does not
 * stop the others: the run reads on past it.
 *
 * **Order.** Each conversation is served strictly in `createdAt` order: for a conversation with a
 * due item, the run reads that chat's unfinished items (`listUnfinishedIn`) and sends them in
 * order, stopping at the first that cannot go now. When that first item waits (its `notBefore`),
 * the due items behind it are parked until the same moment (their `notBefore` raised), so they
 * leave the due list instead of filling it while they cannot go.
 *
 * **One lease per chat.** Before each attempt the item is claimed with its ETag (`sending`, a
 * lease, attempts + 1): of two runs only one wins, and the other, finding the chat's first
 * unfinished item held, leaves the whole chat alone. That claim on the chat's oldest item is the
 * chat's lease: only one run (in any instance) sends to a chat at a time, which is what lets the
 * holder keep to Teams' per-chat limits.
 *
 * **Exactly once, except for a crash in one narrow window.** After the send the item is marked
 * `sent`. If a run dies between claiming and marking, nobody can tell whether the message went
 * out; a later run finds it `sending` with a lapsed lease and marks it `uncertain` (log
 * `outbox.uncertain`) instead of sending it again. A duplicate notice about a case is worse than
 * a rare missing one, which the case's own reminders cover; so delivery is at most once in that
 * window and exactly once otherwise.
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
  const settings: Settings = { ...DEFAULTS, ...definedOnly(options) };
  const slots = new SendingSlots(CONVERSATION_CONCURRENCY);
  const run = new DeliveryRun(deps, settings, deps.clock.now().getTime() + settings.timeBudgetMs, slots);
  const work = new DueConversations(deps, run, settings.maxItems);
  const inHand = new Set<Promise<void>>();
  for (;;) {
    // Conversations waiting out a Retry-After give up their slot but stay in hand (their claim, their order): so many at most.
    if (inHand.size >= MAX_CONVERSATIONS_IN_HAND) {
      await Promise.race(inHand);
      continue;
    }
    await slots.acquire();
    const next = await work.take();
    if (!next) {
      slots.release();
      if (inHand.size === 0) break;
      // What is still being served may make more due (or unstall a chat): look again when one is done.
      await Promise.race(inHand);
      continue;
    }
    const served: Promise<void> = run
      .deliverConversation(next.key, next.due)
      .then((changed) => work.release(next.key, changed))
      .finally(() => {
        slots.release();
        inHand.delete(served);
      });
    inHand.add(served);
  }
  logRun(deps, 'outbox.run', run, { due: work.seen, pages: work.pages, maxItems: settings.maxItems });
  return run.report;
}

/**
 * Delivers only the given items (those a turn just queued), each with the items of its chat that
 * are also among them, in order: one attempt each, within `timeBudgetMs`, never waiting for a
 * `Retry-After` or longer than `maxRateWaitMs` for the rate limits. A chat whose oldest
 * unfinished item is not one of them (someone else's backlog, a back-off) is left to the timer.
 */
export async function deliverOwnItems(deps: DeliveryDependencies, itemIds: readonly string[], options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const settings: Settings = { ...DEFAULTS, maxAttemptsPerRun: 1, ...definedOnly(options) };
  const run = new DeliveryRun(deps, settings, deps.clock.now().getTime() + settings.timeBudgetMs);
  const own = new Set(itemIds);
  const keys = new Set<string>();
  for (const id of own) {
    const stored = await deps.repos.outbox.get(id);
    if (stored?.value.status === 'pending') keys.add(stored.value.conversationKey);
  }
  await forEachConcurrently([...keys], CONVERSATION_CONCURRENCY, async (key) => {
    await run.deliverConversation(key, [], own);
  });
  if (keys.size > 0) logRun(deps, 'outbox.turn_run', run, { own: own.size });
  return run.report;
}

function logRun(deps: DeliveryDependencies, event: string, run: DeliveryRun, extra: Record<string, number>): void {
  const { report } = run;
  deps.logger.info(event, {
    ...extra,
    sent: report.sent,
    retried: report.retried,
    failed: report.failed.length,
    uncertain: report.uncertain,
    errors: report.errors,
    parked: run.parked,
  });
}

/**
 * The conversations with due items, handed out one at a time to the run's workers: a
 * conversation is never handed out while a worker serves it, and again in the same run only
 * if its last visit changed something (so a run ends). When none is left in hand, the due list
 * is read again from the start, page after page past the conversations in hand, so one chat with
 * many due items (its items first in the list) does not hide the others.
 */
class DueConversations {
  /** Due items read, over all pages (for the log). */
  seen = 0;
  pages = 0;
  private readonly ready = new Map<string, Versioned<OutboxItem>[]>();
  private readonly serving = new Set<string>();
  /** Conversations whose last visit in this run changed nothing: not visited again. */
  private readonly stalled = new Set<string>();
  private looking?: Promise<void>;
  private exhausted = false;

  constructor(
    private readonly deps: DeliveryDependencies,
    private readonly run: DeliveryRun,
    private readonly pageSize: number,
  ) {}

  /** The next conversation to serve, or undefined when there is none (or no time) left. */
  async take(): Promise<{ key: string; due: Versioned<OutboxItem>[] } | undefined> {
    for (;;) {
      if (this.run.outOfTime()) return undefined;
      for (const [key, due] of this.ready) {
        this.ready.delete(key);
        if (this.serving.has(key) || this.stalled.has(key)) continue;
        this.serving.add(key);
        return { key, due };
      }
      if (this.exhausted) return undefined;
      this.looking ??= this.look().finally(() => {
        this.looking = undefined;
      });
      await this.looking;
    }
  }

  release(key: string, changed: boolean): void {
    this.serving.delete(key);
    if (!changed) this.stalled.add(key);
    // Something changed, so a new look may find work again (more of this chat, or items parked elsewhere).
    else this.exhausted = false;
  }

  private async look(): Promise<void> {
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_LOOK && !this.run.outOfTime(); page += 1) {
      const due = await this.deps.repos.outbox.listDue(this.run.nowIso(), this.pageSize, after);
      this.pages += 1;
      this.seen += due.length;
      for (const entry of due) {
        const key = entry.value.conversationKey;
        if (this.serving.has(key) || this.stalled.has(key)) continue;
        const group = this.ready.get(key);
        if (group) group.push(entry);
        else this.ready.set(key, [entry]);
      }
      if (this.ready.size > 0) return;
      if (due.length < this.pageSize) break;
      const last = due[due.length - 1].value.createdAt;
      // Items created at one moment fill the page: nothing further can be reached by creation time.
      if (last === after) break;
      after = last;
    }
    // Nothing more to hand out now: workers end once the conversations in hand are done (unless those change something).
    this.exhausted = this.ready.size === 0;
  }
}

/** The state of one run: its settings, its deadline and what it did so far. */
class DeliveryRun {
  readonly report: DeliveryReport = { sent: 0, retried: 0, failed: [], uncertain: 0, errors: 0 };
  /** Due items moved behind a waiting item of their chat. */
  parked = 0;

  constructor(
    private readonly deps: DeliveryDependencies,
    private readonly settings: Settings,
    private readonly deadline: number,
    /** The run's sending slots, held by the conversation being served: given up while it only waits. */
    private readonly slots?: SendingSlots,
  ) {}

  outOfTime(): boolean {
    return this.now() >= this.deadline;
  }

  /**
   * Serves one conversation in order, from its oldest unfinished item; with `only`, stops at the
   * first item not in it. Due items of the chat (`due`, as read from the due list) that have to
   * wait behind an item that waits are parked. An unexpected error stops only this conversation
   * (for the rest of the run). Returns whether anything changed.
   */
  async deliverConversation(conversationKey: string, due: Versioned<OutboxItem>[], only?: ReadonlySet<string>): Promise<boolean> {
    let itemId = '';
    let changed = false;
    try {
      const queue = await this.deps.repos.outbox.listUnfinishedIn(conversationKey, QUEUE_WINDOW);
      for (const entry of queue) {
        itemId = loggedId(entry.value);
        if (this.outOfTime() || (only && !only.has(entry.value.id))) return changed;
        const outcome = await this.deliverItem(entry);
        if (outcome.next) {
          changed = true;
          continue;
        }
        changed ||= outcome.changed;
        if (outcome.until) changed = (await this.park(entry.value, outcome.until, due, queue)) || changed;
        return changed;
      }
      return changed;
    } catch (error) {
      this.report.errors += 1;
      // The item keeps its state: a claim lapses and becomes uncertain, a pending item is retried.
      this.deps.logger.error('outbox.error', { itemId, errorName: errorName(error) });
      // Not visited again in this run: a failing store would fail again.
      return false;
    }
  }

  /** Raises the `notBefore` of the chat's due items behind `blocker` to `until`, so they leave the due list while they cannot go. */
  private async park(blocker: OutboxItem, until: string, due: Versioned<OutboxItem>[], queue: Versioned<OutboxItem>[]): Promise<boolean> {
    const fresh = new Map(queue.map((entry) => [entry.value.id, entry]));
    let parked = false;
    for (const read of due) {
      const entry = fresh.get(read.value.id) ?? read;
      const item = entry.value;
      if (item.id === blocker.id || item.status !== 'pending' || item.notBefore >= until || !isAfter(item, blocker)) continue;
      if (await this.replace(entry, { ...item, notBefore: until })) {
        this.parked += 1;
        parked = true;
      }
    }
    return parked;
  }

  private async deliverItem(entry: Versioned<OutboxItem>): Promise<Outcome> {
    const item = entry.value;
    const nowIso = this.nowIso();
    if (item.status === 'sending') {
      // Still held by a run that is working on this conversation: leave the conversation to it.
      if (item.leaseUntil === undefined || item.leaseUntil > nowIso) return STOP;
      if (!(await this.settle(entry, 'uncertain'))) return STOP;
      this.report.uncertain += 1;
      this.deps.logger.warn('outbox.uncertain', { itemId: loggedId(item), attempts: item.attempts });
      return NEXT;
    }
    if (item.status !== 'pending') return NEXT;
    if (item.notBefore > nowIso) return { next: false, changed: false, until: item.notBefore };
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
      if (!claimed) return STOP;
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
            await this.waitWithoutSlot(delay);
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
      if (!marked) return { next: false, changed: true };
      this.report.sent += 1;
      this.deps.logger.info('outbox.sent', { itemId: loggedId(current.value), attempts: current.value.attempts });
      return NEXT;
    }
  }

  /** Sleeps `ms` with the conversation's sending slot given to another meanwhile (the claim and the chat's order stay). */
  private async waitWithoutSlot(ms: number): Promise<void> {
    if (!this.slots) return this.deps.sleep(ms);
    this.slots.release();
    try {
      await this.deps.sleep(ms);
    } finally {
      await this.slots.acquire();
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
    // A card sent as it was (a message of a turn that could not go at once), or an intent rendered now.
    const card = payload.card ?? (this.deps.renderPayload ? await this.deps.renderPayload(payload) : undefined);
    if (!card) throw new UndeliverableError('nothing_to_send');
    const patience = this.settings.maxRateWaitMs === undefined ? undefined : { maxWaitMs: this.settings.maxRateWaitMs };
    const address = await resolveRecipientAddress(this.deps, item.recipient, patience);
    return this.deps.messenger.sendCard(address, card, patience);
  }

  /** Back to pending for a later run; the conversation waits behind it. */
  private async defer(entry: Versioned<OutboxItem>, failure: Failure): Promise<Outcome> {
    const delay = Math.max(failure.retryAfterMs ?? 0, backoffDelay(entry.value.attempts, this.deps.random));
    const notBefore = new Date(this.now() + delay).toISOString();
    if (!(await this.replace(entry, { ...withoutLease(entry.value), status: 'pending', notBefore, lastError: failure.code }))) return STOP;
    this.report.retried += 1;
    this.deps.logger.warn('outbox.deferred', { itemId: loggedId(entry.value), code: failure.code, attempts: entry.value.attempts, delayMs: delay });
    return { next: false, changed: true, until: notBefore };
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
    if (!failed) return STOP;
    this.report.failed.push(failed.value);
    this.deps.logger.error('outbox.failed', { itemId: loggedId(entry.value), code, attempts: entry.value.attempts });
    return NEXT;
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

  nowIso(): string {
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

/** Whether `item` comes after `other` in its chat's order (`createdAt`, ties by id). */
function isAfter(item: OutboxItem, other: OutboxItem): boolean {
  return item.createdAt > other.createdAt || (item.createdAt === other.createdAt && item.id > other.id);
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
