import { stopClock, type CaseClock } from '../../domain/deadlines/caseClocks';
import { nextDueAt } from '../../domain/deadlines/reminderSchedule';
import { ForbiddenError } from '../../domain/errors';
import type { TeamActionRecord } from './agendaPorts';
import { actionDueMoment, readActionDueDate } from './actionDueDate';
import type { AgendaDependencies } from './agendaDependencies';
import { updateTeamAction } from './updateTeamAction';

/** What an action's owner may do, and the action afterwards. */
export type ActionChange = { kind: 'done' } | { kind: 'newDate'; /** As typed; checked here: a real date (YYYY-MM-DD), today or later. */ date: string };

function refreshActionDue(deps: AgendaDependencies, record: TeamActionRecord): void {
  const next = record.isOpen ? nextDueAt(record.clocks as CaseClock[], new Set(record.remindersDone), deps.settings.deadlinePolicy, deps.calendar) : undefined;
  if (next === undefined) delete record.nextDueAt;
  else record.nextDueAt = next;
}

/**
 * The owner marks the action done, or gives it a new due date (the reminders start again for the
 * new date; an overdue action that gets a new date stops escalating). Only the owner may
 * (ForbiddenError, nothing changed); a done action stays done.
 */
export async function changeTeamAction(deps: AgendaDependencies, actionId: string, userId: string, change: ActionChange): Promise<TeamActionRecord> {
  const userKey = deps.pseudonyms.pseudonym('user', userId);
  const { record } = await updateTeamAction(deps, actionId, (record, now) => {
    if (record.ownerKey !== userKey) throw new ForbiddenError('not the owner of this action');
    if (record.state === 'done') return { record, result: undefined };
    if (change.kind === 'done') {
      record.state = 'done';
      record.isOpen = false;
      record.doneAt = now.toISOString();
      record.clocks = stopClock(record.clocks as CaseClock[], 'action', now);
      record.history.push({ at: now.toISOString(), actor: userKey, type: 'done' });
    } else {
      const dueAt = actionDueMoment(deps, readActionDueDate(change.date, now, 'newDate')).toISOString();
      record.clocks = record.clocks.map((clock) =>
        clock.clock === 'action' && !clock.stoppedAt
          ? { ...clock, dueAt, extensions: [...(clock.extensions ?? []), { days: Math.round((Date.parse(dueAt) - Date.parse(clock.dueAt)) / 86_400_000), reason: 'new date', at: now.toISOString() }] }
          : clock,
      );
      record.dueAt = dueAt;
      record.escalationLevel = 0;
      record.history.push({ at: now.toISOString(), actor: userKey, type: 'new_date' });
    }
    refreshActionDue(deps, record);
    return { record, result: undefined };
  });
  return record;
}

export { refreshActionDue };
