import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/my-actions/{actionId}/new-date: the owner gives an agreed action a new due date, as the action card. */
export async function tabActionNewDate(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/my-actions/{actionId}/new-date', request);
}

app.http('tabActionNewDate', { route: 'tab/my-actions/{actionId}/new-date', methods: ['POST'], authLevel: 'anonymous', handler: tabActionNewDate });
