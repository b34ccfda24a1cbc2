import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/my-reports/{caseId}/reply: the reporter answers the handler's question, or adds information, as in the case dialog. */
export async function tabReplyToCase(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/my-reports/{caseId}/reply', request);
}

app.http('tabReplyToCase', { route: 'tab/my-reports/{caseId}/reply', methods: ['POST'], authLevel: 'anonymous', handler: tabReplyToCase });
