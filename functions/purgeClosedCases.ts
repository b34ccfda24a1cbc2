import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/**
 * Timer: the daily retention run — closed cases past CASE_RETENTION_DAYS (each leaving a purge register entry and an
 * audit entry), audit entries past AUDIT_RETENTION_DAYS, finished outbox items and unchanged chat addresses.
 */
export async function purgeClosedCases(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  const removed = await application.purgeClosedCases();
  context.log(`purgeClosedCases removed ${removed} case(s)`);
}

app.timer('purgeClosedCases', { schedule: '%CASE_PURGE_SCHEDULE%', handler: purgeClosedCases });
