import { nextState } from '../domain/caseLifecycle';
import type { HandlerRole } from '../domain/chooseRoute';
import { ValidationError } from '../domain/errors';
import { assignCase } from './assignCase';
import { assertAssignedHandler, mayHandleCase } from './caseAccess';
import { readMessageText } from './caseMessages';
import type { CaseDependencies } from './intakeDependencies';
import { notifyReporter } from './notifyReporter';
import type { CaseRecord } from './ports';
import { readFields } from './readFields';
import { updateCase } from './updateCase';

/** Roles a case can be handed to (not the line: a case that left the line does not go back into it). */
export const REASSIGN_ROLES = ['meldpunt', 'vertrouwenspersoon', 'klachtencoordinator', 'veiligheidsfunctionaris', 'ago'] as const;
export type ReassignRole = (typeof REASSIGN_ROLES)[number];

/** To a role (its nearest eligible holder from the reporter's unit up) or to a named person (keeps the current role). */
export type ReassignTarget = { role: unknown } | { personId: string };

/**
 * The handler hands the case on, with a reason. People excluded from the case are refused, and
 * so is the handler themselves; the reporter hears the new role, never a name.
 */
export async function reassignCase(deps: CaseDependencies, caseId: string, handlerUserId: string, target: ReassignTarget, reasonTyped: unknown): Promise<CaseRecord> {
  const role = 'role' in target ? target.role : undefined;
  const { reason } = readFields({
    role: () => {
      if ('role' in target && (typeof role !== 'string' || !(REASSIGN_ROLES as readonly string[]).includes(role))) throw new ValidationError({ targetRole: 'pickRole' });
    },
    reason: () => readMessageText(reasonTyped, 'message'),
  });

  const { record } = await updateCase(deps, caseId, async (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    nextState(record.state, 'reassign', { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined });
    const eligible = async (personId: string) => personId !== handlerUserId && (await mayHandleCase(deps, record, personId));
    const decision =
      'personId' in target
        ? await toPerson(deps, target.personId, eligible, (record.assignment?.role ?? 'meldpunt') as HandlerRole)
        : await toRole(deps, role as ReassignRole, record.unitId ?? deps.settings.centralUnitId, eligible);
    const actor = record.handlerKey!;
    await assignCase(deps, record, decision, now, { type: 'reassigned', actor, detail: { reasonLength: String(reason.length) } });
    notifyReporter(deps, record, 'reassigned', now, decision.role);
    return { record, result: undefined };
  });
  deps.logger.info('case.reassigned', { role: record.assignment?.role });
  return record;
}

type Eligible = (personId: string) => Promise<boolean>;

async function toRole(deps: CaseDependencies, role: ReassignRole, unitId: string, eligible: Eligible): Promise<{ role: HandlerRole; handlerId: string; unitId: string }> {
  for (const unit of await deps.directory.unitChain(unitId)) {
    const holders = await deps.directory.holdersOfRole(role, unit.id);
    if (holders.unitId !== unit.id) continue;
    for (const personId of [...holders.people].sort()) if (await eligible(personId)) return { role, handlerId: personId, unitId: unit.id };
  }
  throw new ValidationError({ targetRole: 'noEligibleHolder' });
}

async function toPerson(deps: CaseDependencies, personId: string, eligible: Eligible, role: HandlerRole): Promise<{ role: HandlerRole; handlerId: string; unitId: string }> {
  if (!(await eligible(personId))) throw new ValidationError({ targetPerson: 'personExcluded' });
  const person = await deps.directory.getPerson(personId);
  if (!person) throw new ValidationError({ targetPerson: 'unknownPerson' });
  return { role, handlerId: personId, unitId: person.unitId ?? deps.settings.centralUnitId };
}
