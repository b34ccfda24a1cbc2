import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** GET /api/tab/my-tasks: the open cases assigned to the caller, nearest deadline first (Mijn taken). */
export async function tabMyTasks(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/my-tasks', request);
}

app.http('tabMyTasks', { route: 'tab/my-tasks', methods: ['GET'], authLevel: 'anonymous', handler: tabMyTasks });
