import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** GET /api/tab/insights/csv?period=…: a coordinator's figures as the insights dialog's CSV, as a download (for the annual report). */
export async function tabInsightsCsv(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/insights/csv', request);
}

app.http('tabInsightsCsv', { route: 'tab/insights/csv', methods: ['GET'], authLevel: 'anonymous', handler: tabInsightsCsv });
