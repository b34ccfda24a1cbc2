import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/** Timer: reminders to handlers before their deadlines, escalation when a deadline has passed. */
export async function sendDueReminders(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  const run = await application.sendDueReminders();
  context.log(`sendDueReminders: ${run.cases} case(s), ${run.reminders} reminder(s), ${run.escalations} escalation(s); ${run.actions.actions} action(s), ${run.actions.reminders} reminder(s), ${run.actions.escalations} escalation(s)`);
}

app.timer('sendDueReminders', { schedule: '%REMINDER_SCHEDULE%', handler: sendDueReminders });
