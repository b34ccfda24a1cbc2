import type { AgendaDependencies } from '../agenda/agendaDependencies';
import { sendDueCheckIns } from '../aftercare/sendDueCheckIns';
import { sendDueActionReminders, type ActionReminderRun } from '../agenda/sendDueActionReminders';
import { sendDueReminders, type ReminderRun } from './sendDueReminders';

/**
 * The reminder timer's work: cases' deadlines, then agreed actions' (one deadline engine), then
 * the aftercare check-ins of closed cases (same timer, REMINDER_SCHEDULE).
 */
export async function sendAllDueReminders(deps: AgendaDependencies): Promise<ReminderRun & { actions: ActionReminderRun; checkIns: number }> {
  return { ...(await sendDueReminders(deps)), actions: await sendDueActionReminders(deps), checkIns: await sendDueCheckIns(deps) };
}
