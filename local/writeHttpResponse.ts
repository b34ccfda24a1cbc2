import type { ServerResponse } from 'node:http';
import type { RpcHttpData, RpcInvocationResponse, RpcTypedData } from './functionsCoreTypes';
import { toSetCookieHeader } from './toSetCookieHeader';

/** Writes a small JSON body with the given status (the host's own answers: 404, 405, 413, 500). */
export function writeJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(payload.length),
  });
  response.end(payload);
}

/**
 * Finds the HTTP result of an invocation: the `$return` value, or else an `http` output binding.
 * The library has already turned the handler's `HttpResponseInit`/`HttpResponse` into this form.
 */
export function findHttpResult(invocation: RpcInvocationResponse): RpcHttpData | undefined {
  if (invocation.returnValue?.http) return invocation.returnValue.http;
  return invocation.outputData?.find((output) => output.data?.http)?.data?.http ?? undefined;
}

function bodyBytes(body: RpcTypedData | null | undefined): Buffer {
  if (!body) return Buffer.alloc(0);
  if (body.bytes) return Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength);
  if (typeof body.string === 'string') return Buffer.from(body.string);
  if (typeof body.json === 'string') return Buffer.from(body.json);
  return Buffer.alloc(0);
}

/**
 * Writes an HTTP function's result to the client. A handler that returned nothing gets
 * 204 No Content, the Functions host's default since 2.x.
 */
export function writeHttpResponse(response: ServerResponse, http: RpcHttpData | undefined): void {
  if (!http) {
    response.writeHead(204);
    response.end();
    return;
  }
  const status = Number(http.statusCode ?? 200);
  const body = bodyBytes(http.body);
  const headers: Record<string, string | string[]> = { ...(http.headers ?? {}) };
  // The body is already fully buffered: its real length replaces any framing the handler set.
  delete headers['transfer-encoding'];
  headers['content-length'] = String(body.length);
  if (http.cookies && http.cookies.length > 0) {
    const existing = headers['set-cookie'];
    headers['set-cookie'] = [...(existing ? [existing].flat() : []), ...http.cookies.map(toSetCookieHeader)];
  }
  response.writeHead(status, headers);
  response.end(body);
}
