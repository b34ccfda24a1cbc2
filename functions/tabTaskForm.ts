import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/**
 * /api/tab/my-tasks/{caseId}/forms/{form}: a handler form of the task card (update, question,
 * reassign, close, extend, identity). GET reads what the form shows besides what is typed; POST sends it.
 */
export async function tabTaskForm(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi(request.method === 'POST' ? 'POST /api/tab/my-tasks/{caseId}/forms/{form}' : 'GET /api/tab/my-tasks/{caseId}/forms/{form}', request);
}

app.http('tabTaskForm', { route: 'tab/my-tasks/{caseId}/forms/{form}', methods: ['GET', 'POST'], authLevel: 'anonymous', handler: tabTaskForm });
