import type { Clock } from './ports';

/**
 * Counts failed attempts per key (a user pseudonym) in a sliding window, so the reference +
 * secret form cannot be used to guess secrets. In memory, per process: with several Functions
 * instances each keeps its own count (an attacker gets `limit` tries per instance per window),
 * which still makes guessing a 74-bit secret hopeless; a shared store would make it exact.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** True when the key has used up its attempts for now. */
  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  recordFailure(key: string): void {
    const times = this.recent(key);
    times.push(this.clock.now().getTime());
    this.failures.set(key, times);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }
}
