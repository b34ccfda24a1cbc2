import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { CloudAdapter } from '@microsoft/agents-hosting';
import { runActivity } from '../../bot/teams/activityHttpBridge';
import { FloorBot } from './floorBot';

/**
 * The floor's function app: the same Functions v4 handler shape as `functions/messages.ts` and
 * `functions/health.ts` (read the body, parse, hand the activity to the Agents SDK
 * `CloudAdapter` through the same bridge), registered with `app.http` and served by the same
 * local host. Unauthenticated, as the product's local mode.
 */
const adapter = new CloudAdapter({});
const bot = new FloorBot();

export async function floorMessages(request: HttpRequest): Promise<HttpResponseInit> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return { status: 400, jsonBody: { error: 'not_an_activity' } };
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const response = await runActivity(adapter, { method: request.method, headers, body }, { authenticate: false }, (context) => bot.run(context));
  return { status: response.status, headers: response.headers, ...(response.body === undefined ? {} : { jsonBody: response.body }) };
}

export async function floorHealth(): Promise<HttpResponseInit> {
  return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: { status: 'ok', mode: 'floor' } };
}

app.http('floorMessages', { route: 'messages', methods: ['POST'], authLevel: 'anonymous', handler: floorMessages });
app.http('floorHealth', { route: 'health', methods: ['GET'], authLevel: 'anonymous', handler: floorHealth });
