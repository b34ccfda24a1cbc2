import type { HttpRequest } from '@azure/functions';

/**
 * Reads a request body as UTF-8 text, refusing more than `limitBytes` without holding more than
 * that in memory: first by the declared `Content-Length`, then by counting the bytes as they
 * stream in (a chunked upload declares none), cancelling the stream as soon as the limit is
 * passed. Returns undefined when the body is too large.
 */
export async function readBodyWithinLimit(request: Pick<HttpRequest, 'headers' | 'body'>, limitBytes: number): Promise<string | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > limitBytes)) return undefined;
  if (!request.body) return '';

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks, size));
}
