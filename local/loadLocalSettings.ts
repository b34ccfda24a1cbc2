import { existsSync, readFileSync } from 'node:fs';

/**
 * Reads `local.settings.json` (the Azure Functions convention for local app settings) and puts
 * its `Values` into `env` where `env` has no value yet, as Core Tools does. The committed file
 * holds defaults only, never secrets. Returns the names it set.
 */
export function loadLocalSettings(path: string, env: NodeJS.ProcessEnv): string[] {
  if (!existsSync(path)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not valid JSON.`);
  }
  const values = (parsed as { Values?: unknown }).Values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new Error(`${path}: "Values" must be an object of settings.`);
  const set: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') throw new Error(`${path}: Values.${name} must be a string.`);
    if (env[name] === undefined) {
      env[name] = value;
      set.push(name);
    }
  }
  return set;
}
