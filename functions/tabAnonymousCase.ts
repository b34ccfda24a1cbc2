import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** POST /api/tab/anonymous-case: an anonymous case opened with reference + secret (the guessing limit applies; one refusal for every mismatch). */
export async function tabAnonymousCase(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('POST /api/tab/anonymous-case', request);
}

app.http('tabAnonymousCase', { route: 'tab/anonymous-case', methods: ['POST'], authLevel: 'anonymous', handler: tabAnonymousCase });
