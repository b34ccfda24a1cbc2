/**
 * The ports the use cases depend on. Implementations live in bot/storage (Cosmos DB and the
 * embedded file store), bot/security (encryption) and bot/teams (sending).
 *
 * Records hold no plaintext report content or reporter identity: those travel as `Sealed`
 * values produced by a `ContentCipher`, and people are found through keyed pseudonyms
 * (`Pseudonymizer`), never by their Teams or Entra ids.
 */
import type { Locale } from '../domain/locale';
import type { Category, IdentityMode, ManagerInvolved, RequestKind, WizardStep } from '../domain/report';

export type { Clock } from '../domain/clock';

/** One page of a listing. Pass `continuationToken` back to get the next page; absent on the last one. */
export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

export interface PageRequest {
  limit?: number;
  continuationToken?: string;
}

/** A stored value with the ETag to replace it with. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

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

/** Turns an identifier (a Teams/Entra user id) into a stable keyed pseudonym (HMAC), so lookups never store the id itself. */
export interface Pseudonymizer {
  /** Kinds are domain-separated: the same input gives unrelated outputs per kind. 'secret' derives an anonymous reporter's follow-up secret from the case id. */
  pseudonym(kind: 'user' | 'conversation' | 'secret', id: string): string;
}

// ---------------------------------------------------------------------------------------------
// Drafts

/** A report being written: one per user, found by the user's pseudonym. */
export interface DraftRecord {
  /** The owner's pseudonym (`Pseudonymizer.pseudonym('user', aadObjectId)`). */
  id: string;
  /** Random id of this draft; a submitted draft's case id is derived from it (idempotent submit). */
  draftId: string;
  step: WizardStep;
  locale: Locale;
  /** `ReportAnswers`, sealed with purpose 'content' and context = draftId. */
  sealedAnswers: Sealed;
  createdAt: string;
  updatedAt: string;
  /** ISO time after which the draft is deleted. */
  expiresAt: string;
}

export interface DraftRepository {
  get(ownerKey: string): Promise<Versioned<DraftRecord> | undefined>;
  /** Creates when `etag` is absent (ConflictError if one exists), else replaces if unchanged (ConcurrencyError if not). */
  save(draft: DraftRecord, etag?: string): Promise<Versioned<DraftRecord>>;
  /** Deletes; no error when it is already gone. */
  delete(ownerKey: string): Promise<void>;
  /** Drafts whose `expiresAt` is at or before `now`, oldest first. */
  listExpired(now: string, page?: PageRequest): Promise<Page<DraftRecord>>;
}

// ---------------------------------------------------------------------------------------------
// Cases

export const CASE_STATES = ['submitted', 'acknowledged', 'in_progress', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** One entry of a case's append-only history (the "centrale registratie"). Holds no report content. */
export interface CaseEvent {
  at: string;
  /** 'reporter', 'system', or a handler's pseudonym. */
  actor: string;
  type: string;
  detail?: Record<string, string>;
}

/** A case: one document, replaced as a whole with its ETag. */
export interface CaseRecord {
  /** Opaque id, derived from the draft id (so the same submit twice yields the same id). */
  id: string;
  /** Human reference such as VM-7K3Q-9DX2. Unique. */
  reference: string;
  kind: RequestKind;
  categories: Category[];
  identity: IdentityMode;
  managerInvolved: ManagerInvolved;
  preferMeldpunt: boolean;
  state: CaseState;
  /** The reporter's language, for notices. */
  locale: Locale;
  receivedAt: string;
  /** Pseudonym of the reporter, so they can list their cases. Absent for anonymous reports. */
  reporterKey?: string;
  /** `{ aadObjectId, name }` sealed with purpose 'identity'. Absent for anonymous reports. */
  sealedReporter?: Sealed;
  /** Anonymous reports: the opaque id of the sealed address used to reach the reporter. */
  relayId?: string;
  /** The report's narrative (involved, date, place, description, support answers), sealed with purpose 'content', context = id. */
  sealedContent: Sealed;
  /** The routing decision: handler role and the rule that chose it. */
  routing?: { role: string; rule: string };
  /** ISO time by which the reporter hears from the handler at the latest. */
  firstResponseDueAt?: string;
  history: CaseEvent[];
}

export interface CaseRepository {
  /** ConflictError if a case with this id exists. */
  create(record: CaseRecord): Promise<Versioned<CaseRecord>>;
  get(id: string): Promise<Versioned<CaseRecord> | undefined>;
  /** ConcurrencyError if the case changed since `etag`. */
  replace(record: CaseRecord, etag: string): Promise<Versioned<CaseRecord>>;
  findByReference(reference: string): Promise<Versioned<CaseRecord> | undefined>;
  /** The reporter's own cases, newest first. */
  listByReporter(reporterKey: string, page?: PageRequest): Promise<Page<CaseRecord>>;
}

// ---------------------------------------------------------------------------------------------
// Sealed addresses: conversation references, and the relay to anonymous reporters

/** A sealed value stored under an opaque key (a pseudonym or a random relay id). */
export interface SealedRecord {
  id: string;
  sealed: Sealed;
  updatedAt: string;
}

/** Stores sealed records by id. Used for conversation references (key: user pseudonym) and for anonymous relay addresses (key: random id). */
export interface SealedRecordRepository {
  get(id: string): Promise<SealedRecord | undefined>;
  /** Creates or overwrites. */
  put(record: SealedRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Structured, content-free logging: an event name and a few safe fields (ids, codes, counts), never report text. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

/** All repositories, as built by the composition root. */
export interface Repositories {
  drafts: DraftRepository;
  cases: CaseRepository;
  conversationReferences: SealedRecordRepository;
  relayAddresses: SealedRecordRepository;
  /** Releases connections and flushes files. */
  close(): Promise<void>;
}
