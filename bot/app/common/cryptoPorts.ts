/**
 * Sealing, pseudonyms and exclusion marks (implemented in bot/security).
 *
 * Records hold no plaintext report content or reporter identity: those travel as `Sealed`
 * values produced by a `ContentCipher`, and people are found through keyed pseudonyms
 * (`Pseudonymizer`), never by their Teams or Entra ids.
 */
/** An encrypted value: AES-256-GCM, with the id of the key that sealed it. */
export interface Sealed {
  /** Key id. */
  kid: string;
  /** Base64 initialisation vector (12 bytes). */
  iv: string;
  /** Base64 authentication tag (16 bytes). */
  tag: string;
  /** Base64 ciphertext. */
  ct: string;
}

/**
 * What a key is for: keys are separate so that one leaked key does not open everything.
 * 'address' seals conversation references; 'relay' seals the address of anonymous reporters,
 * so that holding the address key alone cannot link an anonymous case to a chat.
 */
export type KeyPurpose = 'content' | 'identity' | 'address' | 'relay';

/**
 * Seals and opens JSON values. `context` is bound to the ciphertext (GCM additional data),
 * typically the id of the record that holds it, so a sealed value cannot be moved to another record.
 */
export interface ContentCipher {
  seal(purpose: KeyPurpose, value: unknown, context: string): Sealed;
  open<T>(purpose: KeyPurpose, sealed: Sealed, context: string): T;
}

/**
 * The people who may never handle a case, kept as keyed hashes (HMAC-SHA-256 of case id + person
 * id under the key ring's own 'exclusion' key), so the record answers "may this person handle this
 * case?" without listing who is excluded to whoever holds the content key or the database. The
 * marks are padded with random ones to a multiple of {@link EXCLUSION_MARK_BLOCK}, so their number
 * does not tell how long the reporter's manager chain is.
 */
export interface ExclusionMarker {
  /** The marks of `personIds` for one case, under the active key. */
  mark(caseId: string, personIds: readonly string[]): ExclusionMarks;
  /** Whether `personId` is one of the people marked (false when the key named by `marks.kid` is no longer in the ring). */
  isMarked(caseId: string, personId: string, marks: ExclusionMarks): boolean;
}

/** What `ExclusionMarker.mark` gives: the key id and the (padded, unordered) marks. */
export interface ExclusionMarks {
  kid: string;
  marks: string[];
}

/** Marks are padded to a multiple of this many. */
export const EXCLUSION_MARK_BLOCK = 16;

/** Turns an identifier (a Teams/Entra user id) into a stable keyed pseudonym (HMAC), so lookups never store the id itself. */
export interface Pseudonymizer {
  /** Kinds are domain-separated: the same input gives unrelated outputs per kind. 'secret' derives an anonymous reporter's follow-up secret from the case id; 'audit' seals audit entries (a MAC). */
  pseudonym(kind: 'user' | 'conversation' | 'secret' | 'audit', id: string): string;
}
