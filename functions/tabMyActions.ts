import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** GET /api/tab/my-actions: the agreed meeting actions the caller owns. */
export async function tabMyActions(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/my-actions', request);
}

app.http('tabMyActions', { route: 'tab/my-actions', methods: ['GET'], authLevel: 'anonymous', handler: tabMyActions });
