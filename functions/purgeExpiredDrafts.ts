import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/** Timer: deletes drafts past their expiry (DRAFT_TTL_DAYS after their last change). */
export async function purgeExpiredDrafts(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  const removed = await application.purgeExpiredDrafts();
  context.log(`purgeExpiredDrafts removed ${removed} draft(s)`);
}

app.timer('purgeExpiredDrafts', { schedule: '%DRAFT_PURGE_SCHEDULE%', handler: purgeExpiredDrafts });
