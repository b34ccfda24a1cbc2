import { randomUUID } from 'node:crypto';
import { acknowledgeCase } from '../../../bot/app/cases/acknowledgeCase';
import { deliverOutbox } from '../../../bot/app/outbox/deliverOutbox';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { OutboxItem } from '../../../bot/app/outbox/outboxPorts';
import { purgeDeliveryRecords } from '../../../bot/app/retention/purgeDeliveryRecords';
import { submitReport } from '../../../bot/app/intake/submitReport';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { FakeProactiveMessenger } from '../../fakes/fakeProactiveMessenger';
import type { ManualClock } from '../../fakes/manualClock';
import type { RecordingLogger } from '../../fakes/recordingLogger';

// Demo organisation: Sophie (…16) reports anonymously; the central Meldpunt Fatima (…02) handles it.
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [SOPHIE, FATIMA] = [id(16), id(2)];
const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'anonymous', managerInvolved: 'no', description: 'Wat er gebeurde.', involved: 'een collega', preferMeldpunt: false };
const RETENTION = { outboxRetentionDays: 90, conversationReferenceRetentionDays: 365 };
const render = async () => ({ type: 'AdaptiveCard', version: '1.5', body: [] });

describe('delivery records of notices to anonymous reporters', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let messenger: FakeProactiveMessenger;
  let logger: RecordingLogger;
  let cleanup: () => Promise<void>;
  let caseId: string;
  let relayId: string;

  beforeEach(async () => {
    ({ deps, clock, messenger, logger, cleanup } = await caseTestDependencies());
    clock.set('2026-11-30T09:00:00Z');
    caseId = (await submitReport(deps, { userId: SOPHIE, name: 'Sophie van Leeuwen', conversation: { conversation: { id: 'a:sophie' } } }, { submissionId: randomUUID(), locale: 'en', report })).caseId;
    relayId = (await deps.repos.cases.get(caseId))!.value.relayId!;
    await acknowledgeCase(deps, caseId, FATIMA);
  });

  afterEach(() => cleanup());

  const dueItems = async (): Promise<OutboxItem[]> => (await deps.repos.outbox.listDue('9999-12-31T00:00:00.000Z', 100)).map((entry) => entry.value);

  it('when the notice has gone out, then its record keeps the day and its id only: no exact time, delay, message id, relay id or content', async () => {
    const [notice] = (await dueItems()).filter((item) => item.recipient.kind === 'relay');
    expect(notice.notBefore > notice.createdAt).toBe(true);
    clock.set('2026-11-30T13:17:42Z');
    await deliverOutbox({ ...deps, renderPayload: render });
    expect(messenger.delivered.map((card) => card.conversationId)).toContain('a:sophie');

    const kept = (await deps.repos.outbox.get(notice.id))!.value;
    expect(kept).toEqual({
      id: notice.id,
      recipient: { kind: 'relay', relayId: '' },
      conversationKey: 'relay',
      sealedPayload: expect.anything(),
      createdAt: '2026-11-30',
      notBefore: '2026-11-30',
      status: 'sent',
      attempts: 1,
      sentAt: '2026-11-30',
      forgetAfter: '2026-12-01',
    });
    expect(deps.cipher.open('content', kept.sealedPayload, kept.id)).toEqual({});
    expect(JSON.stringify(kept)).not.toContain(relayId);
  });

  it('when the notice has gone out, then no log line carries its id (derived from the case id) or the case id', async () => {
    const [notice] = (await dueItems()).filter((item) => item.recipient.kind === 'relay');
    clock.set('2026-11-30T13:17:42Z');
    await deliverOutbox({ ...deps, renderPayload: render });
    const logged = JSON.stringify(logger.entries);
    expect(logged).toContain('outbox.sent');
    expect(logged).not.toContain(notice.id);
    expect(logged).not.toContain(caseId);
  });

  it('when two days have passed, then the retention run has deleted the notice record, while the handler\'s sent task card stays for the retention period', async () => {
    const due = await dueItems();
    const notice = due.find((item) => item.recipient.kind === 'relay')!;
    const taskCard = due.find((item) => item.recipient.kind === 'user')!;
    clock.set('2026-11-30T13:17:42Z');
    await deliverOutbox({ ...deps, renderPayload: render });

    clock.set('2026-12-01T03:00:00Z');
    await purgeDeliveryRecords(deps, RETENTION);
    await expect(deps.repos.outbox.get(notice.id)).resolves.toBeDefined();

    clock.set('2026-12-02T03:00:00Z');
    const purged = await purgeDeliveryRecords(deps, RETENTION);
    expect(purged.outboxItems).toBe(1);
    await expect(deps.repos.outbox.get(notice.id)).resolves.toBeUndefined();
    await expect(deps.repos.outbox.get(taskCard.id)).resolves.toMatchObject({ value: { status: 'sent' } });
  });
});
