import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { getApplication, type Application } from '../bot/composition';
import { unavailableReasonOf } from '../bot/startup/unavailableReason';
import type { TabApiRoute } from '../bot/teams/tab/tabApi';

/** Headers of every tab API answer: never cached (report content), never sniffed. */
/** The largest JSON body a tab form sends (a 4,000-character message, escaped, fits many times). */
const MAX_BODY_CHARS = 64_000;

const API_HEADERS = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' };

/**
 * The tab API's entry points (`tabMe`, `tabMyReports`, …) all answer through here: the request's
 * `Authorization` header and route parameters go to the tab API (bot/teams/tab/tabApi.ts), its
 * JSON comes back with `Cache-Control: no-store`. Nothing of the request is logged.
 */
export async function answerTabApi(route: TabApiRoute, request: HttpRequest): Promise<HttpResponseInit> {
  let application: Application;
  try {
    application = await getApplication();
  } catch (error) {
    return { status: 503, headers: API_HEADERS, jsonBody: { error: 'unavailable', reason: unavailableReasonOf(error) } };
  }
  const text = request.method === 'POST' ? await request.text() : '';
  if (text.length > MAX_BODY_CHARS) return { status: 413, headers: API_HEADERS, jsonBody: { error: 'too_large' } };
  const { status, body, file } = await application.tab.handle(route, {
    authorization: request.headers.get('authorization') ?? undefined,
    params: request.params,
    query: { period: request.query.get('period') ?? undefined },
    body: parseJson(text),
  });
  if (file) {
    const headers = { ...API_HEADERS, 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.name}"` };
    return { status, headers, body: file.text };
  }
  return { status, headers: status === 401 ? { ...API_HEADERS, 'www-authenticate': 'Bearer' } : API_HEADERS, jsonBody: body };
}

/** The body as JSON, or undefined when it is empty or not JSON (the route's form schema then says what is wrong). */
function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
