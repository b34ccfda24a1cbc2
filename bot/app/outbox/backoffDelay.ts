/** First retry waits up to this long. */
export const BACKOFF_BASE_MS = 500;
/** No single back-off waits longer than this (a `Retry-After` from the service may ask for more). */
export const BACKOFF_CAP_MS = 30_000;

/**
 * Exponential back-off with full jitter: a random wait between 0 and `min(cap, base · 2^(retry−1))`.
 * Full jitter (rather than a fixed exponential step) spreads the retries of many senders that
 * failed together, so they do not hit the throttled service again in lockstep.
 *
 * @param retry 1 for the first retry, 2 for the second, …
 * @param random a number in [0, 1), injected so tests are deterministic.
 */
export function backoffDelay(retry: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
