import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getApplication, type Application } from '../bot/composition';
import { unavailableReasonOf } from '../bot/startup/unavailableReason';
import { readBodyWithinLimit } from './readBodyWithinLimit';

const MAX_BODY_BYTES = 256 * 1024;

/**
 * POST /api/messages: the Bot Framework endpoint. A body over 256 KiB gets 413 before it is read
 * whole (Content-Length, then a running count); bodies that are not a JSON activity get 400
 * before they reach the bot; nothing from the body is logged.
 */
export async function messages(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  // Before anything else, and without buffering more than the limit (see readBodyWithinLimit).
  const text = await readBodyWithinLimit(request, MAX_BODY_BYTES);
  if (text === undefined) return { status: 413, jsonBody: { error: 'body_too_large' } };
  let application: Application;
  try {
    application = await getApplication();
  } catch (error) {
    // Not built (its problems were logged at start-up): nothing is accepted, and the reason is a code only.
    return { status: 503, headers: { 'cache-control': 'no-store' }, jsonBody: { error: 'unavailable', reason: unavailableReasonOf(error) } };
  }
  const body = parseActivity(text);
  if (!body) return { status: 400, jsonBody: { error: 'not_an_activity' } };

  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  try {
    const response = await application.handleActivity({ method: request.method, headers, body });
    return { status: response.status, headers: response.headers, ...(response.body === undefined ? {} : { jsonBody: response.body }) };
  } catch (error) {
    // The SDK refuses activities it cannot read (it throws on schema errors): that is bad input, not a fault.
    if (error instanceof Error && (error.name === 'ZodError' || error.name === 'TypeError')) {
      application.logger.warn('activity.rejected', { invocationId: context.invocationId, errorName: error.name });
      return { status: 400, jsonBody: { error: 'not_an_activity' } };
    }
    throw error;
  }
}

function parseActivity(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const activity = value as Record<string, unknown>;
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  // Every answer, an invoke's included, is addressed from the activity's recipient: without one
  // the SDK cannot answer at all (an invoke would get its 501 "no response").
  const ok =
    typeof activity.type === 'string' &&
    typeof activity.serviceUrl === 'string' &&
    typeof activity.channelId === 'string' &&
    typeof conversation === 'object' &&
    conversation !== null &&
    typeof conversation.id === 'string' &&
    typeof activity.recipient === 'object' &&
    activity.recipient !== null;
  return ok ? activity : undefined;
}

app.http('messages', { route: 'messages', methods: ['POST'], authLevel: 'anonymous', handler: messages });
