import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/my-actions/{actionId}/done: the owner marks an agreed action done, as the action card. */
export async function tabActionDone(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/my-actions/{actionId}/done', request);
}

app.http('tabActionDone', { route: 'tab/my-actions/{actionId}/done', methods: ['POST'], authLevel: 'anonymous', handler: tabActionDone });
