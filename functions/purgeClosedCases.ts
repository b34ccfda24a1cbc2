import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/** Timer: deletes closed cases past their retention (CASE_RETENTION_DAYS after closing), each leaving a purge register entry. */
export async function purgeClosedCases(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  const removed = await application.purgeClosedCases();
  context.log(`purgeClosedCases removed ${removed} case(s)`);
}

app.timer('purgeClosedCases', { schedule: '%CASE_PURGE_SCHEDULE%', handler: purgeClosedCases });
