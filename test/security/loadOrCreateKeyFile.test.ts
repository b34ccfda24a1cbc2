import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { loadOrCreateKeyFile } from '../../bot/security/loadOrCreateKeyFile';

describe('the local key file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vm-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when a key file from before the exclusion key is opened, then it gains a fresh exclusion key, keeps every key it had and stays 0600', () => {
    const path = join(dir, 'keys.json');
    const old = Object.fromEntries(['content', 'identity', 'address', 'relay', 'pseudonym'].map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }]));
    writeFileSync(path, JSON.stringify(old), { mode: 0o600 });
    const ring = loadOrCreateKeyFile(path);
    expect(Object.keys(ring).sort()).toEqual([...KEY_RING_PURPOSES].sort());
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { keys: Record<string, string> }>;
    for (const purpose of Object.keys(old)) expect(stored[purpose]).toEqual(old[purpose]);
    expect(Buffer.from(stored.exclusion.keys.k1, 'base64')).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('when there is no key file, then one with a key set for every purpose is created', () => {
    const ring = loadOrCreateKeyFile(join(dir, 'sub', 'keys.json'));
    expect(Object.keys(ring).sort()).toEqual([...KEY_RING_PURPOSES].sort());
  });
});
