import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { localHostOptedIn } from '../bot/composition';
import { answerTabApi } from './answerTabApi';

/**
 * Local mode only: GET /api/tab/dev/people, the people of the directory file for the tab's
 * developer sign-in. Like `devClock`, registered only when the local host asked for local mode
 * without an app id; should it be reached otherwise, the tab API answers 404.
 */
export async function tabDevPeople(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return answerTabApi('GET /api/tab/dev/people', request);
}

if (localHostOptedIn() && !process.env.MicrosoftAppId) {
  app.http('tabDevPeople', { route: 'tab/dev/people', methods: ['GET'], authLevel: 'anonymous', handler: tabDevPeople });
}
