import { timingSafeEqual } from 'node:crypto';
import { REFERENCE_ALPHABET } from '../../domain/caseReference';
import type { Pseudonymizer } from '../common/cryptoPorts';

/**
 * The follow-up secret of an anonymous case: derived from the case id with a keyed HMAC, so it
 * is stored nowhere and a retried submit can show it again. 16 characters (about 74 bits) in
 * groups of four, from the same look-alike-free alphabet as references.
 */
export function followUpSecret(pseudonyms: Pseudonymizer, caseId: string): string {
  const digest = Buffer.from(pseudonyms.pseudonym('secret', caseId), 'base64url');
  const chars = Array.from(digest.subarray(0, 16), (byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Compares a typed secret with the case's, in constant time, ignoring case, spaces and dashes. */
export function followUpSecretMatches(pseudonyms: Pseudonymizer, caseId: string, typed: string): boolean {
  const expected = Buffer.from(followUpSecret(pseudonyms, caseId).replace(/-/g, ''));
  const given = Buffer.from(typed.toUpperCase().replace(/[\s-]/g, '').slice(0, 64));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
