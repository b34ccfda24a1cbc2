/**
 * Reads the Bicep text (the Bicep CLI cannot run on these machines) and compares it with what the
 * code needs: the Cosmos DB containers, partition keys, unique keys and index paths the storage
 * code uses, and the app settings production requires. Pure functions over text, so a test can
 * show each check fails on a mutated copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { ConfigurationError } from '../../bot/domain/errors';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { COSMOS_CONTAINERS, COSMOS_INDEXING_POLICY } from '../../bot/storage/cosmosContainerSpecs';

export const REPOSITORY_ROOT = join(__dirname, '../..');

/** The text of the files the checks read. */
export interface InfraTexts {
  cosmosBicep: string;
  functionAppBicep: string;
  keyVaultBicep: string;
  createKeySetsScript: string;
}

export function readInfraTexts(): InfraTexts {
  const read = (path: string) => readFileSync(join(REPOSITORY_ROOT, path), 'utf8');
  return {
    cosmosBicep: read('infra/modules/cosmos.bicep'),
    functionAppBicep: read('infra/modules/functionApp.bicep'),
    keyVaultBicep: read('infra/modules/keyVault.bicep'),
    createKeySetsScript: read('infra/scripts/create-key-sets.sh'),
  };
}

/** The text of `var <name> = [ … ]` or `{ … }` up to its matching bracket. */
export function bicepVariable(text: string, name: string): string | undefined {
  const start = new RegExp(`^var ${name} = ([\\[{])`, 'm').exec(text);
  if (!start) return undefined;
  const open = start[1]!;
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  for (let i = start.index + start[0].length - 1; i < text.length; i += 1) {
    if (text[i] === open) depth += 1;
    else if (text[i] === close && --depth === 0) return text.slice(start.index, i + 1);
  }
  return undefined;
}

/** The `{ … }` entries directly inside an array's text (`[ { … } { … } ]`), nested ones kept whole. */
function topLevelObjects(arrayText: string): string[] {
  const objects: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < arrayText.length; i += 1) {
    const char = arrayText[i];
    if (char === '[' || char === '{') {
      depth += 1;
      if (char === '{' && depth === 2) start = i;
    } else if (char === ']' || char === '}') {
      if (char === '}' && depth === 2) objects.push(arrayText.slice(start, i + 1));
      depth -= 1;
    }
  }
  return objects;
}

export interface DeclaredContainer {
  name: string;
  partitionKeyPath?: string;
  uniqueKeys: string[][];
}

/** The entries of `var containers` in cosmos.bicep: `name`, `partitionKeyPath`, `uniqueKeys` (`[ { paths: [ '/a' ] } ]`). */
export function declaredContainers(cosmosBicep: string): DeclaredContainer[] {
  const entries = topLevelObjects(bicepVariable(cosmosBicep, 'containers') ?? '');
  return entries.map((entry) => ({
    name: /name: '([^']+)'/.exec(entry)?.[1] ?? '',
    partitionKeyPath: /partitionKeyPath: '([^']+)'/.exec(entry)?.[1],
    uniqueKeys: [...entry.matchAll(/paths: \[([^\]]*)\]/g)].map((match) => [...match[1]!.matchAll(/'([^']+)'/g)].map((path) => path[1]!)),
  }));
}

/** `includedPaths` and `excludedPaths` of `var indexingPolicy` in cosmos.bicep. */
export function declaredIndexingPolicy(cosmosBicep: string): { mode?: string; included: string[]; excluded: string[] } {
  const block = bicepVariable(cosmosBicep, 'indexingPolicy') ?? '';
  const paths = (text: string) => [...text.matchAll(/path: '([^']+)'/g)].map((match) => match[1]!);
  const sectionOf = (key: string) => new RegExp(`${key}: \\[([\\s\\S]*?)\\n\\s*\\]`).exec(block)?.[1] ?? '';
  return { mode: /indexingMode: '([^']+)'/.exec(block)?.[1], included: paths(sectionOf('includedPaths')), excluded: paths(sectionOf('excludedPaths')) };
}

