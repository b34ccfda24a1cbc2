import { HttpError } from '@microsoft/agents-hosting';
import { DeliveryError } from '../app/outbox/messengerPorts';
import { parseRetryAfter } from './parseRetryAfter';

/** Statuses that Teams and the Bot Connector use for "try again later" (throttling, a busy or restarting service, a 412 on a concurrent write). */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/** Node error codes of a connection that failed or broke: the request may be tried again. */
const NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Turns whatever the Agents SDK threw into a DeliveryError.
 *
 * The SDK's connector client calls the Bot Connector with `fetch`; an answer outside 2xx becomes
 * its `HttpError` with `status` and `response.headers` (a fetch `Headers`), re-thrown unchanged
 * by `ConnectorClient.executeRequest`. A connection that fails is `fetch`'s own `TypeError`
 * ("fetch failed", the system error in `cause`). Anything else (an invalid reference, a refused
 * outbound host) will fail the same way again.
 *
 * The original error is deliberately not kept as `cause`: the SDK writes the request body (the
 * card) into an HttpError's message, and errors end up in logs.
 */
export function toDeliveryError(error: unknown, nowMs: number): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof HttpError) {
    const retryAfterMs = parseRetryAfter(error.response?.headers?.get('retry-after'), nowMs);
    return new DeliveryError(error.status, RETRYABLE_STATUSES.has(error.status), retryAfterMs);
  }
  return new DeliveryError(undefined, isNetworkError(error));
}

/**
 * Checked by name and code rather than `instanceof`: fetch's errors come from Node's own realm,
 * which is not the realm of the caller's `TypeError` in every host (jest's sandbox, for one).
 */
function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message, code, cause } = error as { name?: unknown; message?: unknown; code?: unknown; cause?: { code?: unknown } };
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  if (name === 'TypeError' && message === 'fetch failed') return true;
  const systemCode = code ?? cause?.code;
  return typeof systemCode === 'string' && (NETWORK_CODES.has(systemCode) || systemCode.startsWith('UND_ERR_'));
}
