import type { RoutingDecision } from '../../domain/routeReport';
import { mayHandleCase } from './caseAccess';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from './casePorts';

/**
 * Where a case goes when its handler cannot take it (unreachable, left, excluded from the
 * case): the central Meldpunt, else a central coordinator; never someone excluded or in `skip`.
 * Undefined only when nobody at all is eligible.
 */
export async function fallbackHandler(
  deps: CaseDependencies,
  record: CaseRecord,
  skip: readonly string[],
): Promise<Pick<RoutingDecision, 'role' | 'handlerId' | 'unitId'> | undefined> {
  for (const role of ['meldpunt', 'coordinator'] as const) {
    const holders = await deps.directory.holdersOfRole(role, deps.settings.centralUnitId);
    for (const personId of [...holders.people].sort()) {
      if (skip.includes(personId) || !(await mayHandleCase(deps, record, personId))) continue;
      return { role: 'meldpunt', handlerId: personId, unitId: holders.unitId };
    }
  }
  return undefined;
}