/** Whether a Cosmos DB index path (`/*`, `/a/?`, `/a/*`) covers the top-level property `field`. */
export function pathCovers(indexPath: string, field: string): boolean {
  if (indexPath === '/*') return true;
  const bare = indexPath.replace(/^\//, '').replace(/\/(\?|\*)$/, '').replace(/^"(.*)"$/, '$1');
  return bare === field;
}

/** Every top-level field the storage code filters or sorts on (`field: '…'`, `listEarliestUpTo(…, '…'`). */
export function queriedFields(root = REPOSITORY_ROOT): string[] {
  const dir = join(root, 'bot/storage');
  const fields = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => /^document.*Repository\.ts$/.test(name))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const match of text.matchAll(/field: '([A-Za-z0-9_]+)'/g)) fields.add(match[1]!);
    for (const match of text.matchAll(/listEarliestUpTo\(\s*this\.container,\s*'([A-Za-z0-9_]+)'/g)) fields.add(match[1]!);
  }
  return [...fields].sort();
}

export interface DeclaredSetting {
  name: string;
  /** The Bicep expression as written. */
  value: string;
}

/** `{ name: '…' value: … }` entries of the settings arrays in functionApp.bicep (`var settings`, `var passwordSetting`). */
export function declaredSettings(functionAppBicep: string): DeclaredSetting[] {
  const blocks = [bicepVariable(functionAppBicep, 'settings') ?? '', /var passwordSetting = [^\n]*\n([\s\S]*?)\n\]/.exec(functionAppBicep)?.[1] ?? ''];
  return blocks.flatMap((block) => [...block.matchAll(/name: '([A-Za-z0-9_]+)'\s*\n\s*value: ([^\n]+)/g)].map((match) => ({ name: match[1]!, value: match[2]!.trim() })));
}

/** A plausible value for a setting whose Bicep value is an expression (resolved only at deployment). */
function sampleValue(setting: DeclaredSetting, bicep: string): string {
  const literal = /^'([^'$]*)'$/.exec(setting.value);
  if (literal) return literal[1]!;
  // A parameter with a literal default (e.g. `param directorySource string = 'file'`): that default.
  const paramDefault = /^[A-Za-z_][A-Za-z0-9_]*$/.test(setting.value) ? new RegExp(`^param ${setting.value} \\w+ = '([^'$]*)'$`, 'm').exec(bicep) : null;
  if (paramDefault) return paramDefault[1]!;
  if (/(URL|ENDPOINT)$/i.test(setting.name)) return 'https://resolved-at-deployment.example.net/';
  return 'resolved-at-deployment';
}

/** Settings whose value is a secret: only ever a Key Vault reference, never a value. */
const SECRET_SETTINGS = ['MicrosoftAppPassword', 'COSMOS_KEY', 'KEY_RING'];

/** The `%NAME%` settings the timer functions read (a missing one stops the Functions host from indexing the function). */
export function timerScheduleSettings(root = REPOSITORY_ROOT): string[] {
  const dir = join(root, 'functions');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/'%([A-Za-z0-9_]+)%'/g)) names.add(match[1]!);
  }
  return [...names].sort();
}

