import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJsonDirectory } from '../../bot/directory/jsonDirectory';
import { ConfigurationError } from '../../bot/domain/errors';

/**
 * "This unit has no parent" and "this person has no manager", written the usual JSON ways in a
 * directory file on disk: left out, null, "" (or blank). Anything else names file, entry and field.
 */
describe('directory file: "none" for parent and manager', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vm-dir-none-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fileWith(root: Record<string, unknown>, boss: Record<string, unknown>): string {
    const path = join(dir, `directory-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(
      path,
      JSON.stringify({
        units: [{ id: 'u-root', name: 'Defensie', roles: { meldpunt: ['p-1'] }, ...root }, { id: 'u-a', name: 'Unit A', parent: 'u-root' }],
        people: [{ aadObjectId: 'p-1', name: 'Een', unit: 'u-root', ...boss }, { aadObjectId: 'p-2', name: 'Twee', unit: 'u-a', managerId: 'p-1' }],
      }),
    );
    return path;
  }

  function problemsOf(path: string): readonly string[] {
    try {
      loadJsonDirectory(path);
    } catch (error) {
      if (error instanceof ConfigurationError) return error.problems;
      throw error;
    }
    throw new Error('expected a ConfigurationError');
  }

  it.each([
    ['left out', {}, {}],
    ['null', { parent: null }, { managerId: null }],
    ['""', { parent: '' }, { managerId: '' }],
    ['blank', { parent: '  ' }, { managerId: ' ' }],
    ['parentId: null', { parentId: null }, { managerId: null }],
  ])('when "none" is written as %s, then the unit is a root and the person tops the manager chain', async (_how, root, boss) => {
    const directory = loadJsonDirectory(fileWith(root, boss));
    expect(directory.rootUnitIds()).toEqual(['u-root']);
    expect((await directory.managerChain('p-2')).map((person) => person.aadObjectId)).toEqual(['p-1']);
    expect(await directory.managerChain('p-1')).toEqual([]);
  });

  it.each([
    ['a number', { parent: 0 }, {}, 'units[0] (id "u-root"): parent: must be an id (text); for none, leave it out or write null or ""'],
    ['false', {}, { managerId: false }, 'people[0] (aadObjectId "p-1"): managerId: must be an id (text); for none, leave it out or write null or ""'],
    ['an object', { parentId: {} }, {}, 'units[0] (id "u-root"): parentId: must be an id (text); for none, leave it out or write null or ""'],
    ['"none"', { parent: 'none' }, {}, 'units[0] (id "u-root"): parent "none" does not exist'],
  ])('when "none" is written as %s, then the error names the file, the entry and the field', (_how, root, boss, expected) => {
    const path = fileWith(root, boss);
    expect(problemsOf(path)).toEqual([`${path}: ${expected}`]);
  });
});
