import { z } from 'zod';
import { ConfigurationError } from '../domain/errors';
import { KEY_RING_PURPOSES, type KeyRing, type KeyRingPurpose, type KeySet } from './keyRing';

const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'key ids use letters, digits, - and _ (at most 64)');
const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'each key is 32 bytes, base64-encoded');

const keySetSchema = z
  .object({ active: keyId, keys: z.record(keyId, base64Key) })
  .refine((set) => set.active in set.keys, 'the active key must be listed in keys');

const keyRingSchema = z.object(
  Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, keySetSchema])) as Record<KeyRingPurpose, typeof keySetSchema>,
);

/** The serialised form: `{ "<purpose>": { "active": "<kid>", "keys": { "<kid>": "<base64 32 bytes>" } } }`. */
export type KeyRingJson = z.input<typeof keyRingSchema>;

/**
 * Validates a key ring read from a key file or a secret store.
 * @param source names where it came from, for the error message (never the keys themselves).
 */
export function parseKeyRing(json: unknown, source: string): KeyRing {
  const parsed = keyRingSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const ring = {} as Record<KeyRingPurpose, KeySet>;
  for (const purpose of KEY_RING_PURPOSES) {
    const set = parsed.data[purpose];
    ring[purpose] = {
      active: set.active,
      keys: new Map(Object.entries(set.keys).map(([kid, key]) => [kid, Buffer.from(key, 'base64')])),
    };
  }
  return ring;
}
