import { DIRECTORY_ROLES, type DirectoryRole, type OrganisationDirectory } from '../../domain/directory';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { mayHandleCase } from '../cases/caseAccess';
import type { CaseRecord } from '../cases/casePorts';

/**
 * Where a person could take the case over in its current role: the unit (the case's unit or
 * one above it) on which they hold that role, or undefined when they hold it nowhere there.
 *
 * - a role of the directory (vertrouwenspersoon, klachtencoördinator, …): a holder of that role
 *   for the unit the case is handled at, or for a unit above it;
 * - 'meldpunt': a Meldpunt holder up the chain, or a central coordinator (the fallback route
 *   hands cases to them in the Meldpunt role);
 * - 'line_manager': someone in the case's unit or a unit above it (the line goes up, not sideways).
 */
export async function roleUnitFor(deps: Pick<CaseDependencies, 'directory' | 'settings'>, record: CaseRecord, personId: string): Promise<string | undefined> {
  const role = record.assignment?.role ?? 'meldpunt';
  const caseUnit = record.assignment?.unitId ?? record.unitId ?? deps.settings.centralUnitId;
  const chain = await deps.directory.unitChain(caseUnit);
  if (role === 'line_manager') {
    const person = await deps.directory.getPerson(personId);
    return chain.find((unit) => unit.id === person?.unitId)?.id;
  }
  if (role === 'coordinator' || !(DIRECTORY_ROLES as readonly string[]).includes(role)) return undefined;
  for (const unit of chain) {
    const holders = await deps.directory.holdersOfRole(role as DirectoryRole, unit.id);
    if (holders.people.includes(personId)) return holders.unitId;
  }
  if (role === 'meldpunt' && (await deps.directory.holdersOfRole('coordinator', deps.settings.centralUnitId)).people.includes(personId)) return deps.settings.centralUnitId;
  return undefined;
}

/**
 * Whether `personId` may take the case over: they hold its role for its unit (or above) and may
 * handle it (not excluded, not named as involved). The unit they hold the role on, or undefined.
 */
export async function successorUnitFor(deps: CaseDependencies, record: CaseRecord, personId: string): Promise<string | undefined> {
  const unitId = await roleUnitFor(deps, record, personId);
  if (unitId === undefined) return undefined;
  return (await mayHandleCase(deps, record, personId)) ? unitId : undefined;
}

/**
 * The unit tree of a person for handing cases on without a coordinator's say: their unit's
 * parent and everything under it, and the units above (the handover dialog lists the same people).
 */
export async function isInUnitTree(directory: OrganisationDirectory, actorId: string, personId: string): Promise<boolean> {
  const actorUnitId = (await directory.getPerson(actorId))?.unitId;
  const personUnitId = (await directory.getPerson(personId))?.unitId;
  if (actorUnitId === undefined || personUnitId === undefined) return false;
  const actorChain = await directory.unitChain(actorUnitId);
  const treeId = actorChain[1]?.id ?? actorChain[0]?.id;
  if (actorChain.some((unit) => unit.id === personUnitId)) return true;
  return (await directory.unitChain(personUnitId)).some((unit) => unit.id === treeId);
}
