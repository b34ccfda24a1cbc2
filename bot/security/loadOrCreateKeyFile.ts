import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError } from '../domain/errors';
import { KEY_RING_PURPOSES } from './keyRing';
import type { KeyRing } from './keyRing';
import { parseKeyRing, type KeyRingJson } from './parseKeyRing';

/**
 * Local mode only: reads the key ring from `path`, creating it with fresh random keys on first
 * run. The file is created readable by its owner only (0600) and refused when others can read it.
 */
export function loadOrCreateKeyFile(path: string): KeyRing {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fresh: KeyRingJson = Object.fromEntries(
      KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }]),
    ) as unknown as KeyRingJson;
    writeFileSync(path, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    text = readFileSync(path, 'utf8');
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new ConfigurationError([`${path}: the key file must be readable by its owner only (chmod 600)`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigurationError([`${path}: not valid JSON`]);
  }
  return parseKeyRing(withNewPurposes(path, json), path);
}

/**
 * A key file written before a purpose was added (e.g. 'exclusion') gets a fresh key for each
 * missing purpose, written back, so a local data directory keeps working after an upgrade. The
 * keys already there are never changed.
 */
function withNewPurposes(path: string, json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const missing = KEY_RING_PURPOSES.filter((purpose) => !Object.prototype.hasOwnProperty.call(json, purpose));
  if (missing.length === 0) return json;
  const completed = { ...(json as Record<string, unknown>) };
  for (const purpose of missing) completed[purpose] = { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } };
  writeFileSync(path, JSON.stringify(completed, null, 2), { mode: 0o600 });
  return completed;
}
