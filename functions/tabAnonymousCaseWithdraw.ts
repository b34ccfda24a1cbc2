import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/anonymous-case/withdraw: an anonymous case withdrawn with reference + secret. */
export async function tabAnonymousCaseWithdraw(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/anonymous-case/withdraw', request);
}

app.http('tabAnonymousCaseWithdraw', { route: 'tab/anonymous-case/withdraw', methods: ['POST'], authLevel: 'anonymous', handler: tabAnonymousCaseWithdraw });
