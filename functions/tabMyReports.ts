import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** GET /api/tab/my-reports: the caller's own named and confidential cases, with timeline and messages (Mijn meldingen). */
export async function tabMyReports(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/my-reports', request);
}

app.http('tabMyReports', { route: 'tab/my-reports', methods: ['GET'], authLevel: 'anonymous', handler: tabMyReports });
