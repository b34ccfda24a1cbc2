import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/** Timer (daily): open cases of handlers who are no longer in the directory go to the fallback; coordinators are told. */
export async function handOverFromDepartedHandlers(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  context.log(`handOverFromDepartedHandlers moved ${await application.handOverFromDepartedHandlers()} case(s)`);
}

app.timer('handOverFromDepartedHandlers', { schedule: '%HANDOVER_CHECK_SCHEDULE%', handler: handOverFromDepartedHandlers });
