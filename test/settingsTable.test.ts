import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZURE_HOST_INDICATORS, SETTING_NAMES } from '../bot/config';

const root = join(__dirname, '..');

/** The names in the first column of the README's settings table (each in backticks, several per row allowed). */
function readmeSettingNames(): Set<string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Settings'), readme.indexOf('\n## ', readme.indexOf('\n## Settings') + 1));
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split('|')[1];
    for (const match of firstCell.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)) names.add(match[1]);
  }
  return names;
}

/** Settings the Functions registrations read themselves: the timers' `%NAME%` schedules. */
function timerScheduleSettings(): string[] {
  const dir = join(root, 'functions');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/'%([A-Z_]+)%'/g)].map((match) => match[1]));
}

describe('README settings table (issue 13)', () => {
  const documented = readmeSettingNames();
  // PORT is read by the local host (local/startLocalHost.ts), not by bot/config.ts.
  const readElsewhere = new Set(['PORT', ...timerScheduleSettings()]);

  it('lists every setting bot/config.ts reads, the Azure host indicators included', () => {
    const missing = [...SETTING_NAMES, ...AZURE_HOST_INDICATORS].filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('lists nothing that no code reads', () => {
    const read = new Set([...SETTING_NAMES, ...AZURE_HOST_INDICATORS, ...readElsewhere]);
    expect([...documented].filter((name) => !read.has(name))).toEqual([]);
  });

  it('lists every timer schedule the functions read', () => {
    expect(timerScheduleSettings().filter((name) => !documented.has(name))).toEqual([]);
  });
});
