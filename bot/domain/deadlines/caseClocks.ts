import type { WorkingCalendar } from '../workingCalendar';
import { clockRulesFor, type ClockRoute, type TrackedClockKind, type ClockRule, type DeadlinePolicy } from './deadlinePolicies';
import { dueAfter } from './dueAfter';

/** A postponement of a klacht decision (Awb 9:11(2)/(3)), as recorded on its clock. */
export interface Extension {
  days: number;
  reason: string;
  /** When the handler decided it (ISO, UTC). */
  at: string;
  /** The complainant agreed in writing (needed beyond the first extension, Awb 9:11(3)). */
  consented?: boolean;
}

/**
 * One deadline of a case. All instants are ISO strings in UTC. A clock is running until it has
 * `stoppedAt`; it was met when `stoppedAt <= dueAt`. A clock whose `startedAt` lies in the future
 * is provisional: see {@link openClocks}.
 */
export interface CaseClock {
  clock: TrackedClockKind;
  startedAt: string;
  dueAt: string;
  stoppedAt?: string;
  extensions?: Extension[];
}

/** What happened to a case, as far as its clocks care. */
export type ClockEvent = 'acknowledged' | 'update_sent' | 'question_asked' | 'closed' | 'withdrawn' | 'reassigned';

/** Everything {@link onCaseEvent} needs besides the clocks. */
export interface ClockContext {
  policy: DeadlinePolicy;
  calendar: WorkingCalendar;
  route: ClockRoute;
}

function startClock(rule: ClockRule, at: Date, calendar: WorkingCalendar): CaseClock {
  return { clock: rule.clock, startedAt: at.toISOString(), dueAt: dueAfter(at, rule, calendar).toISOString() };
}

/**
 * The clocks of a newly received case: those that start at receipt, and those that start at the
 * acknowledgement provisionally started at the end of the acknowledgement period. EU Directive
 * 2019/1937 art. 9(1)(f) counts the feedback term from the acknowledgement "or, if no
 * acknowledgement was sent …, three months from the expiry of the seven-day period": so the
 * feedback clock exists from receipt (and reminds and escalates even if nobody ever acknowledges),
 * and {@link onAcknowledged} moves it to an earlier acknowledgement.
 */
export function openClocks(input: ClockRoute & { receivedAt: Date }, policy: DeadlinePolicy, calendar: WorkingCalendar): CaseClock[] {
  const rules = clockRulesFor(policy, input);
  const atReceipt = rules.filter((rule) => rule.startsAt === 'receipt').map((rule) => startClock(rule, input.receivedAt, calendar));
  const acknowledge = atReceipt.find((clock) => clock.clock === 'acknowledge');
  if (!acknowledge) return atReceipt;
  const endOfAcknowledgementPeriod = new Date(acknowledge.dueAt);
  const provisional = rules.filter((rule) => rule.startsAt === 'acknowledgement').map((rule) => startClock(rule, endOfAcknowledgementPeriod, calendar));
  return [...atReceipt, ...provisional];
}

/**
 * Stops the running clock of this kind at `at` (a deadline met, or ended with the case). A no-op
 * when there is none, so recording an event twice is harmless. A provisional clock stopped before
 * its start is stopped at its start: it never ran.
 */
export function stopClock(clocks: readonly CaseClock[], clock: TrackedClockKind, at: Date): CaseClock[] {
  const stoppedAt = at.toISOString();
  return clocks.map((candidate) => {
    if (candidate.clock !== clock || candidate.stoppedAt !== undefined) return candidate;
    const startedAt = Date.parse(candidate.startedAt) > at.getTime() ? stoppedAt : candidate.startedAt;
    return { ...candidate, startedAt, stoppedAt };
  });
}

/**
 * The acknowledgement (ontvangstbevestiging): stops the `acknowledge` clock and starts the clocks
 * that count from it. Their start is the acknowledgement or the end of the acknowledgement
 * period, whichever is earlier: a late acknowledgement must not buy the handler extra time
 * (EU 2019/1937 art. 9(1)(f)). Idempotent: a second acknowledgement changes nothing.
 */
export function onAcknowledged(
  clocks: readonly CaseClock[],
  at: Date,
  policy: DeadlinePolicy,
  calendar: WorkingCalendar,
  route: ClockRoute,
): CaseClock[] {
  if (clocks.some((clock) => clock.clock === 'acknowledge' && clock.stoppedAt !== undefined)) return [...clocks];
  let next = stopClock(clocks, 'acknowledge', at);
  for (const rule of clockRulesFor(policy, route).filter((candidate) => candidate.startsAt === 'acknowledgement')) {
    const existing = next.find((clock) => clock.clock === rule.clock);
    if (!existing) {
      next = [...next, startClock(rule, at, calendar)];
    } else if (existing.stoppedAt === undefined && Date.parse(existing.startedAt) > at.getTime()) {
      next = next.map((clock) => (clock === existing ? startClock(rule, at, calendar) : clock));
    }
  }
  return next;
}

/** Clocks an update to the reporter satisfies: each is a duty to tell the reporter something. */
const MET_BY_UPDATE: readonly TrackedClockKind[] = ['contact', 'firstUpdate', 'feedback'];

/**
 * The DOMAIN.md case events applied to the clocks, in one place:
 *
 * - `acknowledged`: stops `acknowledge` and starts the clocks counted from it ({@link onAcknowledged}).
 * - `update_sent`: counts as the acknowledgement if there was none (caseLifecycle `nextState`: a
 *   handler never has to press two buttons), and meets `contact` (the VP reached the reporter),
 *   `firstUpdate` (the line informed the reporter of progress) and `feedback` (EU 2019/1937 art.
 *   9(1)(f) and art. 5(13): feedback is information on the action envisaged or taken).
 * - `question_asked`: counts as the acknowledgement too, and meets `contact` (a VP asking the
 *   reporter something has made contact); it is not progress, so `firstUpdate`/`feedback` run on.
 * - `closed`: stops every clock; the closing message is the feedback (art. 9(1)(f)) and the klacht
 *   decision with its outcome (Awb 9:12).
 * - `withdrawn`: stops every clock; the reporter may withdraw at any time (DOMAIN.md "Case
 *   lifecycle") and no duty towards them is left to time.
 * - `reassigned`: nothing changes. Terms run from receipt by the organisation, not by a person
 *   (Awb 9:11(1) "na ontvangst van het klaagschrift"; EU 2019/1937 art. 9(1)(b) "of that
 *   receipt"), so a handover never restarts a legal deadline.
 */
export function onCaseEvent(clocks: readonly CaseClock[], event: ClockEvent, at: Date, context: ClockContext): CaseClock[] {
  const acknowledged = (): CaseClock[] => onAcknowledged(clocks, at, context.policy, context.calendar, context.route);
  switch (event) {
    case 'acknowledged':
      return acknowledged();
    case 'update_sent':
      return MET_BY_UPDATE.reduce((next, clock) => stopClock(next, clock, at), acknowledged());
    case 'question_asked':
      return stopClock(acknowledged(), 'contact', at);
    case 'closed':
    case 'withdrawn':
      return clocks.reduce<CaseClock[]>((next, clock) => stopClock(next, clock.clock, at), [...clocks]);
    case 'reassigned':
      return [...clocks];
  }
}
