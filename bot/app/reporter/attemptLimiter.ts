import { ConcurrencyError, ConflictError, NotFoundError } from '../../domain/errors';
import type { AttemptRepository } from './attemptPorts';
import type { Clock } from '../../domain/clock';

/** Re-reads after a concurrent change before recording gives up (at least; see `retries`). */
const MIN_RETRIES = 3;

/**
 * Counts failed attempts per key (a user pseudonym) in a sliding window, so the reference +
 * secret form cannot be used to guess secrets. The count is kept in the store, one record per
 * key replaced with its ETag, so every Functions instance sees and adds to the same count.
 *
 * Fails closed: a store error while checking or recording is thrown, not swallowed, so the
 * request ends in the friendly error card (logged with a correlation id) and nothing is answered
 * when the count cannot be read or a failure cannot be counted. Saying "blocked" instead would
 * tell a reporter they guessed too often during an outage, and hide the outage from the logs.
 */
export class AttemptLimiter {
  constructor(
    private readonly attempts: AttemptRepository,
    private readonly clock: Clock,
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /**
   * Every lost ETag race means another failure was saved after our read. With `limit - 1`
   * retries, a writer that still gives up has seen `limit` failures saved meanwhile, so the user
   * is blocked even though its own failure is not stored (and its request fails).
   */
  private get retries(): number {
    return Math.max(MIN_RETRIES, this.limit - 1);
  }

  /** True when the key has used up its attempts for now. Throws when the store cannot be read. */
  async isBlocked(key: string): Promise<boolean> {
    const stored = await this.attempts.get(key);
    return stored !== undefined && this.recent(stored.value.failures).length >= this.limit;
  }

  /**
   * Adds a failure now. Two instances recording at once both count: the loser of the ETag race
   * reads again and retries (`limit - 1` times, at least 3); after that, or on any store error, it throws.
   */
  async recordFailure(key: string): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.tryRecord(key);
        return;
      } catch (error) {
        const raced = error instanceof ConcurrencyError || error instanceof ConflictError || error instanceof NotFoundError;
        if (!raced || attempt >= this.retries) throw error;
      }
    }
  }

  /** One read-modify-write: ConflictError (created meanwhile), ConcurrencyError (changed) or NotFoundError (purged) when it lost a race. */
  private async tryRecord(key: string): Promise<void> {
    const now = this.clock.now().toISOString();
    const stored = await this.attempts.get(key);
    const failures = [...this.recent(stored?.value.failures ?? []), now].slice(-this.limit);
    await this.attempts.save({ id: key, failures, updatedAt: now }, stored?.etag);
  }

  /** The failures still inside the window, oldest first. */
  private recent(failures: readonly string[]): string[] {
    const since = this.clock.now().getTime() - this.windowMs;
    return failures.filter((time) => Date.parse(time) > since);
  }
}
