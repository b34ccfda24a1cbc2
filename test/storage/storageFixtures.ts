/**
 * Realistic records for the storage tests. Sealed values are shaped like the real ones (base64
 * iv, tag and ciphertext) but hold random bytes: storage never opens them.
 */
import { randomBytes } from 'node:crypto';
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import type { DraftRecord } from '../../bot/app/intake/draftPorts';
import type { Sealed } from '../../bot/app/common/cryptoPorts';
import type { SealedRecord } from '../../bot/app/outbox/addressPorts';
import type { TeamActionRecord, TeamRecord } from '../../bot/app/agenda/agendaPorts';

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

/** A configured team (Monday 09:00, weekly) whose next topic is due at `at(30)`, with one posting. */
export function aTeam(overrides: Partial<TeamRecord> = {}): TeamRecord {
  const id = overrides.id ?? aKey(`team-${randomBytes(6).toString('hex')}`);
  return {
    id,
    teamId: `19:${randomBytes(16).toString('hex')}@thread.tacv2`,
    aadGroupId: '00000000-0000-4000-8000-000000000001',
    name: 'Team Noord',
    installedAt: at(0),
    updatedAt: at(1),
    settings: { weekdays: [1], time: '09:00', everyWeeks: 1, anchorDate: '2025-02-24', leadWorkingDays: 1, locale: 'nl', unitId: 'unit-north', paused: false },
    settingsSavedBy: { userKey: aKey('owner-1'), at: at(1) },
    sealedMembers: aSealed('identity-2025-01'),
    nextPostAt: at(30),
    nextMeetingAt: '2025-03-03T08:00:00.000Z',
    usedTopicIds: ['topic-respect'],
    postings: [
      {
        id: `posting-${randomBytes(6).toString('hex')}`,
        topicId: 'topic-respect',
        meetingAt: '2025-02-24T08:00:00.000Z',
        postedAt: '2025-02-21T08:00:00.000Z',
        status: 'discussed',
        recordedAt: '2025-02-24T09:00:00.000Z',
        sealedRecordedBy: aSealed('identity-2025-01'),
        sealedNotes: aSealed(),
        actionIds: ['action-1'],
      },
    ],
    ...overrides,
  };
}

/** A team that installed the bot but saved no settings yet: no `nextPostAt`, nothing is posted. */
export function anUnconfiguredTeam(overrides: Partial<TeamRecord> = {}): TeamRecord {
  const { settings: _settings, settingsSavedBy: _savedBy, nextPostAt: _next, nextMeetingAt: _meeting, ...rest } = aTeam({ postings: [], usedTopicIds: [], ...overrides });
  return rest;
}

/** An open action agreed at `at(0)`, due at `at(50)`, with its first reminder at `at(40)`. */
export function aTeamAction(overrides: Partial<TeamActionRecord> = {}): TeamActionRecord {
  const id = overrides.id ?? `action-${randomBytes(6).toString('hex')}`;
  return {
    id,
    teamKey: aKey('team-1'),
    postingId: 'posting-1',
    unitId: 'unit-north',
    sealedText: aSealed(),
    ownerKey: aKey('owner-1'),
    sealedOwner: aSealed('identity-2025-01'),
    createdAt: at(0),
    dueAt: at(50),
    state: 'open',
    isOpen: true,
    clocks: [{ clock: 'action', startedAt: at(0), dueAt: at(50) }],
    remindersDone: [],
    nextDueAt: at(40),
    history: [{ at: at(0), actor: aKey('owner-1'), type: 'agreed' }],
    ...overrides,
  };
}
