import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { answerTabApi } from './answerTabApi';

/** GET /api/tab/team-agenda: the teams the caller owns or coordinates, with schedule, postings and open actions (Team agenda). */
export async function tabTeamAgenda(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/team-agenda', request);
}

app.http('tabTeamAgenda', { route: 'tab/team-agenda', methods: ['GET'], authLevel: 'anonymous', handler: tabTeamAgenda });
