import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { Duration } from 'luxon';
import { getApplication, localHostOptedIn } from '../bot/composition';

const MAX_ADVANCE_MS = 366 * 86_400_000;

/**
 * Local mode only: `POST /api/dev/clock` with `{ "advance": "P8D" }` (an ISO 8601 duration) moves
 * the application's clock forward and runs the jobs that are then due, so a demo or an
 * acceptance test can watch a case go late. Outside local mode (which only the local host can
 * switch on, see `ApplicationOverrides.localHostOptIn`) the route is not registered, and
 * the handler answers 404 should it ever be reached.
 */
export async function devClock(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  const application = await getApplication();
  if (application.mode !== 'local' || !application.advanceClock) return { status: 404, jsonBody: { error: 'not_found' } };
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    body = undefined;
  }
  const advance = typeof body === 'object' && body !== null ? (body as { advance?: unknown }).advance : undefined;
  const duration = typeof advance === 'string' && advance.length <= 40 ? Duration.fromISO(advance) : undefined;
  const milliseconds = duration?.isValid ? duration.as('milliseconds') : NaN;
  if (!(milliseconds > 0 && milliseconds <= MAX_ADVANCE_MS)) {
    return { status: 400, jsonBody: { error: 'invalid_duration', message: 'advance must be an ISO 8601 duration from PT1S to P366D, such as "P8D" or "PT2H".' } };
  }
  const now = await application.advanceClock(milliseconds);
  return { status: 200, jsonBody: { now: now.toISOString() } };
}

// Registered only when the local host asked for local mode and there is no app id: on the
// Functions host, and in production, the route does not exist.
if (localHostOptedIn() && !process.env.MicrosoftAppId) {
  app.http('devClock', { route: 'dev/clock', methods: ['POST'], authLevel: 'anonymous', handler: devClock });
}
