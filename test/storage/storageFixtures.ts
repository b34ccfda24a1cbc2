/**
 * Realistic records for the storage tests. Sealed values are shaped like the real ones (base64
 * iv, tag and ciphertext) but hold random bytes: storage never opens them.
 */
import { randomBytes } from 'node:crypto';
import type { CaseRecord, DraftRecord, Sealed, SealedRecord } from '../../bot/app/ports';

export function aSealed(kid = 'content-2025-01'): Sealed {
  return { kid, iv: randomBytes(12).toString('base64'), tag: randomBytes(16).toString('base64'), ct: randomBytes(48).toString('base64') };
}

/** An ISO time on 1 March 2025, `minutes` after 09:00 UTC. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2025, 2, 1, 9, minutes)).toISOString();
}

/** A pseudonym-like key (base64url of an HMAC). */
export function aKey(label: string): string {
  return Buffer.from(`pseudonym:${label}`.padEnd(32, '.')).toString('base64url');
}

export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const id = overrides.id ?? `case-${randomBytes(6).toString('hex')}`;
  return {
    id,
    reference: `VM-${randomBytes(2).toString('hex').toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`,
    kind: 'report',
    categories: ['bullying', 'discrimination'],
    identity: 'confidential',
    managerInvolved: 'no',
    preferMeldpunt: true,
    state: 'submitted',
    locale: 'nl',
    receivedAt: at(0),
    reporterKey: aKey('reporter-1'),
    sealedReporter: aSealed('identity-2025-01'),
    sealedContent: aSealed(),
    history: [{ at: at(0), actor: 'reporter', type: 'submitted' }],
    ...overrides,
  };
}

/** An anonymous case: no reporter key or sealed identity, only a relay id. */
export function anAnonymousCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const { reporterKey: _key, sealedReporter: _reporter, ...rest } = aCase({ identity: 'anonymous', ...overrides });
  return { ...rest, relayId: `relay-${randomBytes(6).toString('hex')}` };
}

export function aDraft(overrides: Partial<DraftRecord> = {}): DraftRecord {
  return {
    id: aKey('drafter-1'),
    draftId: `draft-${randomBytes(6).toString('hex')}`,
    step: 'details',
    locale: 'en',
    sealedAnswers: aSealed(),
    createdAt: at(0),
    updatedAt: at(5),
    expiresAt: at(60),
    ...overrides,
  };
}

export function aSealedRecord(overrides: Partial<SealedRecord> = {}): SealedRecord {
  return { id: aKey('user-1'), sealed: aSealed('address-2025-01'), updatedAt: at(0), ...overrides };
}
