import { HANDLER_ROLES, type HandlerRole } from '../../domain/chooseRoute';
import { nextReporterDeadline, type ReporterDeadline } from '../../domain/deadlines/nextReporterDeadline';
import type { CaseRecord } from '../cases/casePorts';

/** Where a case went and what the reporter waits for: a role (never a person) and the one deadline that applies now. */
export interface ReporterRoute {
  route: HandlerRole;
  nextDeadline?: ReporterDeadline;
}

/**
 * The route of a case as the reporter may know it: the role handling it now (after a
 * reassignment, the new role; never a person's name, so nothing identifies the handler of a
 * confidential or anonymous report), and the next running deadline (none once closed).
 */
export function reporterRoute(record: CaseRecord, now: string): ReporterRoute {
  const role = record.assignment?.role ?? record.routing?.role;
  const route = HANDLER_ROLES.find((known) => known === role) ?? 'meldpunt';
  const nextDeadline = record.state === 'closed' ? undefined : nextReporterDeadline(record.clocks, now);
  return nextDeadline ? { route, nextDeadline } : { route };
}
