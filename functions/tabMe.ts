import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** GET /api/tab/me: who the tab's caller is signed in as (name, and how: Entra or the local developer sign-in). */
export async function tabMe(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/me', request);
}

app.http('tabMe', { route: 'tab/me', methods: ['GET'], authLevel: 'anonymous', handler: tabMe });
