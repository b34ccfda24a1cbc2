import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** GET /api/tab/insights?period=thisQuarter|lastQuarter|thisYear|lastYear: a coordinator's figures for their units (Inzicht). */
export async function tabInsights(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/insights', request);
}

app.http('tabInsights', { route: 'tab/insights', methods: ['GET'], authLevel: 'anonymous', handler: tabInsights });
