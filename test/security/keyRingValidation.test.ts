import { randomBytes } from 'node:crypto';
import { createApplication } from '../../bot/composition';
import { ConfigurationError } from '../../bot/domain/errors';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { loadKeyRingFromKeyVault } from '../../bot/security/loadKeyRingFromKeyVault';
import { parseKeyRing } from '../../bot/security/parseKeyRing';
import { PRODUCTION_SETTINGS } from '../fixtures/productionSettings';

const key = () => randomBytes(32).toString('base64');

function ring(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: key() } }])), ...overrides };
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('KEY_RING validation (issue 10, section 5)', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('when the active key id is the prototype name "%s", then the ring is refused naming the key set', (active) => {
    const problems = problemsOf(() => parseKeyRing(ring({ identity: { active, keys: { k1: key() } } }), 'KEY_RING'));
    expect(problems).toEqual(['KEY_RING: identity: the active key must be listed in keys']);
  });

  it('when two purposes hold the same key (under any key id), then the ring is refused naming both key sets and never the key', () => {
    const shared = key();
    const json = ring({ content: { active: 'k2', keys: { k1: key(), k2: shared } }, pseudonym: { active: 'p1', keys: { p1: shared } } });
    const problems = problemsOf(() => parseKeyRing(json, 'KEY_RING'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('KEY_RING: content (key "k2")');
    expect(problems[0]).toContain('KEY_RING: pseudonym (key "p1")');
    expect(problems.join('\n')).not.toContain(shared);
  });

  it('when every purpose has the same key, then every pair is named', () => {
    const shared = key();
    const json = Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: shared } }]));
    // Every pair of purposes: n × (n − 1) / 2.
    expect(problemsOf(() => parseKeyRing(json, 'KEY_RING'))).toHaveLength((KEY_RING_PURPOSES.length * (KEY_RING_PURPOSES.length - 1)) / 2);
  });

  it('when distinct keys are given, then the ring is accepted', () => {
    expect(parseKeyRing(ring(), 'KEY_RING').content.active).toBe('k1');
  });

  it('when Key Vault secrets of two purposes hold the same key, then start-up names both secrets', async () => {
    const shared = key();
    const secrets = new Map(KEY_RING_PURPOSES.map((purpose) => [`vm-keys-${purpose}`, JSON.stringify({ active: 'k1', keys: { k1: purpose === 'address' || purpose === 'relay' ? shared : key() } })]));
    const error = await loadKeyRingFromKeyVault({ getSecret: async (name) => secrets.get(name) }, 'vm-keys').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems;
    expect(problems).toEqual([expect.stringContaining('Key Vault secret "vm-keys-address" (key "k1") and Key Vault secret "vm-keys-relay" (key "k1") hold the same key')]);
    expect(problems.join('\n')).not.toContain(shared);
  });

  it('when production starts with such a KEY_RING, then start-up fails before anything else is opened, naming the key set', async () => {
    const error = await createApplication({ env: { ...PRODUCTION_SETTINGS, KEY_RING: JSON.stringify(ring({ relay: { active: 'constructor', keys: { k1: key() } } })) } }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual(['KEY_RING: relay: the active key must be listed in keys']);
  });
});
