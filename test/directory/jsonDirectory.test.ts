import { join } from 'node:path';
import { JsonDirectory, loadJsonDirectory, parseJsonDirectory } from '../../bot/directory/jsonDirectory';
import type { DirectoryData } from '../../bot/domain/directory';

const DEMO_FILE = join(__dirname, '../../config/directory.demo.json');
/** The demo file's fake ids: 00000000-0000-4000-8000-0000000000NN. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('JsonDirectory with the demo organisation', () => {
  const directory = loadJsonDirectory(DEMO_FILE);

  it('when the demo file is loaded, then its units, people and teams are all there', async () => {
    expect((await directory.unitChain('u-clas-11-inf')).map((unit) => unit.id)).toEqual(['u-clas-11-inf', 'u-clas-11', 'u-clas', 'u-defensie']);
    expect(await directory.getPerson(id(15))).toEqual({
      aadObjectId: id(15),
      name: 'Daan Willems',
      unitId: 'u-clas-11-inf',
      managerId: id(14),
      locale: 'nl-NL',
      gender: 'male',
    });
    expect((await directory.teams()).map((team) => team.unitId)).toEqual(['u-clas-11-inf', 'u-czsk-evertsen']);
  });

  it('when a soldier’s manager chain is asked, then it runs from the direct manager up through three levels to the top', async () => {
    const chain = await directory.managerChain(id(15));
    expect(chain.map((person) => person.name)).toEqual(['Jeroen van den Berg', 'Lotte Peters', 'Thomas de Groot', 'Martijn Mulder', 'Hendrik Bakker']);
    expect((await directory.managerChain(id(15), 3)).map((person) => person.aadObjectId)).toEqual([id(14), id(13), id(10)]);
  });

  it('when the person is at the top or unknown, then the chain is empty', async () => {
    expect(await directory.managerChain(id(1))).toEqual([]);
    expect(await directory.managerChain('not-a-person')).toEqual([]);
  });

  it('when a unit has no vertrouwenspersoon, then the parent unit’s are found', async () => {
    expect(await directory.holdersOfRole('vertrouwenspersoon', 'u-clas-11-inf')).toEqual({ unitId: 'u-clas-11', people: [id(11), id(12)] });
  });

  it('when no unit below the root has the role, then the root’s holders are found', async () => {
    expect(await directory.holdersOfRole('meldpunt', 'u-clas-11-inf')).toEqual({ unitId: 'u-defensie', people: [id(2)] });
    expect(await directory.holdersOfRole('klachtencoordinator', 'u-defensie')).toEqual({ unitId: 'u-defensie', people: [id(3)] });
  });

  it('when the unit has the role itself, then its own holders are found', async () => {
    expect(await directory.holdersOfRole('veiligheidsfunctionaris', 'u-clas-11-inf')).toEqual({ unitId: 'u-clas-11-inf', people: [id(14)] });
    expect(await directory.holdersOfRole('klachtencoordinator', 'u-czsk-evertsen')).toEqual({ unitId: 'u-czsk', people: [id(19)] });
  });

  it('when a person’s unit is asked, then it is their own unit', async () => {
    expect((await directory.unitOf(id(22)))?.name).toBe('Zr.Ms. Evertsen');
    expect(await directory.unitOf('not-a-person')).toBeUndefined();
  });

  it('when a team is asked by its Teams id or its group id, then it is found', async () => {
    expect((await directory.team('19:demo-evertsen@thread.tacv2'))?.owners).toEqual([id(20)]);
    expect((await directory.team('00000000-0000-4000-8000-000000000a01'))?.id).toBe('19:demo-11inf-acie@thread.tacv2');
    expect(await directory.team('19:unknown@thread.tacv2')).toBeUndefined();
  });

  it('when a team’s owners are asked by its Teams id or its group id, then they are the file’s owners', async () => {
    expect(await directory.teamOwners({ teamId: '19:demo-evertsen@thread.tacv2' })).toEqual([id(20)]);
    expect(await directory.teamOwners({ teamId: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01' })).toEqual([id(14)]);
    // Installed where Teams gave a Teams id the file does not list, but the group behind it is listed.
    expect(await directory.teamOwners({ teamId: '19:renamed@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a02' })).toEqual([id(20)]);
    expect(await directory.teamOwners({ teamId: '00000000-0000-4000-8000-000000000a01' })).toEqual([id(14)]);
  });

  it('when the team is not in the file, then it has no owners', async () => {
    expect(await directory.teamOwners({ teamId: '19:unknown@thread.tacv2' })).toEqual([]);
    expect(await directory.teamOwners({ teamId: '19:unknown@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000fff' })).toEqual([]);
  });

  it('when the owners a caller got are changed, then the directory’s are not', async () => {
    (await directory.teamOwners({ teamId: '19:demo-evertsen@thread.tacv2' })).push('intruder');
    expect(await directory.teamOwners({ teamId: '19:demo-evertsen@thread.tacv2' })).toEqual([id(20)]);
  });

  it('when everyone is listed, then every person of the file is there once, in file order', () => {
    const people = directory.listPeople();
    expect(people).toHaveLength(22);
    expect(people.map((person) => person.aadObjectId)).toEqual(Array.from({ length: 22 }, (_, i) => id(i + 1)));
    expect(people.find((person) => person.aadObjectId === id(13))).toMatchObject({ name: 'Lotte Peters', unitId: 'u-clas-11-inf' });
  });

  it('when someone is or is not in the file, then isKnown says so', async () => {
    expect(await directory.isKnown(id(16))).toBe(true);
    expect(await directory.isKnown(id(99))).toBe(false);
  });

  it('when a caller changes a returned list, then the directory is not affected', async () => {
    const holders = await directory.holdersOfRole('vertrouwenspersoon', 'u-clas-11');
    holders.people.push('intruder');
    (await directory.teams()).pop();
    expect((await directory.holdersOfRole('vertrouwenspersoon', 'u-clas-11')).people).toEqual([id(11), id(12)]);
    expect(await directory.teams()).toHaveLength(2);
    expect(Object.isFrozen(await directory.getPerson(id(15)))).toBe(true);
  });
});

describe('JsonDirectory with data built in code', () => {
  const data: DirectoryData = {
    units: [
      { id: 'root', name: 'Root', roles: { meldpunt: ['a'] } },
      { id: 'child', name: 'Child', parentId: 'root', roles: { vertrouwenspersoon: [] } },
    ],
    people: [
      { aadObjectId: 'a', name: 'A', unitId: 'child', managerId: 'b' },
      { aadObjectId: 'b', name: 'B', unitId: 'child', managerId: 'c' },
      { aadObjectId: 'c', name: 'C', unitId: 'root', managerId: 'a' },
      { aadObjectId: 'self', name: 'Self', managerId: 'self' },
    ],
  };
  const directory = new JsonDirectory(data, 'test');

  it('when managers form a cycle, then the chain stops before anyone appears twice', async () => {
    expect((await directory.managerChain('a')).map((person) => person.aadObjectId)).toEqual(['b', 'c']);
    expect((await directory.managerChain('b', 100)).map((person) => person.aadObjectId)).toEqual(['c', 'a']);
    expect(await directory.managerChain('self')).toEqual([]);
  });

  it('when no unit up to the root holds the role, then nobody is found and the asked unit is named', async () => {
    expect(await directory.holdersOfRole('veiligheidsfunctionaris', 'child')).toEqual({ unitId: 'child', people: [] });
    expect(await directory.holdersOfRole('ago', 'no-such-unit')).toEqual({ unitId: 'no-such-unit', people: [] });
    expect(await directory.unitChain('no-such-unit')).toEqual([]);
  });

  it('when a unit lists a role with nobody in it, then the role is inherited like a missing one', async () => {
    expect(await directory.holdersOfRole('vertrouwenspersoon', 'child')).toEqual({ unitId: 'child', people: [] });
    expect(await directory.holdersOfRole('meldpunt', 'child')).toEqual({ unitId: 'root', people: ['a'] });
  });

  it('when the depth limit is 0 or negative, then the chain is empty', async () => {
    expect(await directory.managerChain('a', 0)).toEqual([]);
    expect(await directory.managerChain('a', -3)).toEqual([]);
  });
});

describe('parseJsonDirectory', () => {
  it('when the file uses the domain spellings parentId and unitId and carries extra fields, then they are understood and the extras ignored', async () => {
    const directory = parseJsonDirectory(
      {
        version: 2,
        units: [
          { id: 'r', name: 'Root', roles: { ago: ['p'] }, extra: true },
          { id: 'c', name: 'Child', parentId: 'r' },
        ],
        people: [{ aadObjectId: 'p', name: 'P', unitId: 'c', managerId: null, note: 'ignored' }],
        teams: [{ id: 't', name: 'T', unitId: 'c' }],
      },
      'inline.json',
    );
    expect(await directory.holdersOfRole('ago', 'c')).toEqual({ unitId: 'r', people: ['p'] });
    expect(await directory.getPerson('p')).toEqual({ aadObjectId: 'p', name: 'P', unitId: 'c', managerId: null });
    expect(await directory.team('t')).toEqual({ id: 't', name: 'T', unitId: 'c', owners: [], members: [] });
  });
});
