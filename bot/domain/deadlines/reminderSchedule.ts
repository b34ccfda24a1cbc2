import { DateTime } from 'luxon';
import { ZONE, type WorkingCalendar } from '../workingCalendar';
import { adjacentWorkingDay } from './adjacentWorkingDay';
import { atAmsterdamHour } from './atAmsterdamHour';
import type { CaseClock } from './caseClocks';
import type { DeadlinePolicy, ReminderStage, TrackedClockKind } from './deadlinePolicies';
import { holdForWorkingHours } from './holdForWorkingHours';

/** A reminder stage, or the escalation of a clock that passed its due moment. */
export type ReminderKind = ReminderStage | 'escalation';

/** When a reminder about one clock is due. `n` numbers the escalations: 0 at the due moment, then 1, 2, … */
export interface ReminderMoment {
  stage: ReminderKind;
  n?: number;
  at: string;
}

/** A reminder of a case's clock with its delivery key. */
export interface DueReminder extends ReminderMoment {
  clock: TrackedClockKind;
  key: string;
}

/** From least to most urgent. */
const URGENCY: readonly ReminderKind[] = ['half', 'dayBefore', 'onTheDay', 'escalation'];

/**
 * The deterministic key of a reminder, `${clock}:${stage}:${n ?? 0}`, for exactly-once delivery.
 * After a klacht decision is postponed the clock part carries the number of extensions
 * (`decision+1:dayBefore:0`): the new due date deserves its own reminders, and keys of the old
 * one that were already sent must not swallow them.
 */
export function reminderKey(clock: Pick<CaseClock, 'clock' | 'extensions'>, stage: ReminderKind, n?: number): string {
  const extensions = clock.extensions?.length ?? 0;
  return `${clock.clock}${extensions > 0 ? `+${extensions}` : ''}:${stage}:${n ?? 0}`;
}

function stageMoment(stage: ReminderStage, clock: CaseClock, policy: DeadlinePolicy, calendar: WorkingCalendar): Date {
  const hours = policy.reminders.workingHours;
  const dueAt = Date.parse(clock.dueAt);
  const dueDate = calendar.dateOf(new Date(dueAt));
  // A deadline on a weekend or holiday is, for a handler, a deadline on the working day before.
  const lastWorkingDay = calendar.isWorkingDay(dueDate) ? dueDate : adjacentWorkingDay(dueDate, 'before', calendar);
  switch (stage) {
    case 'half': {
      // After a postponement the new window starts when it was decided.
      const from = Date.parse(clock.extensions?.at(-1)?.at ?? clock.startedAt);
      return holdForWorkingHours(new Date(from + Math.floor((dueAt - from) / 2)), calendar, hours);
    }
    case 'dayBefore':
      return atAmsterdamHour(adjacentWorkingDay(lastWorkingDay, 'before', calendar), hours.start);
    case 'onTheDay':
      return atAmsterdamHour(lastWorkingDay, hours.start);
  }
}

/**
 * When to remind about a running clock (none for a stopped one), sorted:
 * - `half`: halfway the window, held for working hours (not urgent);
 * - `dayBefore`: at the start of working hours one working day before the last working day on
 *   or before the due date (for a due date on a working day, simply the working day before);
 * - `onTheDay`: at the start of working hours on that last working day;
 * - `escalation`: at the due moment (n = 0), then every `escalationRepeatDays` calendar days at
 *   the same Amsterdam time (n = 1 … `maxEscalationRepeats`). Not held: a late case is urgent.
 *
 * A stage that would come at or after a more urgent one is left out: "half the time has passed"
 * after "due tomorrow" tells the handler nothing (short windows, windows started late in the day).
 * Moments before the clock started are kept; {@link dueReminders} fires only the latest of them.
 */
