import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CompiledRoute } from './compileRoute';
import { errorName } from './errorName';
import type { RpcHttpData, RpcInvocationResponse } from './functionsCoreTypes';
import { PayloadTooLargeError, readRequestBody } from './readRequestBody';
import { findHttpResult, writeHttpResponse, writeJson } from './writeHttpResponse';

/** An HTTP-triggered function as the dispatcher sees it. */
export interface HttpRoute {
  name: string;
  route: CompiledRoute;
  /** Upper case. */
  methods: readonly string[];
  /** Runs the function with the request in RPC form. */
  invoke(request: RpcHttpData, invocationId: string): Promise<RpcInvocationResponse>;
}

/** What {@link handleHttpRequest} needs from the host. */
export interface HttpDispatch {
  routes: readonly HttpRoute[];
  /** The host's own address, for the request URL a handler sees. */
  baseUrl: string;
  maxBodyBytes: number;
  logError(line: string): void;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Serves one request the way the Functions host front end does: route under `/api/`, then method
 * (404 and 405 answered here), then a body of at most `maxBodyBytes` (413), then the function.
 * A function that throws becomes a 500 with a correlation id, which is also the invocation id in
 * the log lines the function wrote.
 */
export async function handleHttpRequest(request: IncomingMessage, response: ServerResponse, dispatch: HttpDispatch): Promise<void> {
  const url = new URL(request.url ?? '/', dispatch.baseUrl);
  const method = (request.method ?? 'GET').toUpperCase();
  const matches = dispatch.routes.flatMap((route) => {
    const params = route.route.match(url.pathname);
    return params ? [{ route, params }] : [];
  });
  if (matches.length === 0) {
    writeJson(response, 404, { error: 'not_found' });
    return;
  }
  const match = matches.find(({ route }) => route.methods.includes(method));
  if (!match) {
    const allowed = [...new Set(matches.flatMap(({ route }) => route.methods))].join(', ');
    writeJson(response, 405, { error: 'method_not_allowed' }, { allow: allowed });
    return;
  }

  let body: Buffer;
  try {
    body = await readRequestBody(request, dispatch.maxBodyBytes);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) writeJson(response, 413, { error: 'payload_too_large' });
    else response.destroy();
    return;
  }

  const invocationId = randomUUID();
  try {
    const result = await match.route.invoke(
      {
        method,
        url: url.toString(),
        headers: headersOf(request),
        params: match.params,
        body: body.length > 0 ? { bytes: body } : undefined,
      },
      invocationId,
    );
    writeHttpResponse(response, findHttpResult(result));
  } catch (error) {
    // Only the error's name: its message, its stack and the request body may hold report content.
    dispatch.logError(`[${match.route.name}] invocation failed; correlationId ${invocationId}; ${errorName(error)}`);
    if (response.headersSent) response.destroy();
    else writeJson(response, 500, { error: 'internal', correlationId: invocationId });
  }
}
