import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/my-tasks/{caseId}/open: the assigned handler reads the case, as with the task card's "open" (the reading is recorded). */
export async function tabOpenTaskCase(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/my-tasks/{caseId}/open', request);
}

app.http('tabOpenTaskCase', { route: 'tab/my-tasks/{caseId}/open', methods: ['POST'], authLevel: 'anonymous', handler: tabOpenTaskCase });
