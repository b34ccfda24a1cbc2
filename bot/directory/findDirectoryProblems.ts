import { DIRECTORY_ROLES, type DirectoryData, type Unit } from '../domain/directory';
import { directoryEntryLabel } from './directoryEntryLabel';

/**
 * Checks the references inside a directory: duplicate ids, parents, units and managers that do
 * not exist, role holders that are not people, and parent cycles (a unit tree must end at a
 * root, or role inheritance would never stop). Manager cycles are allowed: real HR data has
 * them, and the manager chain walk stops on its own.
 *
 * Team owners and members are not checked against `people`: Teams manages membership, and
 * with Graph as the source of people the file need not list every member.
 *
 * Returns one line per problem, each naming the entry (see {@link directoryEntryLabel}).
 */
export function findDirectoryProblems(data: DirectoryData): string[] {
  const problems: string[] = [];
  const unitIndex = firstIndexById(data.units, (unit) => unit.id, 'units', problems);
  const personIndex = firstIndexById(data.people, (person) => person.aadObjectId, 'people', problems);
  firstIndexById(data.teams ?? [], (team) => team.id, 'teams', problems);

  data.units.forEach((unit, index) => {
    const label = directoryEntryLabel('units', index, unit.id);
    if (unit.parentId !== undefined && !unitIndex.has(unit.parentId)) {
      problems.push(`${label}: parent ${JSON.stringify(unit.parentId)} does not exist`);
    }
    for (const role of DIRECTORY_ROLES) {
      (unit.roles[role] ?? []).forEach((holder, position) => {
        if (!personIndex.has(holder)) problems.push(`${label}: roles.${role}[${position}] ${JSON.stringify(holder)} is not a person in the file`);
      });
    }
  });
  problems.push(...findParentCycles(data.units, unitIndex));

  data.people.forEach((person, index) => {
    const label = directoryEntryLabel('people', index, person.aadObjectId);
    if (person.unitId !== undefined && !unitIndex.has(person.unitId)) {
      problems.push(`${label}: unit ${JSON.stringify(person.unitId)} does not exist`);
    }
    if (typeof person.managerId === 'string' && !personIndex.has(person.managerId)) {
      problems.push(`${label}: managerId ${JSON.stringify(person.managerId)} is not a person in the file`);
    }
  });

  (data.teams ?? []).forEach((team, index) => {
    if (!unitIndex.has(team.unitId)) {
      problems.push(`${directoryEntryLabel('teams', index, team.id)}: unit ${JSON.stringify(team.unitId)} does not exist`);
    }
  });
  return problems;
}

/** Maps each id to the index of its first entry, reporting every later entry with the same id. */
function firstIndexById<T>(entries: readonly T[], idOf: (entry: T) => string, collection: 'units' | 'people' | 'teams', problems: string[]): Map<string, number> {
  const index = new Map<string, number>();
  entries.forEach((entry, position) => {
    const id = idOf(entry);
    const first = index.get(id);
    if (first === undefined) index.set(id, position);
    else problems.push(`${directoryEntryLabel(collection, position, id)}: duplicate id, already used by ${collection}[${first}]`);
  });
  return index;
}

/** Reports each parent cycle once, on the first unit of the cycle in file order. */
function findParentCycles(units: readonly Unit[], unitIndex: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  // Units already known to reach a root or to lie on (or lead into) a reported cycle.
  const settled = new Set<string>();
  units.forEach((start) => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = start.id;
    while (current !== undefined && !settled.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      const position = unitIndex.get(current);
      current = position === undefined ? undefined : units[position].parentId;
    }
    if (current !== undefined && onPath.has(current)) {
      const cycle = path.slice(path.indexOf(current));
      const first = cycle.reduce((a, b) => ((unitIndex.get(a) ?? 0) <= (unitIndex.get(b) ?? 0) ? a : b));
      const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first)), first];
      const label = directoryEntryLabel('units', unitIndex.get(first) ?? 0, first);
      problems.push(`${label}: parent cycle ${rotated.map((id) => JSON.stringify(id)).join(' → ')}`);
    }
    for (const id of path) settled.add(id);
  });
  return problems;
}
