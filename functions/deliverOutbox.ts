import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/**
 * Timer: sends the proactive messages that are due (task cards, notices to reporters), with
 * retries and Teams' rate limits; safe to overlap and to re-run after a crash.
 */
export async function deliverOutbox(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  const report = await application.deliverOutbox();
  context.log(`deliverOutbox sent ${report.sent}, retried ${report.retried}, failed ${report.failed.length}, uncertain ${report.uncertain}`);
}

app.timer('deliverOutbox', { schedule: '%OUTBOX_SCHEDULE%', handler: deliverOutbox });
