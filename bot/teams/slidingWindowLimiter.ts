/** At most `limit` events in any `windowMs` milliseconds. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** A key (a conversation, the tenant) and the limits that apply to it. */
export interface LimitedKey {
  key: string;
  limits: readonly WindowLimit[];
}

/** Sweep idle keys once this many are tracked, so a long-running process does not keep every conversation it ever wrote to. */
const SWEEP_THRESHOLD = 1024;

/**
 * A sliding-window-log rate limiter that waits instead of refusing: `acquire` resolves when
 * every key's limits allow one more event, and records it for all of them at that moment.
 *
 * Written here rather than taken from rate-limiter-flexible because its `RateLimiterMemory`
 * reads `Date.now()` itself (time cannot be injected, so tests would wait for real or fake the
 * global timers) and counts fixed windows, which let up to twice the limit through around a
 * window boundary; Teams counts per sliding window. A log of times per key is exact, and small
 * at these limits (at most 1,800 entries per conversation for the hourly limit).
 *
 * One process only: several instances of the function app each have their own limiter, and the
 * outbox's retry on 429 covers the rest.
 */
export class SlidingWindowLimiter {
  /** Event times per key, oldest first, with the longest window that applies to the key. */
  private readonly logs = new Map<string, { times: number[]; longestWindowMs: number }>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /**
   * Waits until one more event is allowed for every key, then records it for all of them. Returns
   * the time waited; or, when that would be more than `maxWaitMs` in all, records nothing and
   * throws a `RateLimitWait` saying how long it would have been.
   */
  async acquire(keys: readonly LimitedKey[], maxWaitMs = Infinity): Promise<number> {
    const start = this.now();
    return (await this.acquireAt(keys, maxWaitMs)) - start;
  }

  /** As `acquire`, but resolves with the moment the event was recorded (what `giveBack` takes). */
  async acquireAt(keys: readonly LimitedKey[], maxWaitMs = Infinity): Promise<number> {
    const start = this.now();
    for (;;) {
      const now = this.now();
      const wait = Math.max(0, ...keys.map((key) => this.waitFor(key, now)));
      if (now - start + wait > maxWaitMs) throw new RateLimitWait(wait);
      // Checked and recorded in one synchronous step, so concurrent callers cannot both take the last slot.
      if (wait === 0) {
        for (const key of keys) this.record(key, now);
        return now;
      }
      await this.sleep(wait);
    }
  }

  /** Records one event for every key if all allow it now, without waiting; whether it did. */
  tryAcquire(keys: readonly LimitedKey[]): boolean {
    const now = this.now();
    if (keys.some((key) => this.waitFor(key, now) > 0)) return false;
    for (const key of keys) this.record(key, now);
    return true;
  }

  /**
   * Un-records one event recorded at `at` for every key: for a call the service refused (429),
   * which it does not count against its limits either, so it does not use up the budget of the
   * calls after it. Nothing happens for a key whose log no longer holds that moment.
   */
  giveBack(keys: readonly LimitedKey[], at: number): void {
    for (const { key } of keys) {
      const times = this.logs.get(key)?.times;
      const index = times?.lastIndexOf(at) ?? -1;
      if (index >= 0) times!.splice(index, 1);
    }
  }

  /** How long until `key` allows one more event at `now`: the `limit`-th newest event in a full window must leave it first. */
  private waitFor({ key, limits }: LimitedKey, now: number): number {
    const times = this.logs.get(key)?.times ?? [];
    let wait = 0;
    for (const { limit, windowMs } of limits) {
      if (times.length < limit) continue;
      const leaving = times[times.length - limit];
      wait = Math.max(wait, leaving + windowMs - now);
    }
    return wait;
  }

  private record({ key, limits }: LimitedKey, now: number): void {
    const longestWindowMs = Math.max(0, ...limits.map((limit) => limit.windowMs));
    const log = this.logs.get(key) ?? { times: [], longestWindowMs };
    log.times.push(now);
    log.longestWindowMs = longestWindowMs;
    const keepAfter = now - longestWindowMs;
    const firstKept = log.times.findIndex((time) => time > keepAfter);
    if (firstKept > 0) log.times.splice(0, firstKept);
    this.logs.set(key, log);
    if (this.logs.size > SWEEP_THRESHOLD) this.sweep(now);
  }

  private sweep(now: number): void {
    for (const [key, log] of this.logs) {
      if (log.times[log.times.length - 1] <= now - log.longestWindowMs) this.logs.delete(key);
    }
  }
}

/** A caller that may not wait that long: how long the wait would have been. */
export class RateLimitWait extends Error {
  constructor(readonly waitMs: number) {
    super('rate limit wait too long');
    this.name = 'RateLimitWait';
  }
}
