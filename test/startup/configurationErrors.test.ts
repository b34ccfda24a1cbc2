import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetApplication } from '../../bot/composition';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { logStartupFailure } from '../../bot/startup/logStartupFailure';
import { checkBeforeListening } from '../../local/checkBeforeListening';
import { checkConfig } from '../../local/checkConfig';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';

/** A value that must never be printed, logged or answered. */
const SECRET = 'Geheim-9f3k-AccountKey';
const NO_SETTINGS_FILE = join(tmpdir(), 'vm-no-such-local.settings.json');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vm-config-errors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The demo directory with one unit's parent and one person's manager written wrongly. */
function brokenDirectoryFile(): { path: string; unit: string; person: string } {
  const demo = JSON.parse(readFileSync(join(__dirname, '../../config/directory.demo.json'), 'utf8')) as { units: Array<Record<string, unknown>>; people: Array<Record<string, unknown>> };
  demo.units[1].parent = 7;
  demo.people[0].managerId = false;
  const path = join(dir, `directory-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(demo));
  return { path, unit: String(demo.units[1].id), person: String(demo.people[0].aadObjectId) };
}

function ringJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }])), ...overrides });
}

describe('npm run check-config (issue 13)', () => {
  it('when the settings and files are valid (the demo), then exit code 0 and "valid"', async () => {
    const lines: string[] = [];
    expect(await checkConfig({ DATA_DIR: join(dir, 'data-ok') }, (line) => lines.push(line), NO_SETTINGS_FILE)).toBe(0);
    expect(lines).toContain('Configuration is valid.');
  });

  it('when a setting, the directory file, the deadline policy and the key ring are each wrong, then every problem is printed, naming setting, file, entry and field, and the exit code is 1', async () => {
    const broken = brokenDirectoryFile();
    const lines: string[] = [];
    const env = {
      DATA_DIR: join(dir, 'data-bad'),
      DRAFT_TTL_DAYS: 'two weeks',
      DIRECTORY_FILE: broken.path,
      DEADLINE_POLICY: '{"routes": 5}',
      COSMOS_ENDPOINT: 'not a url',
      COSMOS_KEY: SECRET,
      KEY_RING: ringJson({ relay: { active: 'constructor', keys: { k1: randomBytes(32).toString('base64') } } }),
    };
    expect(await checkConfig(env, (line) => lines.push(line), NO_SETTINGS_FILE)).toBe(1);
    const output = lines.join('\n');
    expect(output).toMatch(/\[configuration\] DRAFT_TTL_DAYS: /);
    expect(output).toMatch(/\[configuration\] COSMOS_ENDPOINT: /);
    expect(output).toContain(`[directory] ${broken.path}: units[1] (id "${broken.unit}"): parent: must be an id (text); for none, leave it out or write null or ""`);
    expect(output).toContain(`[directory] ${broken.path}: people[0] (aadObjectId "${broken.person}"): managerId: must be an id (text); for none, leave it out or write null or ""`);
    expect(output).toMatch(/\[configuration\] DEADLINE_POLICY/);
    expect(output).toContain('[keys] KEY_RING: relay: the active key must be listed in keys');
    expect(output).not.toContain(SECRET);
  });

  it('when the topic library file is missing, then it is named', async () => {
    const lines: string[] = [];
    expect(await checkConfig({ DATA_DIR: join(dir, 'data-topics'), TOPIC_LIBRARY_FILE: join(dir, 'no-library.json') }, (line) => lines.push(line), NO_SETTINGS_FILE)).toBe(1);
    expect(lines.join('\n')).toContain(join(dir, 'no-library.json'));
  });

  it('when the help file (HELP_CONTACTS_FILE) lacks a contact\'s number, then the file and the field are named', async () => {
    const help = JSON.parse(readFileSync(join(__dirname, '../../config/help.demo.json'), 'utf8')) as { contacts: Array<Record<string, unknown>> };
    delete help.contacts[0].phone;
    delete help.contacts[0].url;
    const file = join(dir, 'help-broken.json');
    writeFileSync(file, JSON.stringify(help));
    const lines: string[] = [];
    expect(await checkConfig({ DATA_DIR: join(dir, 'data-help'), HELP_CONTACTS_FILE: file }, (line) => lines.push(line), NO_SETTINGS_FILE)).toBe(1);
    expect(lines.join('\n')).toContain(`[configuration] ${file}: contacts.0.phone: needs a phone number or a link`);
  });
});

describe('npm start: the application is checked before the host listens (issue 13)', () => {
  afterEach(() => resetApplication());

  it('when the directory file is invalid, then every problem is printed and the host must not start', async () => {
    const broken = brokenDirectoryFile();
    const lines: string[] = [];
    const started = await checkBeforeListening({ DATA_DIR: join(dir, 'start-bad'), DIRECTORY_FILE: broken.path, COSMOS_KEY: SECRET }, (line) => lines.push(line));
    expect(started).toBe(false);
    const output = lines.join('\n');
    expect(output).toContain(`${broken.path}: units[1] (id "${broken.unit}"): parent`);
    expect(output).toContain(`${broken.path}: people[0] (aadObjectId "${broken.person}"): managerId`);
    expect(output).toContain('The local host did not start.');
    expect(output).not.toContain(SECRET);
  });

  it('when the settings are valid, then the application is built (local mode, with the local host\'s opt-in)', async () => {
    const lines: string[] = [];
    expect(await checkBeforeListening({ DATA_DIR: join(dir, 'start-ok'), LOG_LEVEL: 'silent' }, (line) => lines.push(line))).toBe(true);
    expect(lines).toEqual([]);
  });
});

describe('on Azure: start-up problems are logged once, with a reason code (issue 13)', () => {
  it('when the application cannot be built, then one JSON line names the reason and every problem, never a secret', async () => {
    const broken = brokenDirectoryFile();
    const lines: string[] = [];
    const failure = Object.assign(new Error(`AccountKey=${SECRET}`), { name: 'RestError', code: 'ECONNREFUSED' });
    await logStartupFailure(failure, { DIRECTORY_FILE: broken.path, MicrosoftAppPassword: SECRET }, (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0]) as { event: string; reason: string; problems: string[] };
    expect(logged.event).toBe('startup.failed');
    expect(logged.problems.some((problem) => problem.includes(`${broken.path}: units[1]`))).toBe(true);
    expect(lines[0]).not.toContain(SECRET);
  });
});

describe('GET /api/health answers 503 with the reason code (issue 13)', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ env: { LOG_LEVEL: 'loud' } });
  });
  afterAll(() => bot.stop({ removeData: true }));

  const health = async () => {
    const response = await fetch(`${bot.host.url}/api/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('when a setting is invalid, then reason "configuration"', async () => {
    expect(await health()).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'configuration' } });
  });

  it('when the directory file is invalid, then reason "directory"', async () => {
    const broken = brokenDirectoryFile();
    await bot.reconfigure({ DIRECTORY_FILE: broken.path });
    expect(await health()).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'directory' } });
  });

  it('when the key ring is invalid, then reason "keys", and the key is not in the answer', async () => {
    await bot.reconfigure({ KEY_RING: JSON.stringify({ content: { active: 'k1', keys: { [SECRET]: 'x' } } }) });
    const answer = await health();
    expect(answer).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'keys' } });
    expect(JSON.stringify(answer.body)).not.toContain(SECRET);
  });

  it('when the store cannot be opened, then reason "storage"', async () => {
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    await bot.reconfigure({ DATA_DIR: notADirectory, KEY_FILE: join(dir, 'storage-keys.json') });
    expect(await health()).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'storage' } });
  });

  it('when everything is fine again, then 200', async () => {
    await bot.reconfigure({});
    expect((await health()).status).toBe(200);
  });
});
