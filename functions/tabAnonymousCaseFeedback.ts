import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/anonymous-case/feedback: the closing questions of an anonymous case, with reference + secret. */
export async function tabAnonymousCaseFeedback(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/anonymous-case/feedback', request);
}

app.http('tabAnonymousCaseFeedback', { route: 'tab/anonymous-case/feedback', methods: ['POST'], authLevel: 'anonymous', handler: tabAnonymousCaseFeedback });
