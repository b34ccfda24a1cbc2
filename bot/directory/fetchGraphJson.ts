import { DirectoryUnavailableError } from '../domain/directoryUnavailableError';

/** How to reach Microsoft Graph and how to wait between attempts. */
export interface GraphRequestOptions {
  /** e.g. `https://graph.microsoft.com`, without a trailing slash. */
  baseUrl: string;
  /** A bearer token for Graph; asked for on every attempt, so a refreshed token is picked up. */
  getToken: () => Promise<string>;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Current time in milliseconds, for Retry-After given as a date. */
  now: () => number;
  /** A number in [0, 1) for jitter. */
  random: () => number;
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Per attempt. */
  timeoutMs: number;
}

/** Throttling and gateway errors, which Graph asks clients to retry. */
const RETRYABLE = new Set([429, 503, 504]);
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A bot turn cannot wait longer than this; when Graph asks for more, retrying early would only prolong the throttling. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * GETs a Graph resource as JSON, retrying throttling (429) and unavailability (503, 504) and
 * network failures: it waits at least the `Retry-After` Graph sends, and otherwise a capped
 * exponential backoff with jitter, so that many instances do not retry in step.
 *
 * @param path starting with `/v1.0/`
 * @param what the kind of lookup, for error messages; never an id, since ids identify people
 * @returns the parsed body, or undefined on 404
 * @throws DirectoryUnavailableError on any other failure
 */
export async function fetchGraphJson(options: GraphRequestOptions, path: string, what: string): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    let token: string;
    try {
      token = await options.getToken();
    } catch (error) {
      throw new DirectoryUnavailableError(`Graph ${what}: could not get a token`, { cause: error });
    }
    let response: Response;
    try {
      // Called unbound: some fetch implementations refuse a foreign `this`.
      const request = options.fetch;
      response = await request(`${options.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      if (attempt >= options.maxAttempts) throw new DirectoryUnavailableError(`Graph ${what}: request failed`, { cause: error });
      await options.sleep(backoffMs(attempt, options.random));
      continue;
    }
    if (response.ok) {
      try {
        return await response.json();
      } catch (error) {
        throw new DirectoryUnavailableError(`Graph ${what}: the response is not JSON`, { cause: error });
      }
    }
    // Release the connection: an unread body keeps the socket busy.
    await response.body?.cancel();
    if (response.status === 404) return undefined;
    if (!RETRYABLE.has(response.status) || attempt >= options.maxAttempts) {
      throw new DirectoryUnavailableError(`Graph ${what}: HTTP ${response.status} after ${attempt} attempt(s)`);
    }
    const retryAfter = retryAfterMs(response.headers.get('retry-after'), options.now);
    if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
      throw new DirectoryUnavailableError(`Graph ${what}: HTTP ${response.status}, asked to wait ${Math.ceil(retryAfter / 1000)} s`);
    }
    await options.sleep(Math.max(retryAfter ?? 0, backoffMs(attempt, options.random)));
  }
}

/** Half the capped exponential delay plus a random part of the other half ("equal jitter"), so a retry never comes instantly. */
function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** `Retry-After` is seconds, or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(header: string | null, now: () => number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
