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
  return parseKeyRing(json, path);
}
