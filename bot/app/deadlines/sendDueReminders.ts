import { dueReminders, type DueReminder } from '../../domain/deadlines/reminderSchedule';
import type { CaseClock } from '../../domain/deadlines/caseClocks';
import { toLocale } from '../../domain/locale';
import { refreshNextDueAt } from './caseClockUpdates';
import { handlerLocale, openHandler, userRecipient } from '../cases/caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import { escalationContacts } from './escalationContacts';
import { forEachDue } from '../common/forEachDue';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from '../cases/notifyReporter';
import type { CaseRecord } from '../cases/casePorts';
import { updateCase } from '../cases/updateCase';

export interface ReminderRun {
  cases: number;
  reminders: number;
  escalations: number;
}

/**
 * The reminder timer: finds the cases whose next reminder moment has passed (one indexed range
 * query on `nextDueAt`: the cost follows the number due, not the number open), and for each
 * due moment queues a reminder to the handler, or — once a deadline has passed — escalates:
 * a notice to the escalation contact, the history entry, and (the first time) a notice to the
 * reporter that the case is late and now watched. The keys of what was done are written in the
 * same case write as the messages, so each (case, clock, stage) goes out exactly once, also
 * when runs overlap or crash.
 */
export async function sendDueReminders(deps: CaseDependencies): Promise<ReminderRun> {
  const run: ReminderRun = { cases: 0, reminders: 0, escalations: 0 };
  await forEachDue(deps, (now, limit) => deps.repos.cases.listDueForReminders(now, limit), 'reminders.case_failed', async (due) => {
    await updateCase(deps, due.id, async (record, now) => {
      const work = dueReminders((record.clocks ?? []) as CaseClock[], new Set(record.remindersDone ?? []), now, deps.settings.deadlinePolicy, deps.calendar);
      for (const reminder of work.due) {
        if (reminder.stage === 'escalation') {
          await escalate(deps, record, reminder, now);
          run.escalations += 1;
        } else {
          await remindHandler(deps, record, reminder, now);
          run.reminders += 1;
        }
      }
      record.remindersDone = [...(record.remindersDone ?? []), ...work.due.map((item) => item.key), ...work.skipped.map((item) => item.key)];
      refreshNextDueAt(deps, record);
      return { record, result: undefined };
    });
    run.cases += 1;
  });
  if (run.cases > 0) deps.logger.info('reminders.run', { cases: run.cases, reminders: run.reminders, escalations: run.escalations });
  return run;
}

async function remindHandler(deps: CaseDependencies, record: CaseRecord, reminder: DueReminder, now: Date): Promise<void> {
  const handler = openHandler(deps, record);
  if (!handler) return;
  record.history.push({ at: now.toISOString(), actor: 'system', type: 'reminder_sent', detail: { clock: reminder.clock, stage: reminder.stage } });
  enqueueNotification(deps, record, userRecipient(deps, handler.userId), { type: 'handlerTask', caseId: record.id, news: 'reminder', locale: await handlerLocale(deps, handler.userId) }, now);
}

async function escalate(deps: CaseDependencies, record: CaseRecord, reminder: DueReminder, now: Date): Promise<void> {
  const level = (reminder.n ?? 0) + 1;
  const contacts = await escalationContacts(deps, record, level);
  record.history.push({ at: now.toISOString(), actor: 'system', type: 'escalated', detail: { clock: reminder.clock, level: String(level), contacts: String(contacts.length) } });
  for (const contact of contacts) {
    const locale = toLocale((await deps.directory.getPerson(contact))?.locale);
    enqueueNotification(deps, record, userRecipient(deps, contact), { type: 'escalation', caseId: record.id, clock: reminder.clock, level, locale }, now);
  }
  if ((record.escalationLevel ?? 0) === 0) notifyReporter(deps, record, 'late', now);
  record.escalationLevel = Math.max(record.escalationLevel ?? 0, level);
  if (contacts.length === 0) deps.logger.error('escalation.no_contact', { level });
}