export function reminderMoments(clock: CaseClock, policy: DeadlinePolicy, calendar: WorkingCalendar): ReminderMoment[] {
  if (clock.stoppedAt !== undefined) return [];
  const due = DateTime.fromISO(clock.dueAt, { zone: ZONE });
  const escalations = Array.from({ length: policy.reminders.maxEscalationRepeats + 1 }, (_, n) => escalationMoment(due, n, policy));
  return [...usefulStages(clock, policy, calendar, escalations[0]), ...escalations].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Escalation `n` of a clock due at `due`: `n × escalationRepeatDays` calendar days later, at the same Amsterdam time. */
function escalationMoment(due: DateTime, n: number, policy: DeadlinePolicy): ReminderMoment {
  return { stage: 'escalation', n, at: due.plus({ days: n * policy.reminders.escalationRepeatDays }).toJSDate().toISOString() };
}

/** The stages of a running clock that come before every more urgent one (see {@link reminderMoments}). */
function usefulStages(clock: CaseClock, policy: DeadlinePolicy, calendar: WorkingCalendar, firstEscalation: ReminderMoment): ReminderMoment[] {
  const stages: ReminderMoment[] = policy.reminders.stages.map((stage) => ({ stage, at: stageMoment(stage, clock, policy, calendar).toISOString() }));
  const candidates = [...stages, firstEscalation];
  return stages.filter((moment) =>
    candidates.every((other) => URGENCY.indexOf(other.stage) <= URGENCY.indexOf(moment.stage) || Date.parse(other.at) > Date.parse(moment.at)),
  );
}

function remindersOf(clock: CaseClock, policy: DeadlinePolicy, calendar: WorkingCalendar): DueReminder[] {
  return reminderMoments(clock, policy, calendar).map((moment) => ({ ...moment, clock: clock.clock, key: reminderKey(clock, moment.stage, moment.n) }));
}

/**
 * The earliest moment of one running clock not sent yet: its unsent useful stages and its first
 * unsent escalation (escalations only get later with n, so the ones after it cannot be earlier;
 * they are not computed: each costs a time-zone lookup, and this runs on every case change).
 */
function firstUnsentMoment(clock: CaseClock, sent: ReadonlySet<string>, policy: DeadlinePolicy, calendar: WorkingCalendar): string | undefined {
  if (clock.stoppedAt !== undefined) return undefined;
  const due = DateTime.fromISO(clock.dueAt, { zone: ZONE });
  const firstEscalation = escalationMoment(due, 0, policy);
  const pending = usefulStages(clock, policy, calendar, firstEscalation).filter((moment) => !sent.has(reminderKey(clock, moment.stage)));
  for (let n = 0; n <= policy.reminders.maxEscalationRepeats; n += 1) {
    if (sent.has(reminderKey(clock, 'escalation', n))) continue;
    pending.push(n === 0 ? firstEscalation : escalationMoment(due, n, policy));
    break;
  }
  return earliestOf(pending);
}

function earliestOf(moments: readonly { at: string }[]): string | undefined {
  return moments.reduce<string | undefined>((earliest, moment) => (earliest === undefined || Date.parse(moment.at) < Date.parse(earliest) ? moment.at : earliest), undefined);
}

/**
 * The earliest reminder moment of the case not sent yet (`sent` holds delivery keys, including
 * skipped ones), for the case's indexed `nextDueAt`; undefined when nothing is left to remind.
 */
export function nextDueAt(clocks: readonly CaseClock[], sent: ReadonlySet<string>, policy: DeadlinePolicy, calendar: WorkingCalendar): string | undefined {
  return earliestOf(clocks.flatMap((clock) => {
    const at = firstUnsentMoment(clock, sent, policy, calendar);
    return at === undefined ? [] : [{ at }];
  }));
}

/**
 * The reminders to deliver now. Per clock only the latest moment at or before `now` fires; the
 * earlier unsent ones are returned as `skipped` (store their keys with the sent ones). So a clock
 * that starts with stages already behind it, or a timer that was down for a while, gives the
 * handler one current message instead of a burst of stale ones.
 */
export function dueReminders(
  clocks: readonly CaseClock[],
  sent: ReadonlySet<string>,
  now: Date,
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
): { due: DueReminder[]; skipped: DueReminder[] } {
  const due: DueReminder[] = [];
  const skipped: DueReminder[] = [];
  for (const clock of clocks) {
    const passed = remindersOf(clock, policy, calendar).filter((reminder) => Date.parse(reminder.at) <= now.getTime());
    const latest = passed.at(-1);
    for (const reminder of passed) {
      if (sent.has(reminder.key)) continue;
      (reminder === latest ? due : skipped).push(reminder);
    }
  }
  const byTime = (a: DueReminder, b: DueReminder): number => Date.parse(a.at) - Date.parse(b.at);
  return { due: due.sort(byTime), skipped: skipped.sort(byTime) };
}
