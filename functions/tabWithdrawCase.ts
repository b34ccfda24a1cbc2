import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/my-reports/{caseId}/withdraw: the reporter withdraws their case, with the withdraw dialog's confirmation. */
export async function tabWithdrawCase(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/my-reports/{caseId}/withdraw', request);
}

app.http('tabWithdrawCase', { route: 'tab/my-reports/{caseId}/withdraw', methods: ['POST'], authLevel: 'anonymous', handler: tabWithdrawCase });
