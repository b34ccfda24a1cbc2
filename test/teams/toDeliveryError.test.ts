import { HttpError } from '@microsoft/agents-hosting';
import { DeliveryError } from '../../bot/app/outbox/messengerPorts';
import { parseRetryAfter } from '../../bot/teams/parseRetryAfter';
import { toDeliveryError } from '../../bot/teams/toDeliveryError';

const NOW = Date.parse('2026-11-30T09:00:00.000Z');

/** An HttpError as the SDK's HttpClient makes it for a non-2xx answer. */
function httpError(status: number, headers: Record<string, string> = {}): HttpError {
  const config = { method: 'post', url: '/v3/conversations/a:1/activities', data: { text: 'card body' } };
  return new HttpError(`Request failed with status ${status}`, { data: {}, status, statusText: '', headers: new Headers(headers), config }, config);
}

describe('parseRetryAfter', () => {
  it.each([
    ['seconds', '3', 3_000],
    ['seconds with spaces', ' 120 ', 120_000],
    ['a fraction', '1.5', 1_500],
    ['an HTTP-date ahead', 'Mon, 30 Nov 2026 09:00:05 GMT', 5_000],
    ['an HTTP-date past', 'Mon, 30 Nov 2026 08:59:00 GMT', 0],
    ['nonsense', 'soon', undefined],
    ['empty', '', undefined],
    ['absent', null, undefined],
  ])('when Retry-After is %s, then it is read as %p ms', (_label, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('toDeliveryError', () => {
  it.each([
    [429, true],
    [412, true],
    [502, true],
    [503, true],
    [504, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [500, false],
  ])('when the connector answers %d, then it is a DeliveryError with that status, retryable: %p', (status, retryable) => {
    const error = toDeliveryError(httpError(status), NOW);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ status, retryable, retryAfterMs: undefined });
  });

  it('when the answer has a Retry-After, then its delay comes along, and the card in the SDK message does not', () => {
    const error = toDeliveryError(httpError(429, { 'Retry-After': '7' }), NOW);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 7_000 });
    expect(error.cause).toBeUndefined();
    expect(error.message).not.toContain('card body');
  });

  it('when the connection fails, then it is retryable without a status', () => {
    expect(toDeliveryError(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }), NOW)).toMatchObject({ status: undefined, retryable: true });
    expect(toDeliveryError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), NOW)).toMatchObject({ retryable: true });
    expect(toDeliveryError(new DOMException('timed out', 'TimeoutError'), NOW)).toMatchObject({ retryable: true });
  });

  it('when anything else fails, then it is not retryable, and a DeliveryError passes through unchanged', () => {
    expect(toDeliveryError(new Error('Invalid conversation reference'), NOW)).toMatchObject({ status: undefined, retryable: false });
    const original = new DeliveryError(503, true, 10);
    expect(toDeliveryError(original, NOW)).toBe(original);
  });
});
