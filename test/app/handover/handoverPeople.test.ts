import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { OrganisationDirectory } from '../../../bot/domain/directory';
import { handoverPeople } from '../../../bot/app/handover/handoverPeople';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';

// Demo organisation (config/directory.demo.json): Anouk (…08) coordinates CLAS and so everything under it; Marieke (…04)
// coordinates Defensie, the root; Jeroen (…14) coordinates nothing and sits in 11 Infanteriebataljon under 11 Luchtmobiele Brigade.
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [MARIEKE, ANOUK, JEROEN] = [id(4), id(8), id(14)];

/** The same directory behind the port only: what any other implementation (e.g. Graph) offers. */
function portOnly(directory: OrganisationDirectory): OrganisationDirectory {
  return {
    getPerson: (personId) => directory.getPerson(personId),
    managerChain: (personId, maxDepth) => directory.managerChain(personId, maxDepth),
    unitOf: (personId) => directory.unitOf(personId),
    unitChain: (unitId) => directory.unitChain(unitId),
    holdersOfRole: (role, unitId) => directory.holdersOfRole(role, unitId),
    teams: () => directory.teams(),
    team: (teamId) => directory.team(teamId),
    teamOwners: (team) => directory.teamOwners(team),
    allUnits: () => directory.allUnits(),
    isKnown: (personId) => directory.isKnown(personId),
  };
}

describe('handoverPeople', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
  });

  afterAll(() => cleanup());

  it('when a coordinator of CLAS asks, then whose cases and the successors are the people of CLAS and every unit under it, by name', async () => {
    const people = await handoverPeople(deps, ANOUK, 'Anouk in Teams');
    expect(people.coordinator).toBe(true);
    expect(people.self).toEqual({ id: ANOUK, name: 'Anouk Meijer' });
    expect(people.from.map((person) => person.name)).toEqual([
      'Anouk Meijer',
      'Daan Willems',
      'Esther Bos',
      'Jeroen van den Berg',
      'Kevin Vos',
      'Lotte Peters',
      'Martijn Mulder',
      'Sophie van Leeuwen',
      'Thomas de Groot',
    ]);
    expect(people.successors).toEqual(people.from.filter((person) => person.id !== ANOUK));
  });

  it('when the coordinator of the root unit asks, then everyone is listed', async () => {
    const people = await handoverPeople(deps, MARIEKE, '');
    expect(people.coordinator).toBe(true);
    expect(people.from).toHaveLength(22);
  });

  it('when someone who coordinates nothing asks, then only they are listed as whose cases, and the successors are their unit tree without them', async () => {
    const people = await handoverPeople(deps, JEROEN, '');
    expect(people.coordinator).toBe(false);
    expect(people.from).toEqual([{ id: JEROEN, name: 'Jeroen van den Berg' }]);
    expect(people.successors.map((person) => person.id).sort()).toEqual([id(10), id(11), id(12), id(13), id(15), id(16)]);
  });

  it('when the user is not in the directory, then they are named as Teams names them and nobody else is offered', async () => {
    const people = await handoverPeople(deps, 'not-in-the-directory', 'Nieuwe Collega');
    expect(people).toEqual({ coordinator: false, self: { id: 'not-in-the-directory', name: 'Nieuwe Collega' }, from: [people.self], successors: [] });
  });

  it('when the directory can only answer the port (not a JSON directory), then only the user is offered, a coordinator of their own unit still as coordinator', async () => {
    const other = { ...deps, directory: portOnly(deps.directory) };
    expect(await handoverPeople(other, JEROEN, '')).toEqual({ coordinator: false, self: { id: JEROEN, name: 'Jeroen van den Berg' }, from: [{ id: JEROEN, name: 'Jeroen van den Berg' }], successors: [] });
    expect(await handoverPeople(other, ANOUK, '')).toMatchObject({ coordinator: true, from: [{ id: ANOUK, name: 'Anouk Meijer' }], successors: [] });
  });
});
