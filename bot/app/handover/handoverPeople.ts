import type { OrganisationDirectory, Person } from '../../domain/directory';
import { isCoordinatorOf } from './handOverCases';
import type { CaseDependencies } from '../intake/intakeDependencies';

/** A person as a picker offers them. */
export interface PersonChoice {
  id: string;
  name: string;
}

/** A directory that can also list everyone (the structure file's JsonDirectory); the port itself cannot. */
interface PeopleListing {
  listPeople(): readonly Person[];
}

/** Whether the directory can list everyone (see PeopleListing). */
export function listsPeople(directory: OrganisationDirectory): directory is OrganisationDirectory & PeopleListing {
  return typeof (directory as Partial<PeopleListing>).listPeople === 'function';
}

/** Who the handover dialog offers to a user. */
export interface HandoverPeople {
  /** The user coordinates the unit of at least one person listed: they may hand over anyone's cases there. */
  coordinator: boolean;
  /** The user, named as the directory knows them. */
  self: PersonChoice;
  /** Whose cases the user may hand over: the people of the units they coordinate, else only themself. */
  from: PersonChoice[];
  /** Successors to offer: for a coordinator the same people but themself; for anyone else the people of their unit tree (their unit's parent and everything under it), themself left out. */
  successors: PersonChoice[];
}

const byName = (a: PersonChoice, b: PersonChoice): number => a.name.localeCompare(b.name, 'nl');

function choice(person: Person): PersonChoice {
  return { id: person.aadObjectId, name: person.name };
}

/**
 * The people the handover dialog lists, sorted by name. The directory port cannot list people,
 * so the lists come from a directory that can (the structure file's `JsonDirectory`); any other directory offers only
 * the user, whose coordinator role is then checked on their own unit (Teams' people picker still
 * searches the whole organisation). Whether a handover is allowed is decided by `handOverCases`,
 * never by these lists.
 */
export async function handoverPeople(deps: CaseDependencies, userId: string, nameInTeams: string): Promise<HandoverPeople> {
  const directory = deps.directory;
  const me = await directory.getPerson(userId);
  const self: PersonChoice = { id: userId, name: me?.name || nameInTeams };
  if (!listsPeople(directory)) {
    const coordinator = me?.unitId !== undefined && (await isCoordinatorOf(deps, userId, me.unitId));
    return { coordinator, self, from: [self], successors: [] };
  }

  const everyone = directory.listPeople();
  const coordinates = new Map<string, boolean>();
  const from: PersonChoice[] = [];
  for (const person of everyone) {
    if (person.unitId === undefined) continue;
    if (!coordinates.has(person.unitId)) coordinates.set(person.unitId, await isCoordinatorOf(deps, userId, person.unitId));
    if (coordinates.get(person.unitId)) from.push(choice(person));
  }
  if (from.length > 0) {
    if (!from.some((person) => person.id === userId)) from.push(self);
    from.sort(byName);
    // Nobody hands cases to themself (`handOverCases` refuses it), so they are not offered as successor.
    return { coordinator: true, self, from, successors: from.filter((person) => person.id !== userId) };
  }

  const ownUnit = me?.unitId === undefined ? undefined : (await directory.unitChain(me.unitId))[0];
  const treeId = ownUnit?.parentId ?? ownUnit?.id;
  const successors: PersonChoice[] = [];
  if (treeId !== undefined) {
    for (const person of everyone) {
      if (person.aadObjectId === userId || person.unitId === undefined) continue;
      if ((await directory.unitChain(person.unitId)).some((unit) => unit.id === treeId)) successors.push(choice(person));
    }
  }
  return { coordinator: false, self, from: [self], successors: successors.sort(byName) };
}

/**
 * A person picked in the handover form, worth keeping on the form: someone the lists or the
 * directory know (an unknown id is dropped, never shown).
 */
export async function handoverChoice(deps: CaseDependencies, people: HandoverPeople, id: string | undefined): Promise<PersonChoice | undefined> {
  if (!id) return undefined;
  const listed = [...people.from, ...people.successors].find((person) => person.id === id);
  if (listed) return listed;
  const person = await deps.directory.getPerson(id);
  return person ? { id, name: person.name } : undefined;
}
