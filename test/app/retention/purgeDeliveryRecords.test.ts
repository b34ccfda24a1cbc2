import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import { enqueueDirect } from '../../../bot/app/outbox/enqueueDirect';
import { userRecipient } from '../../../bot/app/cases/caseParties';
import { deliverOutbox } from '../../../bot/app/outbox/deliverOutbox';
import { purgeDeliveryRecords } from '../../../bot/app/retention/purgeDeliveryRecords';
import { rememberConversation } from '../../../bot/app/outbox/rememberConversation';
import type { OutboxItem } from '../../../bot/app/outbox/outboxPorts';
import type { TeamRecord } from '../../../bot/app/agenda/agendaPorts';
import { ConfigurationError } from '../../../bot/domain/errors';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { FakeProactiveMessenger } from '../../fakes/fakeProactiveMessenger';
import type { ManualClock } from '../../fakes/manualClock';

const DAAN = '00000000-0000-4000-8000-000000000015';
const RETENTION = { outboxRetentionDays: 90, conversationReferenceRetentionDays: 365 };

function anItem(id: string, status: OutboxItem['status'], createdAt: string, deps: CaseDependencies): OutboxItem {
  return {
    id,
    recipient: userRecipient(deps, DAAN),
    conversationKey: 'k',
    sealedPayload: deps.cipher.seal('content', { card: {} }, id),
    createdAt,
    notBefore: createdAt,
    status,
    attempts: 1,
  };
}

function aTeam(id: string): TeamRecord {
  return { id, teamId: `19:${id}@thread.tacv2`, installedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', usedTopicIds: [], postings: [] };
}

describe('purgeDeliveryRecords (retention of outbox items and chat addresses)', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let messenger: FakeProactiveMessenger;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, clock, messenger, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  it('when finished messages are older than the retention, then they are deleted and newer or unfinished ones stay', async () => {
    clock.set('2026-06-01T09:00:00Z');
    for (const [id, status, createdAt] of [
      ['sent-old', 'sent', '2026-02-01T09:00:00.000Z'],
      ['failed-old', 'failed', '2026-01-15T09:00:00.000Z'],
      ['uncertain-old', 'uncertain', '2026-02-20T09:00:00.000Z'],
      ['pending-old', 'pending', '2026-01-01T09:00:00.000Z'],
      ['sent-recent', 'sent', '2026-05-20T09:00:00.000Z'],
    ] as const) {
      await deps.repos.outbox.enqueue(anItem(id, status, createdAt, deps));
    }

    const purged = await purgeDeliveryRecords(deps, RETENTION);

    expect(purged.outboxItems).toBe(3);
    for (const gone of ['sent-old', 'failed-old', 'uncertain-old']) await expect(deps.repos.outbox.get(gone)).resolves.toBeUndefined();
    for (const kept of ['pending-old', 'sent-recent']) await expect(deps.repos.outbox.get(kept)).resolves.toBeDefined();
    await expect(purgeDeliveryRecords(deps, RETENTION)).resolves.toEqual({ outboxItems: 0, conversationReferences: 0 });
  });

  it('when a chat address was not renewed for a year, then it is forgotten; an installed team keeps its channel, an orphaned channel goes, relays stay', async () => {
    clock.set('2025-01-10T09:00:00Z');
    await rememberConversation(deps, DAAN, { serviceUrl: 'https://connector.invalid/', channelId: 'msteams', conversation: { id: 'a:daan' }, user: { id: '29:daan' } });
    await deps.repos.teams.create(aTeam('team-installed'));
    await deps.repos.conversationReferences.put({ id: 'channel:team-installed', sealed: deps.cipher.seal('address', { conversation: { id: '19:x' } }, 'channel:team-installed'), updatedAt: '2025-01-10' });
    await deps.repos.conversationReferences.put({ id: 'channel:team-removed', sealed: deps.cipher.seal('address', { conversation: { id: '19:y' } }, 'channel:team-removed'), updatedAt: '2025-01-10' });
    await deps.repos.relayAddresses.put({ id: 'relay-1', sealed: deps.cipher.seal('relay', { conversation: { id: 'a:anon' } }, 'relay-1'), updatedAt: '2025-01-10' });

    clock.set('2026-03-01T09:00:00Z');
    const purged = await purgeDeliveryRecords(deps, RETENTION);

    expect(purged.conversationReferences).toBe(2);
    await expect(deps.repos.conversationReferences.get(deps.pseudonyms.pseudonym('user', DAAN))).resolves.toBeUndefined();
    await expect(deps.repos.conversationReferences.get('channel:team-removed')).resolves.toBeUndefined();
    await expect(deps.repos.conversationReferences.get('channel:team-installed')).resolves.toMatchObject({ updatedAt: '2026-03-01' });
    await expect(deps.repos.relayAddresses.get('relay-1')).resolves.toBeDefined();
  });

  it('when a forgotten person must be reached again, then the bot opens their chat anew and the message arrives', async () => {
    clock.set('2025-01-10T09:00:00Z');
    await rememberConversation(deps, DAAN, { serviceUrl: 'https://connector.invalid/', channelId: 'msteams', conversation: { id: 'a:daan' }, user: { id: '29:daan' } });
    clock.set('2026-03-01T09:00:00Z');
    await purgeDeliveryRecords(deps, RETENTION);

    await enqueueDirect(deps, 'after-purge', userRecipient(deps, DAAN), { type: 'handlerLeft', count: 1, locale: 'nl' }, clock.now());
    await deliverOutbox({ ...deps, renderPayload: async () => ({ type: 'AdaptiveCard', version: '1.5', body: [] }) });

    expect(messenger.createdFor).toEqual([DAAN]);
    expect(messenger.delivered).toHaveLength(1);
  });

  it.each([
    [{ outboxRetentionDays: 0, conversationReferenceRetentionDays: 365 }, 'OUTBOX_RETENTION_DAYS'],
    [{ outboxRetentionDays: 90, conversationReferenceRetentionDays: 1.5 }, 'CONVERSATION_REFERENCE_RETENTION_DAYS'],
  ])('when a retention of %j is given, then nothing is deleted and the error names %s', async (retention, setting) => {
    clock.set('2026-06-01T09:00:00Z');
    await deps.repos.outbox.enqueue(anItem('sent-old', 'sent', '2026-01-01T09:00:00.000Z', deps));

    await expect(purgeDeliveryRecords(deps, retention)).rejects.toThrow(ConfigurationError);
    await expect(purgeDeliveryRecords(deps, retention)).rejects.toThrow(setting);
    await expect(deps.repos.outbox.get('sent-old')).resolves.toBeDefined();
  });
});
