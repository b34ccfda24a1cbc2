import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/my-tasks/{caseId}/acknowledge: the handler confirms receipt, as with the task card's button. */
export async function tabAcknowledgeCase(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/my-tasks/{caseId}/acknowledge', request);
}

app.http('tabAcknowledgeCase', { route: 'tab/my-tasks/{caseId}/acknowledge', methods: ['POST'], authLevel: 'anonymous', handler: tabAcknowledgeCase });
