import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/anonymous-case/reply: with reference + secret, the answer to the handler's question or added information (as the status dialog). */
export async function tabAnonymousCaseReply(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/anonymous-case/reply', request);
}

app.http('tabAnonymousCaseReply', { route: 'tab/anonymous-case/reply', methods: ['POST'], authLevel: 'anonymous', handler: tabAnonymousCaseReply });
