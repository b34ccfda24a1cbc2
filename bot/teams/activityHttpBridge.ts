import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';

/** A transport-neutral HTTP request, as the Functions entry point reads it. */
export interface BridgeRequest {
  method: string;
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
}

export interface BridgeResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Runs one Bot Framework activity through the Agents SDK adapter, which wants express-like
 * request/response objects, and returns what it answered. In production `adapter.authorizeRequest`
 * checks the request first (the SDK's JWT middleware, then, with the `SecuredCloudAdapter`, the
 * tenant and service-URL checks); in local mode (no app id, loopback only) requests are anonymous.
 *
 * A refused request gets its status and no body: nothing of the request is echoed, and nothing of
 * it is logged here (the adapter logs a refusal code).
 */
export async function runActivity(
  adapter: CloudAdapter,
  request: BridgeRequest,
  options: { authenticate: boolean },
  logic: (context: TurnContext) => Promise<void>,
): Promise<BridgeResponse> {
  const response: BridgeResponse = { status: 200, headers: {} };
  let ended = false;
  const res = {
    get headersSent() {
      return ended;
    },
    get writableEnded() {
      return ended;
    },
    status(code: number) {
      response.status = code;
      return res;
    },
    setHeader(name: string, value: string) {
      response.headers[name.toLowerCase()] = String(value);
      return res;
    },
    header(name: string, value: string) {
      return res.setHeader(name, value);
    },
    send(body: unknown) {
      response.body = body;
      return res;
    },
    end() {
      ended = true;
      return res;
    },
  };
  const req: Record<string, unknown> = { method: request.method, headers: request.headers, body: request.body };

  if (options.authenticate) {
    // An adapter without an app id would let a request without a token through as "anonymous".
    if (!adapter.getClientId()) return { status: 401, headers: {} };
    let authorized = false;
    await adapter.authorizeRequest(req as never, res as never, () => {
      authorized = true;
    });
    if (!authorized) return { status: response.status === 200 ? 401 : response.status, headers: {} };
  } else {
    req.user = { name: 'anonymous' };
  }
  await adapter.process(req as never, res as never, logic);
  return response;
}
