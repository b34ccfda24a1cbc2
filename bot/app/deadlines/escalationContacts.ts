import { mayHandleCase } from '../cases/caseAccess';
import { openHandler } from '../cases/caseParties';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';

/**
 * Who is told when a case is late, at escalation `level` (1 = first). Via the line: the
 * handler's own manager, one step further up the chain per level. Every other route: the
 * coordinators of the handler's unit (inherited from parent units), one unit higher per level.
 * Never anyone excluded from the case; in the end the central coordinators.
 */
export async function escalationContacts(deps: CaseDependencies, record: CaseRecord, level: number): Promise<string[]> {
  const handler = openHandler(deps, record);
  const eligible = async (people: readonly string[]) => {
    const result: string[] = [];
    for (const personId of people) if (personId !== handler?.userId && (await mayHandleCase(deps, record, personId))) result.push(personId);
    return result;
  };

  if (record.assignment?.role === 'line_manager' && handler) {
    const chain = await deps.directory.managerChain(handler.userId);
    const eligibleChain: string[] = [];
    for (const manager of chain) if ((await eligible([manager.aadObjectId])).length > 0) eligibleChain.push(manager.aadObjectId);
    if (eligibleChain.length > 0) return [eligibleChain[Math.min(level, eligibleChain.length) - 1]];
  }

  const sets: string[][] = [];
  for (const unit of await deps.directory.unitChain(record.assignment?.unitId ?? record.unitId ?? deps.settings.centralUnitId)) {
    const holders = await deps.directory.holdersOfRole('coordinator', unit.id);
    if (holders.unitId !== unit.id) continue;
    const people = await eligible(holders.people);
    if (people.length > 0) sets.push(people);
  }
  if (sets.length === 0) return [];
  return sets[Math.min(level, sets.length) - 1];
}
