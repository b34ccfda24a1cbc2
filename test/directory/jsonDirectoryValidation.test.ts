import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJsonDirectory, parseJsonDirectory } from '../../bot/directory/jsonDirectory';
import { ConfigurationError } from '../../bot/domain/errors';

/** A small valid file; each case below breaks one thing in a copy of it. */
function validFile() {
  return {
    units: [
      { id: 'u-root', name: 'Defensie', roles: { meldpunt: ['p-1'] } },
      { id: 'u-a', name: 'Unit A', parent: 'u-root', roles: { vertrouwenspersoon: ['p-2'] } },
      { id: 'u-b', name: 'Unit B', parent: 'u-a', roles: {} },
    ],
    people: [
      { aadObjectId: 'p-1', name: 'Een', unit: 'u-root', managerId: null },
      { aadObjectId: 'p-2', name: 'Twee', unit: 'u-a', managerId: 'p-1' },
      { aadObjectId: 'p-3', name: 'Drie', unit: 'u-b', managerId: 'p-2' },
    ],
    teams: [{ id: '19:t@thread.tacv2', name: 'Team', unit: 'u-b', owners: ['p-2'], members: ['p-3'] }],
  };
}
type File = ReturnType<typeof validFile>;

/** The problems a ConfigurationError lists, or a failure when there is none. */
function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

const cases: Array<{ when: string; change: (file: File) => void; expected: Array<string | RegExp> }> = [
  {
    when: 'a parent does not exist',
    change: (f) => void (f.units[2].parent = 'u-nope'),
    expected: ['directory.json: units[2] (id "u-b"): parent "u-nope" does not exist'],
  },
  {
    when: 'a person’s unit does not exist',
    change: (f) => void (f.people[2].unit = 'u-y'),
    expected: ['directory.json: people[2] (aadObjectId "p-3"): unit "u-y" does not exist'],
  },
  {
    when: 'a managerId is not a person',
    change: (f) => void (f.people[1].managerId = 'p-gone'),
    expected: ['directory.json: people[1] (aadObjectId "p-2"): managerId "p-gone" is not a person in the file'],
  },
  {
    when: 'two units share an id',
    change: (f) => f.units.push({ id: 'u-a', name: 'Copy', parent: 'u-root', roles: {} }),
    expected: ['directory.json: units[3] (id "u-a"): duplicate id, already used by units[1]'],
  },
  {
    when: 'two people share an aadObjectId',
    change: (f) => f.people.push({ aadObjectId: 'p-1', name: 'Dubbel', unit: 'u-a', managerId: null }),
    expected: ['directory.json: people[3] (aadObjectId "p-1"): duplicate id, already used by people[0]'],
  },
  {
    when: 'two teams share an id',
    change: (f) => f.teams.push({ ...f.teams[0], name: 'Again' }),
    expected: ['directory.json: teams[1] (id "19:t@thread.tacv2"): duplicate id, already used by teams[0]'],
  },
  {
    when: 'units are each other’s parent',
    change: (f) => {
      f.units[1].parent = 'u-b';
    },
    expected: ['directory.json: units[1] (id "u-a"): parent cycle "u-a" → "u-b" → "u-a"'],
  },
  {
    when: 'a unit is its own parent',
    change: (f) => void (f.units[0] = { ...f.units[0], parent: 'u-root' } as File['units'][number]),
    expected: ['directory.json: units[0] (id "u-root"): parent cycle "u-root" → "u-root"'],
  },
  {
    when: 'a role holder is not a person',
    change: (f) => void (f.units[1].roles = { vertrouwenspersoon: ['p-2', 'p-ghost'] }),
    expected: ['directory.json: units[1] (id "u-a"): roles.vertrouwenspersoon[1] "p-ghost" is not a person in the file'],
  },
  {
    when: 'a role name is misspelt',
    change: (f) => void (f.units[1].roles = { vertrouwenspersonen: ['p-2'] } as File['units'][number]['roles']),
    expected: [/^directory\.json: units\[1\] \(id "u-a"\): roles\.vertrouwenspersonen: unknown role \(known roles: meldpunt, /],
  },
  {
    when: 'a team’s unit does not exist',
    change: (f) => void (f.teams[0].unit = 'u-gone'),
    expected: ['directory.json: teams[0] (id "19:t@thread.tacv2"): unit "u-gone" does not exist'],
  },
  {
    when: 'a person has no name',
    change: (f) => void delete (f.people[1] as Partial<File['people'][number]>).name,
    expected: [/^directory\.json: people\[1\] \(aadObjectId "p-2"\): name: /],
  },
  {
    when: 'a person has no aadObjectId',
    change: (f) => void delete (f.people[0] as Partial<File['people'][number]>).aadObjectId,
    expected: [/^directory\.json: people\[0\]: aadObjectId: /],
  },
  {
    when: 'a role holder is not a string',
    change: (f) => void (f.units[0].roles = { meldpunt: [42] } as unknown as File['units'][number]['roles']),
    expected: [/^directory\.json: units\[0\] \(id "u-root"\): roles\.meldpunt\[0\]: /],
  },
  {
    when: 'the people list is missing',
    change: (f) => void delete (f as Partial<File>).people,
    expected: [/^directory\.json: people: /],
  },
  {
    when: 'several things are wrong',
    change: (f) => {
      f.units[2].parent = 'u-nope';
      f.people[2].managerId = 'p-gone';
    },
    expected: [
      'directory.json: units[2] (id "u-b"): parent "u-nope" does not exist',
      'directory.json: people[2] (aadObjectId "p-3"): managerId "p-gone" is not a person in the file',
    ],
  },
];

describe('parseJsonDirectory validation', () => {
  it('when the file is valid, then it loads', () => {
    expect(() => parseJsonDirectory(validFile(), 'directory.json')).not.toThrow();
  });

  it('when managers form a cycle, then the file is still accepted (HR data has them)', () => {
    const file = validFile();
    file.people[0].managerId = 'p-3' as unknown as null;
    expect(() => parseJsonDirectory(file, 'directory.json')).not.toThrow();
  });

  it.each(cases)('when $when, then the error names the entry', ({ change, expected }) => {
    const file = validFile();
    change(file);
    const problems = problemsOf(() => parseJsonDirectory(file, 'directory.json'));
    expect(problems).toEqual(expected.map((line) => (typeof line === 'string' ? line : expect.stringMatching(line))));
  });

  it('when the JSON is not an object, then that is said with the file name', () => {
    expect(problemsOf(() => parseJsonDirectory([], 'directory.json'))).toEqual([expect.stringMatching(/^directory\.json: /)]);
  });
});

describe('loadJsonDirectory', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'vm-directory-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('when the file does not exist, then the error names it', () => {
    const path = join(folder, 'missing.json');
    expect(problemsOf(() => loadJsonDirectory(path))).toEqual([`${path}: cannot read the directory file (file not found)`]);
  });

  it('when the file is not valid JSON, then the error names it', () => {
    const path = join(folder, 'broken.json');
    writeFileSync(path, '{ "units": [ ');
    expect(problemsOf(() => loadJsonDirectory(path))).toEqual([expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON: `))]);
  });

  it('when the file has a bad entry, then the error starts with the file name', () => {
    const path = join(folder, 'directory.json');
    const file = validFile();
    file.people[2].unit = 'u-y';
    writeFileSync(path, JSON.stringify(file));
    expect(problemsOf(() => loadJsonDirectory(path))).toEqual([`${path}: people[2] (aadObjectId "p-3"): unit "u-y" does not exist`]);
  });
});
