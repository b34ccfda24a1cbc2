import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChatCommand } from '../../bot/teams/chatCommand';
import { fillPlaceholders, ManifestError, schemaProblems, validateManifest } from '../../manifest/validateManifest';

const manifestDir = join(__dirname, '..', '..', 'manifest');
const template = readFileSync(join(manifestDir, 'manifest.json'), 'utf8');
const sampleEnv = {
  TEAMS_APP_ID: '6f1f3a52-8c1e-4f0a-9d5e-1b2c3d4e5f60',
  BOT_ID: '0b8e2f44-3c6d-4e7f-8a9b-0c1d2e3f4a5b',
  BOT_DOMAIN: 'veilig-melden.example.net',
};

function templateWith(change: (manifest: Record<string, unknown>) => void): string {
  const manifest = JSON.parse(template) as Record<string, unknown>;
  change(manifest);
  return JSON.stringify(manifest);
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

describe('validateManifest', () => {
  it('when the template is filled with sample values, then it matches the official schema', () => {
    const manifest = validateManifest(template, sampleEnv);

    expect(manifest).toMatchObject({
      id: sampleEnv.TEAMS_APP_ID,
      bots: [{ botId: sampleEnv.BOT_ID }],
      webApplicationInfo: { id: sampleEnv.BOT_ID },
      validDomains: [sampleEnv.BOT_DOMAIN],
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('when filled, then it declares the bot the product needs', () => {
    const manifest = validateManifest(template, sampleEnv) as unknown as {
      name: { short: string };
      developer: { name: string };
      bots: { scopes: string[]; supportsFiles: boolean; isNotificationOnly: boolean; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
      authorization: unknown;
    };
    const [bot] = manifest.bots;

    expect(manifest.name.short).toBe('Veilig Melden');
    expect(manifest.developer.name).toBe('Ministerie van Defensie');
    expect(bot).toMatchObject({ scopes: ['personal', 'team'], supportsFiles: false, isNotificationOnly: false });
    expect(bot.commandLists.map((list) => [list.scopes, list.commands.map((command) => command.title)])).toEqual([
      [['personal'], ['melden', 'status', 'help', 'overdracht', 'inzichten', 'logboek', 'lessen']],
      [['team'], ['agenda']],
    ]);
    expect(manifest.authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'TeamMember.Read.Group', type: 'Application' }] },
    });
  });

  it('when a personal command is sent as a message, then the bot reads it as that command', () => {
    const manifest = validateManifest(template, sampleEnv) as unknown as { bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[] };
    const personal = manifest.bots[0].commandLists.find((list) => list.scopes.includes('personal'))!;
    expect(personal.commands.map((command) => [command.title, readChatCommand(command.title)])).toEqual([
      ['melden', 'report'],
      ['status', 'status'],
      ['help', 'welcome'],
      ['overdracht', 'handover'],
      ['inzichten', 'insights'],
      ['logboek', 'audit'],
      ['lessen', 'lessons'],
    ]);
  });

  it('when a required field is missing, then the error names that field', () => {
    const withoutDeveloper = templateWith((manifest) => delete manifest.developer);

    expect(() => validateManifest(withoutDeveloper, sampleEnv)).toThrow(ManifestError);
    expect(problemsOf(() => validateManifest(withoutDeveloper, sampleEnv))).toEqual(["/ must have required property 'developer'"]);
  });

  it('when a nested required field is missing, then the error gives its path', () => {
    const withoutBotId = templateWith((manifest) => delete (manifest.bots as Record<string, unknown>[])[0].botId);

    expect(problemsOf(() => validateManifest(withoutBotId, sampleEnv))).toContain("/bots/0 must have required property 'botId'");
  });

  it('when environment variables are missing, then the error lists each of them and nothing is validated', () => {
    const run = () => validateManifest(template, { TEAMS_APP_ID: sampleEnv.TEAMS_APP_ID, BOT_DOMAIN: '  ' });

    expect(run).toThrow(/environment variables/);
    expect(problemsOf(run)).toEqual([
      'BOT_ID (used as ${{BOT_ID}} in the manifest)',
      'BOT_DOMAIN (used as ${{BOT_DOMAIN}} in the manifest)',
    ]);
  });

  it('when BOT_ID is not a GUID, then both places that use it are reported', () => {
    const problems = problemsOf(() => validateManifest(template, { ...sampleEnv, BOT_ID: 'not-a-guid' }));

    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^\/bots\/0\/botId must match pattern/), expect.stringMatching(/^\/webApplicationInfo\/id must match pattern/)]));
  });

  it('when BOT_DOMAIN is a URL, then it is refused as a valid domain', () => {
    const problems = problemsOf(() => validateManifest(template, { ...sampleEnv, BOT_DOMAIN: 'https://veilig-melden.example.net/' }));

    expect(problems).toEqual(['/validDomains/0 must be a host name such as vm-bot.azurewebsites.net, without scheme or path']);
  });

  it('when $schema names another version than manifestVersion, then that is reported', () => {
    const mismatched = templateWith((manifest) => (manifest.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json'));

    expect(problemsOf(() => validateManifest(mismatched, sampleEnv))).toEqual(['/$schema must be the v1.30 schema, like manifestVersion']);
  });

  it('when manifestVersion has no shipped schema, then the error says so', () => {
    const unknownVersion = templateWith((manifest) => (manifest.manifestVersion = '0.9'));

    expect(() => validateManifest(unknownVersion, sampleEnv)).toThrow('No Teams schema for manifestVersion "0.9"');
  });
});

describe('fillPlaceholders', () => {
  it('when a value contains JSON syntax, then it stays inside its string', () => {
    expect(JSON.parse(fillPlaceholders('{"a":"${{X}}","b":"${{ X }}"}', { X: 'say "hi"\\' }))).toEqual({ a: 'say "hi"\\', b: 'say "hi"\\' });
  });
});

describe('Dutch localization', () => {
  it('when nl.json is checked, then it matches the official localization schema', () => {
    const localization = JSON.parse(readFileSync(join(manifestDir, 'nl.json'), 'utf8')) as unknown;

    expect(schemaProblems(localization, '1.30', 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
  });
});
