import type { Category, CompleteReport } from './report';

/** Who handles a case, as a role (in the order the cards list them). */
export const HANDLER_ROLES = ['vertrouwenspersoon', 'klachtencoordinator', 'ago', 'meldpunt', 'veiligheidsfunctionaris', 'line_manager'] as const;
export type HandlerRole = (typeof HANDLER_ROLES)[number];

/** Roles a case can be handed to: never back to the line, which may be involved (and never sees anonymous or confidential reports). */
export type ReassignRole = Exclude<HandlerRole, 'line_manager'>;
export const REASSIGN_ROLES: readonly ReassignRole[] = HANDLER_ROLES.filter((role): role is ReassignRole => role !== 'line_manager');

/** The DOMAIN.md routing rules, by number, plus the reporter's own choice of the Meldpunt. */
export type RoutingRule =
  | 'r1_advice'
  | 'r2_complaint'
  | 'r3_mediation'
  | 'r4_not_named'
  | 'r5_manager_involved'
  | 'r6_serious_category'
  | 'r7_unsafe_situation_only'
  | 'r8_reporter_chose_meldpunt'
  | 'r8_line';

/** Categories that always go to the Meldpunt (rule 6), and for which the reporter is told about reporting a crime. */
export const SERIOUS_CATEGORIES: readonly Category[] = ['sexual_harassment', 'aggression', 'integrity'];

/**
 * The role that handles a report: the first DOMAIN.md rule that applies decides.
 * "Rather not say" whether the manager is involved counts as involved: a case must never
 * risk reaching someone involved. (Integrity violations all count as possibly criminal here:
 * the reporter cannot be asked to judge that.)
 */
export function chooseRoute(report: Pick<CompleteReport, 'kind' | 'identity' | 'managerInvolved' | 'categories' | 'preferMeldpunt'>): {
  role: HandlerRole;
  rule: RoutingRule;
} {
  if (report.kind === 'advice') return { role: 'vertrouwenspersoon', rule: 'r1_advice' };
  if (report.kind === 'complaint') return { role: 'klachtencoordinator', rule: 'r2_complaint' };
  if (report.kind === 'mediation') return { role: 'ago', rule: 'r3_mediation' };
  if (report.identity !== 'named') return { role: 'meldpunt', rule: 'r4_not_named' };
  if (report.managerInvolved !== 'no') return { role: 'meldpunt', rule: 'r5_manager_involved' };
  if (report.categories.some((category) => SERIOUS_CATEGORIES.includes(category))) return { role: 'meldpunt', rule: 'r6_serious_category' };
  if (report.categories.length > 0 && report.categories.every((category) => category === 'unsafe_situation')) {
    return { role: 'veiligheidsfunctionaris', rule: 'r7_unsafe_situation_only' };
  }
  if (report.preferMeldpunt) return { role: 'meldpunt', rule: 'r8_reporter_chose_meldpunt' };
  return { role: 'line_manager', rule: 'r8_line' };
}
