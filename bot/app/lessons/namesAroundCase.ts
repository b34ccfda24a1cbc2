import { DIRECTORY_ROLES } from '../../domain/directory';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import { openHandler } from '../cases/caseParties';
import { listsPeople } from '../handover/handoverPeople';
import type { CaseRecord, SealedCaseContent } from '../cases/casePorts';

/**
 * The names a lesson about this case must not contain: everyone in the directory when it can list
 * people (the structure file), and in any case the people of the directory around it — the
 * reporter (when known) and their manager chain, the handler and theirs, everyone holding a role
 * on the case's unit and the lesson's unit level and the units above them, the members of the
 * directory's teams of those units — and the "who was involved" answer (someone outside the
 * directory, such as "korporaal Smeets"). Microsoft Graph offers no list of all people, so there
 * these are the ones a lesson could point at. Only held in memory.
 */
export async function namesAroundCase(deps: Pick<IntakeDependencies, 'cipher' | 'directory' | 'settings'>, record: CaseRecord, lessonUnitId: string): Promise<string[]> {
  const ids = new Set<string>();
  const names: string[] = [];
  const reporter = record.sealedReporter ? deps.cipher.open<{ userId: string; name: string }>('identity', record.sealedReporter, record.id) : undefined;
  const handler = openHandler(deps, record);
  for (const person of [reporter, handler]) {
    if (!person) continue;
    ids.add(person.userId);
    if (person.name) names.push(person.name);
    for (const manager of await deps.directory.managerChain(person.userId)) names.push(manager.name);
  }
  const units = new Map<string, true>();
  for (const unitId of [record.unitId ?? deps.settings.centralUnitId, lessonUnitId]) {
    for (const unit of await deps.directory.unitChain(unitId)) units.set(unit.id, true);
  }
  for (const unitId of units.keys()) {
    for (const role of DIRECTORY_ROLES) for (const id of (await deps.directory.holdersOfRole(role, unitId)).people) ids.add(id);
  }
  for (const team of await deps.directory.teams()) {
    if (units.has(team.unitId)) for (const id of [...team.owners, ...team.members]) ids.add(id);
  }
  for (const id of ids) {
    const person = await deps.directory.getPerson(id);
    if (person) names.push(person.name);
  }
  // A directory that can list everyone (the structure file): every name in it.
  if (listsPeople(deps.directory)) names.push(...deps.directory.listPeople().map((person) => person.name));
  const { involved } = deps.cipher.open<SealedCaseContent>('content', record.sealedContent, record.id);
  if (involved) names.push(involved);
  return names;
}
