/**
 * A `Retry-After` header value in milliseconds from `nowMs`: either delay-seconds (`"120"`) or an
 * HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"`, which may lie in the past: then 0). Undefined
 * when absent or unreadable, so the caller falls back to its own back-off.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  // RFC 9110 says whole seconds; a fraction is tolerated rather than ignored.
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
