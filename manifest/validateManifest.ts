import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** A manifest (or localization file) that cannot be packaged; `problems` lists every reason. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';

  constructor(
    summary: string,
    readonly problems: readonly string[],
  ) {
    super([summary, ...problems.map((problem) => `  - ${problem}`)].join('\n'));
  }
}

/** The parts of a Teams manifest the package build reads; the schema checks the rest. */
export interface TeamsManifest {
  manifestVersion: string;
  icons: { color: string; outline: string; color32x32?: string };
  localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { languageTag: string; file: string }[] };
  validDomains?: string[];
  [property: string]: unknown;
}

/** Which of the schemas shipped per manifest version to check against. */
export type TeamsSchemaName = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

const placeholderPattern = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const validators = new Map<string, ValidateFunction>();

// The schemas that @microsoft/app-manifest ships, one folder per manifest version (v1.19 … v1.30).
// Read from disk: the package's own validate function downloads `$schema`, and builds run offline.
function schemaFolder(manifestVersion: string): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return join(dirname(packageJson), 'build', 'json-schemas', 'teams', `v${manifestVersion}`);
}

function validatorFor(manifestVersion: string, schemaName: TeamsSchemaName): ValidateFunction {
  const file = join(schemaFolder(manifestVersion), schemaName);
  let validate = validators.get(file);
  if (!validate) {
    let schemaText: string;
    try {
      schemaText = readFileSync(file, 'utf8');
    } catch {
      throw new ManifestError(`No Teams schema for manifestVersion "${manifestVersion}" in @microsoft/app-manifest.`, [
        `expected ${file}`,
      ]);
    }
    // The Teams schemas are draft-04 and not strict about types; some of their patterns are not
    // valid as Unicode regular expressions, which Ajv uses by default.
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(schemaText) as object);
    validators.set(file, validate);
  }
  return validate;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (typeof params.additionalProperty === 'string') detail = ` (${params.additionalProperty})`;
  else if (Array.isArray(params.allowedValues)) detail = ` (${params.allowedValues.join(', ')})`;
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

/**
 * Replaces each `${{NAME}}` in a manifest template by the environment variable `NAME`, escaped
 * for a JSON string.
 *
 * @throws ManifestError listing every placeholder whose variable is unset or blank
 */
export function fillPlaceholders(template: string, env: NodeJS.ProcessEnv): string {
  const names = [...new Set([...template.matchAll(placeholderPattern)].map((match) => match[1]))];
  const missing = names.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new ManifestError(
      'Set these environment variables to build the Teams app package:',
      missing.map((name) => `${name} (used as \${{${name}}} in the manifest)`),
    );
  }
  return template.replace(placeholderPattern, (_match, name: string) => JSON.stringify(env[name]!.trim()).slice(1, -1));
}

/**
 * Checks a parsed manifest or localization file against the official Teams schema of
 * `manifestVersion`, as shipped in `@microsoft/app-manifest`.
 *
 * @returns one readable line per problem (`/developer must have required property 'name'`); empty if valid
 */
export function schemaProblems(document: unknown, manifestVersion: string, schemaName: TeamsSchemaName = 'MicrosoftTeams.schema.json'): string[] {
  const validate = validatorFor(manifestVersion, schemaName);
  return validate(document) ? [] : (validate.errors ?? []).map(describeError);
}

/**
 * Turns the manifest template into the manifest to package: fills the `${{NAME}}` placeholders
 * from `env` (TEAMS_APP_ID, BOT_ID, BOT_DOMAIN), then checks the result against the official
 * schema of its `manifestVersion`, plus what the schema cannot say: `$schema` names that same
 * version, and `validDomains` are bare host names.
 *
 * @throws ManifestError naming the missing variables, or listing every schema problem
 */
export function validateManifest(template: string, env: NodeJS.ProcessEnv): TeamsManifest {
  const manifest = JSON.parse(fillPlaceholders(template, env)) as TeamsManifest;
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  if (!version) throw new ManifestError('The manifest is not valid:', ["/ must have required property 'manifestVersion'"]);

  const problems = schemaProblems(manifest, version);
  const schemaUrl = manifest.$schema;
  if (typeof schemaUrl === 'string' && !schemaUrl.endsWith(`/v${version}/MicrosoftTeams.schema.json`)) {
    problems.push(`/$schema must be the v${version} schema, like manifestVersion`);
  }
  (manifest.validDomains ?? []).forEach((domain, index) => {
    if (typeof domain === 'string' && domain.includes('/')) {
      problems.push(`/validDomains/${index} must be a host name such as vm-bot.azurewebsites.net, without scheme or path`);
    }
  });
  if (problems.length > 0) throw new ManifestError(`The manifest does not match the Teams manifest schema v${version}:`, problems);
  return manifest;
}
