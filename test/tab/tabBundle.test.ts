/**
 * What goes into the tab's script (tab/buildTab.ts): the page takes constants and texts from the
 * domain and the cards, but none of the server's libraries. One domain import of the wrong module
 * (the working calendar, a parser) once put date-holidays with moment-timezone, and zod, into the
 * bundle: over a megabyte every handler downloads and never runs.
 */
import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { tabBuildOptions } from '../../tab/buildTab';

/** Packages the server uses that the page has no use for. */
const SERVER_ONLY = ['zod', 'luxon', 'date-holidays', 'date-holidays-parser', 'moment', 'moment-timezone', 'astronomia', 'croner', 'jose', '@azure', '@microsoft/agents-hosting', 'adaptivecards-templating'];

describe('the tab’s bundle', () => {
  let metafile: Metafile;

  beforeAll(async () => {
    const root = join(__dirname, '..', '..');
    ({ metafile } = await build({ ...tabBuildOptions(root), outfile: join(root, 'dist', 'tab-bundle-check.js'), write: false, metafile: true, logLevel: 'silent' }));
  }, 120_000);

  const packagesIn = (): Set<string> =>
    new Set(Object.keys(metafile.inputs).map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]).filter((name): name is string => name !== undefined));

  it('when the tab is bundled, then none of the server’s libraries is in it', () => {
    const packages = packagesIn();
    expect(packages.has('react-dom')).toBe(true);
    expect([...packages].filter((name) => SERVER_ONLY.some((server) => name === server || name.startsWith(`${server}/`)))).toEqual([]);
  });

  it('when the tab is bundled, then of the server’s own code it takes only modules without imports of libraries (texts, constants, limits)', () => {
    const own = Object.keys(metafile.inputs).filter((path) => path.startsWith('bot/'));
    for (const path of own) {
      const libraries = metafile.inputs[path].imports.filter((item) => item.path.includes('node_modules/'));
      expect({ path, libraries }).toEqual({ path, libraries: [] });
    }
  });
});
