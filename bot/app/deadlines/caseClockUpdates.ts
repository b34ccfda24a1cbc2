import { onCaseEvent, openClocks, type CaseClock, type ClockEvent } from '../../domain/deadlines/caseClocks';
import type { ClockRoute } from '../../domain/deadlines/deadlinePolicies';
import { nextDueAt } from '../../domain/deadlines/reminderSchedule';
import type { HandlerRole } from '../../domain/chooseRoute';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';

type Deps = Pick<IntakeDependencies, 'settings' | 'calendar'>;

/** The route that sets a case's clocks: the original routing decision (legal deadlines do not restart when a case is handed on). */
export function clockRouteOf(record: CaseRecord): ClockRoute {
  return { role: (record.routing?.role ?? 'meldpunt') as HandlerRole, kind: record.kind };
}

/** Starts the clocks of a new case. */
export function startCaseClocks(deps: Deps, record: CaseRecord, receivedAt: Date): void {
  record.clocks = openClocks({ ...clockRouteOf(record), receivedAt }, deps.settings.deadlinePolicy, deps.calendar);
  record.remindersDone = [];
  refreshNextDueAt(deps, record);
}

/** Applies a case event to its clocks (stops met clocks, starts the ones that start now). */
export function applyClockEvent(deps: Deps, record: CaseRecord, event: ClockEvent, at: Date): void {
  if (!record.clocks) return;
  record.clocks = onCaseEvent(record.clocks as CaseClock[], event, at, { policy: deps.settings.deadlinePolicy, calendar: deps.calendar, route: clockRouteOf(record) });
  refreshNextDueAt(deps, record);
}

/** Sets the indexed `nextDueAt` to the earliest reminder or escalation not yet done (removed when none, or closed). */
export function refreshNextDueAt(deps: Deps, record: CaseRecord): void {
  const next =
    record.isOpen === false || !record.clocks
      ? undefined
      : nextDueAt(record.clocks as CaseClock[], new Set(record.remindersDone ?? []), deps.settings.deadlinePolicy, deps.calendar);
  if (next === undefined) delete record.nextDueAt;
  else record.nextDueAt = next;
}
