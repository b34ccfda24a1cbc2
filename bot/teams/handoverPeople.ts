import type { PersonChoice } from '../../cards/personChoice';
import { isCoordinatorOf } from '../app/handover/handOverCases';
import type { CaseDependencies } from '../app/intake/intakeDependencies';
import { JsonDirectory } from '../directory/jsonDirectory';
import type { Person } from '../domain/directory';

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
 * so the lists come from a `JsonDirectory` (the structure file); any other directory offers only
 * the user, whose coordinator role is then checked on their own unit (Teams' people picker still
 * searches the whole organisation). Whether a handover is allowed is decided by `handOverCases`,
 * never by these lists.
 */
export async function handoverPeople(deps: CaseDependencies, userId: string, nameInTeams: string): Promise<HandoverPeople> {
  const directory = deps.directory;
  const me = await directory.getPerson(userId);
  const self: PersonChoice = { id: userId, name: me?.name || nameInTeams };
  if (!(directory instanceof JsonDirectory)) {
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

  const ownUnit = me?.unitId === undefined ? undefined : directory.unitById(me.unitId);
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
