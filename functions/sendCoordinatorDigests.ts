import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/** Timer (weekly): each coordinator gets open, due-this-week and overdue counts per unit; no content. */
export async function sendCoordinatorDigests(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  context.log(`sendCoordinatorDigests queued ${await application.sendCoordinatorDigests()} digest(s)`);
}

app.timer('sendCoordinatorDigests', { schedule: '%DIGEST_SCHEDULE%', handler: sendCoordinatorDigests });
