import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/my-reports/{caseId}/feedback: the reporter answers the two closing questions of a closed case, as the feedback card. */
export async function tabGiveFeedback(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/my-reports/{caseId}/feedback', request);
}

app.http('tabGiveFeedback', { route: 'tab/my-reports/{caseId}/feedback', methods: ['POST'], authLevel: 'anonymous', handler: tabGiveFeedback });
