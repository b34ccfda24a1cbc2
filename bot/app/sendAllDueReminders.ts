import type { AgendaDependencies } from './agenda/agendaDependencies';
import { sendDueActionReminders, type ActionReminderRun } from './agenda/sendDueActionReminders';
import { sendDueReminders, type ReminderRun } from './sendDueReminders';

/** The reminder timer's work: cases' deadlines, then agreed actions' (one deadline engine). */
export async function sendAllDueReminders(deps: AgendaDependencies): Promise<ReminderRun & { actions: ActionReminderRun }> {
  return { ...(await sendDueReminders(deps)), actions: await sendDueActionReminders(deps) };
}
