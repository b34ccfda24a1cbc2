import type { KeyPurpose } from '../app/common/cryptoPorts';

/** The keys of one purpose: the active key seals, every key listed can still open. */
export interface KeySet {
  active: string;
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * Purposes of keys, including the HMAC keys for pseudonyms and for exclusion marks ('exclusion':
 * whoever holds the content or pseudonym key cannot test who is excluded from a case).
 */
export type KeyRingPurpose = KeyPurpose | 'pseudonym' | 'exclusion';

export const KEY_RING_PURPOSES: readonly KeyRingPurpose[] = ['content', 'identity', 'address', 'relay', 'pseudonym', 'exclusion'];

/** All keys of the application, per purpose. 32-byte keys (AES-256, HMAC-SHA-256). */
export type KeyRing = Readonly<Record<KeyRingPurpose, KeySet>>;
