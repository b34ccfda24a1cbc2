import { dueReminders } from '../../domain/deadlines/reminderSchedule';
import type { CaseClock } from '../../domain/deadlines/caseClocks';
import { toLocale } from '../../domain/locale';
import { userRecipient } from '../cases/caseParties';
import { enqueueDirect } from '../outbox/enqueueDirect';
import { forEachDue } from '../common/forEachDue';
import type { TeamActionRecord } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';
import { refreshActionDue } from './changeTeamAction';
import { derivedId } from './teamKeys';
import { updateTeamAction } from './updateTeamAction';

/** Reminders and escalations sent for agreed actions in one run. */
export interface ActionReminderRun {
  actions: number;
  reminders: number;
  escalations: number;
}

/**
 * Agreed actions on the cases' deadline engine: the same reminder moments (half-way, the working
 * day before, on the day) go to the owner, and when the due date passes the team's owners are
 * told (then every `escalationRepeatDays`), or the unit's coordinators when the team is gone.
 * Messages are queued under ids derived from (action, reminder key) before the keys are stored,
 * so a crash in between sends nothing twice and loses nothing.
 */
export async function sendDueActionReminders(deps: AgendaDependencies): Promise<ActionReminderRun> {
  const run: ActionReminderRun = { actions: 0, reminders: 0, escalations: 0 };
  await forEachDue(deps, (now, limit) => deps.repos.teamActions.listDueForReminders(now, limit), 'action_reminders.failed', async (action) => {
    const now = deps.clock.now();
    const work = dueReminders(action.clocks as CaseClock[], new Set(action.remindersDone), now, deps.settings.deadlinePolicy, deps.calendar);
    for (const reminder of work.due) {
      if (reminder.stage === 'escalation') {
        await escalate(deps, action, reminder.key, now);
        run.escalations += 1;
      } else {
        await remindOwner(deps, action, reminder.key, now);
        run.reminders += 1;
      }
    }
    await updateTeamAction(deps, action.id, (record, at) => {
      const keys = [...work.due, ...work.skipped].map((item) => item.key);
      record.remindersDone = [...new Set([...record.remindersDone, ...keys])];
      if (work.due.some((item) => item.stage === 'escalation')) record.escalationLevel = (record.escalationLevel ?? 0) + 1;
      record.history.push(...work.due.map((item) => ({ at: at.toISOString(), actor: 'system', type: item.stage === 'escalation' ? 'escalated' : 'reminder_sent' })));
      refreshActionDue(deps, record);
      return { record, result: undefined };
    });
    run.actions += 1;
  });
  if (run.actions > 0) deps.logger.info('action_reminders.run', { ...run });
  return run;
}

function ownerOf(deps: AgendaDependencies, record: TeamActionRecord): { userId: string; name: string } {
  return deps.cipher.open<{ userId: string; name: string }>('identity', record.sealedOwner, `${record.id}:owner`);
}

async function remindOwner(deps: AgendaDependencies, record: TeamActionRecord, key: string, now: Date): Promise<void> {
  const owner = ownerOf(deps, record);
  const locale = toLocale((await deps.directory.getPerson(owner.userId))?.locale);
  await enqueueDirect(deps, derivedId('actionTask', record.id, key), userRecipient(deps, owner.userId), { type: 'actionTask', actionId: record.id, news: 'reminder', locale }, now);
}

async function escalate(deps: AgendaDependencies, record: TeamActionRecord, key: string, now: Date): Promise<void> {
  const team = (await deps.repos.teams.get(record.teamKey))?.value;
  const owners = team ? await deps.directory.teamOwners({ teamId: team.teamId, aadGroupId: team.aadGroupId }) : [];
  const contacts = owners.length > 0 ? owners : (await deps.directory.holdersOfRole('coordinator', record.unitId)).people;
  if (contacts.length === 0) deps.logger.error('action_escalation.no_contact', {});
  for (const contact of contacts) {
    const locale = toLocale((await deps.directory.getPerson(contact))?.locale);
    await enqueueDirect(deps, derivedId('actionLate', record.id, key, contact), userRecipient(deps, contact), { type: 'actionLate', actionId: record.id, locale }, now);
  }
}
