import { z } from 'zod';
import { ConfigurationError } from '../domain/errors';
import { KEY_RING_PURPOSES, type KeyRing, type KeyRingPurpose, type KeySet } from './keyRing';

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const keyId = z.string().regex(KEY_ID, 'key ids use letters, digits, - and _ (at most 64)');
const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'each key is 32 bytes, base64-encoded');

const keySetSchema = z
  .object({ active: keyId, keys: z.record(keyId, base64Key) })
  // Own keys only: `in` would also find `constructor`, `toString`… on the object's prototype.
  .refine((set) => Object.hasOwn(set.keys, set.active), 'the active key must be listed in keys');

const keyRingSchema = z.object(
  Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, keySetSchema])) as Record<KeyRingPurpose, typeof keySetSchema>,
);

/** The serialised form: `{ "<purpose>": { "active": "<kid>", "keys": { "<kid>": "<base64 32 bytes>" } } }`. */
export type KeyRingJson = z.input<typeof keyRingSchema>;

/** The serialised form of one purpose's keys: `{ "active": "<kid>", "keys": { "<kid>": "<base64 32 bytes>" } }`. */
export type KeySetJson = z.input<typeof keySetSchema>;

/**
 * Validates a key ring read from a key file or a secret store.
 * @param source names where it came from, for the error message (never the keys themselves).
 */
export function parseKeyRing(json: unknown, source: string): KeyRing {
  const parsed = keyRingSchema.safeParse(json);
  if (!parsed.success) throw new ConfigurationError(describeIssues(parsed.error.issues, source));
  const ring = {} as Record<KeyRingPurpose, KeySet>;
  for (const purpose of KEY_RING_PURPOSES) ring[purpose] = toKeySet(parsed.data[purpose]);
  const shared = findSharedKeys(ring, (purpose) => `${source}: ${purpose}`);
  if (shared.length > 0) throw new ConfigurationError(shared);
  return ring;
}

/**
 * The key sets that hold the same key as another purpose's, one problem per pair. Each purpose
 * has keys of its own so that one leaked or misused key opens one kind of data only (a content
 * key that is also the pseudonym key would, for instance, link pseudonyms to whoever reads
 * content). Names the key sets and key ids, never the keys.
 * @param label names a purpose's key set for the message (the source and purpose, or the secret).
 */
export function findSharedKeys(ring: KeyRing, label: (purpose: KeyRingPurpose) => string): string[] {
  const problems: string[] = [];
  KEY_RING_PURPOSES.forEach((purpose, index) => {
    for (const other of KEY_RING_PURPOSES.slice(index + 1)) {
      for (const [kid, key] of ring[purpose].keys) {
        for (const [otherKid, otherKey] of ring[other].keys) {
          if (key.equals(otherKey)) {
            problems.push(`${label(purpose)} (key "${printablePathSegment(kid)}") and ${label(other)} (key "${printablePathSegment(otherKid)}") hold the same key: each purpose needs keys of its own.`);
          }
        }
      }
    }
  });
  return problems;
}

/**
 * Validates the keys of one purpose, as kept in a secret store that holds one secret per purpose.
 * @param source names where it came from, for the error message (never the keys themselves).
 */
export function parseKeySet(json: unknown, source: string): KeySet {
  const parsed = keySetSchema.safeParse(json);
  if (!parsed.success) throw new ConfigurationError(describeIssues(parsed.error.issues, source));
  return toKeySet(parsed.data);
}

function toKeySet(set: z.output<typeof keySetSchema>): KeySet {
  return {
    active: set.active,
    keys: new Map(Object.entries(set.keys).map(([kid, key]) => [kid, Buffer.from(key, 'base64')])),
  };
}

function describeIssues(issues: readonly z.core.$ZodIssue[], source: string): string[] {
  return issues.map((issue) => `${source}: ${issue.path.map(printablePathSegment).join('.') || '(root)'}: ${issue.message}`);
}

/** 32 bytes take 43 characters in base64url, 44 in base64. */
const KEY_MATERIAL_LENGTH = 43;

/**
 * A key pasted where its id belongs becomes part of the issue's path: such a segment is not
 * printed, so configuration errors (which end up in logs) never carry key material.
 */
function printablePathSegment(segment: PropertyKey): string {
  const text = String(segment);
  return KEY_ID.test(text) && text.length < KEY_MATERIAL_LENGTH ? text : '(key id not shown)';
}
