import { nextState } from '../../domain/caseLifecycle';
import type { HandlerRole, ReassignRole } from '../../domain/chooseRoute';
import { ValidationError } from '../../domain/errors';
import { assignCase } from './assignCase';
import { assertAssignedHandler, mayHandleCase } from './caseAccess';
import { isCoordinatorOf } from '../handover/handOverCases';
import { isInUnitTree, successorUnitFor } from '../handover/successorFit';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from './notifyReporter';
import type { CaseRecord } from './casePorts';
import { updateCase } from './updateCase';

/** To a role (its nearest eligible holder from the reporter's unit up) or to a named person (keeps the current role). */
export type ReassignTarget = { role: ReassignRole } | { personId: string };

/** The reassign form, parsed at the adapter: where to, and the reason (see caseMessageText). */
export interface ReassignCaseCommand {
  caseId: string;
  target: ReassignTarget;
  reason: string;
}

/**
 * The handler hands the case on, with a reason: to a role (its nearest eligible holder from the
 * reporter's unit up), or to a named person under the same rules as a handover (the case's role
 * for its unit, not excluded, not themselves, within their unit tree unless they coordinate the
 * unit). The reporter hears the new role, never a name.
 */
export async function reassignCase(deps: CaseDependencies, command: ReassignCaseCommand, handlerUserId: string): Promise<CaseRecord> {
  const { target, reason } = command;
  const { record } = await updateCase(deps, command.caseId, async (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    nextState(record.state, 'reassign', { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined });
    const decision =
      'personId' in target
        ? await toPerson(deps, record, target.personId, handlerUserId)
        : await toRole(deps, target.role, record.unitId ?? deps.settings.centralUnitId, async (personId) => personId !== handlerUserId && (await mayHandleCase(deps, record, personId)));
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

/**
 * To a named person, in the case's current role: they must hold that role for the case's unit
 * (or one above it), may not be excluded or involved, and — unless the handler coordinates the
 * case's unit — must be in the handler's unit tree. One refusal for all of these, so the answer
 * does not tell whether the person is excluded (a confidential reporter, a manager in the chain).
 */
async function toPerson(deps: CaseDependencies, record: CaseRecord, personId: string, handlerUserId: string): Promise<{ role: HandlerRole; handlerId: string; unitId: string }> {
  if (personId === handlerUserId) throw new ValidationError({ targetPerson: 'notYourself' });
  if (!(await deps.directory.getPerson(personId))) throw new ValidationError({ targetPerson: 'unknownPerson' });
  const unitId = await successorUnitFor(deps, record, personId);
  const coordinator = await isCoordinatorOf(deps, handlerUserId, record.assignment?.unitId ?? record.unitId ?? deps.settings.centralUnitId);
  if (unitId === undefined || (!coordinator && !(await isInUnitTree(deps.directory, handlerUserId, personId)))) throw new ValidationError({ targetPerson: 'personExcluded' });
  return { role: (record.assignment?.role ?? 'meldpunt') as HandlerRole, handlerId: personId, unitId };
}