/** Every disagreement between the Bicep text and the code; empty when they agree. */
export function infraProblems(texts: InfraTexts, fields = queriedFields(), schedules = timerScheduleSettings()): string[] {
  const problems: string[] = [];

  const declared = declaredContainers(texts.cosmosBicep);
  for (const spec of COSMOS_CONTAINERS) {
    const container = declared.find((candidate) => candidate.name === spec.name);
    if (!container) {
      problems.push(`cosmos.bicep: container "${spec.name}" (used by the code) is not declared`);
      continue;
    }
    if (container.partitionKeyPath !== spec.partitionKeyPath) problems.push(`cosmos.bicep: container "${spec.name}" has partition key ${container.partitionKeyPath ?? '(none)'}, the code uses ${spec.partitionKeyPath}`);
    const want = JSON.stringify(spec.uniqueKeys.map((paths) => [...paths].sort()));
    const have = JSON.stringify(container.uniqueKeys.map((paths) => [...paths].sort()));
    if (want !== have) problems.push(`cosmos.bicep: container "${spec.name}" has unique keys ${have}, the code expects ${want}`);
  }
  for (const container of declared) {
    if (!COSMOS_CONTAINERS.some((spec) => spec.name === container.name)) problems.push(`cosmos.bicep: container "${container.name}" is not used by the code`);
  }

  const policy = declaredIndexingPolicy(texts.cosmosBicep);
  if (policy.mode !== COSMOS_INDEXING_POLICY.indexingMode) problems.push(`cosmos.bicep: indexingMode is ${policy.mode ?? '(none)'}, the code needs ${COSMOS_INDEXING_POLICY.indexingMode} (queries must see their own writes)`);
  for (const field of fields) {
    if (!policy.included.some((path) => pathCovers(path, field)) || policy.excluded.some((path) => pathCovers(path, field))) {
      problems.push(`cosmos.bicep: the indexing policy does not index "/${field}/?", which the storage code filters or sorts on`);
    }
    const codeIncluded = COSMOS_INDEXING_POLICY.includedPaths.some((entry) => pathCovers(entry.path, field));
    const codeExcluded = COSMOS_INDEXING_POLICY.excludedPaths.some((entry) => pathCovers(entry.path, field));
    if (!codeIncluded || codeExcluded) problems.push(`cosmosContainerSpecs.ts: COSMOS_INDEXING_POLICY does not index "/${field}/?"`);
  }

  const settings = declaredSettings(texts.functionAppBicep);
  const env: NodeJS.ProcessEnv = Object.fromEntries(settings.map((setting) => [setting.name, sampleValue(setting, texts.functionAppBicep)]));
  try {
    const config = loadConfig({ ...env, WEBSITE_INSTANCE_ID: 'azure' });
    if (config.mode !== 'production') problems.push('functionApp.bicep: the settings do not switch on production mode (MicrosoftAppId)');
    if (config.storage.kind !== 'cosmos') problems.push('functionApp.bicep: the settings do not select Cosmos DB (COSMOS_ENDPOINT)');
    if (config.keys.kind !== 'keyVault') problems.push('functionApp.bicep: the keys do not come from Key Vault (KEY_VAULT_URL)');
    if (!config.managedIdentityClientId) problems.push('functionApp.bicep: AZURE_CLIENT_ID is not set: Cosmos DB and Key Vault would be reached with a system-assigned identity the app does not have');
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) problems.push(`functionApp.bicep: production refuses these settings: ${problem}`);
  }
  for (const setting of settings) {
    if (SECRET_SETTINGS.includes(setting.name) && !setting.value.startsWith("'@Microsoft.KeyVault(")) {
      problems.push(`functionApp.bicep: ${setting.name} holds a secret: it may only be a Key Vault reference`);
    }
  }
  for (const name of schedules) {
    if (!settings.some((setting) => setting.name === name)) problems.push(`functionApp.bicep: ${name} is not set, but a timer function reads %${name}%`);
  }
  if (!/runtime: \{\s*name: 'node'\s*version: '22'\s*\}/.test(texts.functionAppBicep)) problems.push('functionApp.bicep: the runtime is not node 22');
  // Production refuses to start without a secret per key set: the vault and the script that creates them must name each.
  const declaredPurposes = [...(bicepVariable(texts.keyVaultBicep, 'purposes') ?? '').matchAll(/'([a-z]+)'/g)].map((match) => match[1]!);
  const scriptPurposes = /for purpose in ([a-z ]+); do/.exec(texts.createKeySetsScript)?.[1]?.split(' ') ?? [];
  for (const purpose of KEY_RING_PURPOSES) {
    if (!declaredPurposes.includes(purpose)) problems.push(`keyVault.bicep: the key set "${purpose}" is not in purposes, but production reads <prefix>-${purpose}`);
    if (!scriptPurposes.includes(purpose)) problems.push(`create-key-sets.sh: the key set "${purpose}" is not created, but production reads <prefix>-${purpose}`);
  }
  return problems;
}
