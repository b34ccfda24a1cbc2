import { ConfigurationError } from '../domain/errors';
import { KEY_RING_PURPOSES, type KeyRing, type KeyRingPurpose, type KeySet } from './keyRing';
import { findSharedKeys, parseKeySet } from './parseKeyRing';

/** Where the key sets are kept, by secret name (Key Vault in production, a map in tests). */
export interface SecretSource {
  /** The secret's current value; undefined when there is no such secret. */
  getSecret(name: string): Promise<string | undefined>;
}

/**
 * Reads one secret per key purpose (`<prefix>-<purpose>`) and builds the ring; errors name the
 * secret, never its value. Every problem (missing secret, invalid JSON, bad keys, failed read)
 * is collected into one ConfigurationError, so a deployment is fixed in one round.
 */
export async function loadKeyRingFromKeyVault(source: SecretSource, prefix: string): Promise<KeyRing> {
  const results = await Promise.all(KEY_RING_PURPOSES.map((purpose) => readKeySet(source, `${prefix}-${purpose}`)));
  const problems = results.flatMap((result) => ('problems' in result ? result.problems : []));
  if (problems.length > 0) throw new ConfigurationError(problems);
  const ring = {} as Record<KeyRingPurpose, KeySet>;
  KEY_RING_PURPOSES.forEach((purpose, index) => {
    ring[purpose] = (results[index] as { set: KeySet }).set;
  });
  const shared = findSharedKeys(ring, (purpose) => `Key Vault secret "${prefix}-${purpose}"`);
  if (shared.length > 0) throw new ConfigurationError(shared);
  return ring;
}

async function readKeySet(source: SecretSource, name: string): Promise<{ set: KeySet } | { problems: readonly string[] }> {
  const label = `Key Vault secret "${name}"`;
  let value: string | undefined;
  try {
    value = await source.getSecret(name);
  } catch (error) {
    return { problems: [`${label}: could not be read (${error instanceof Error ? error.message : 'unknown error'}).`] };
  }
  if (value === undefined) return { problems: [`${label} does not exist: it holds this purpose's key set, { "active": "<kid>", "keys": { "<kid>": "<base64 32 bytes>" } }.`] };
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    // The parser's message quotes the text around the error, which here is key material.
    return { problems: [`${label} is not valid JSON.`] };
  }
  try {
    return { set: parseKeySet(json, label) };
  } catch (error) {
    if (error instanceof ConfigurationError) return { problems: error.problems };
    throw error;
  }
}
