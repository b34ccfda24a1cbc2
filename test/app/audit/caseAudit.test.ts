import { randomUUID } from 'node:crypto';
import { acknowledgeCase } from '../../../bot/app/cases/acknowledgeCase';
import { closeCase } from '../../../bot/app/cases/closeCase';
import { exportCaseAudit } from '../../../bot/app/audit/exportCaseAudit';
import { flushAllCaseOutboxes } from '../../../bot/app/outbox/flushCaseOutbox';
import { handOverCases } from '../../../bot/app/handover/handOverCases';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import { openCaseDetails } from '../../../bot/app/cases/openCaseDetails';
import type { AuditEntry } from '../../../bot/app/audit/auditPorts';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import { purgeClosedCases } from '../../../bot/app/retention/purgeClosedCases';
import { purgeExpiredAudit } from '../../../bot/app/retention/purgeExpiredAudit';
import { sendCaseMessage } from '../../../bot/app/cases/sendCaseMessage';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { updateCase } from '../../../bot/app/cases/updateCase';
import { ForbiddenError } from '../../../bot/domain/errors';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

// Demo organisation: Daan (…15) reports via the line, so Jeroen (…14) handles; Anouk (…08) coordinates CLAS and below,
// Marieke (…04) is the central coordinator; Lotte (…13) coordinates nothing.
const person = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [DAAN, JEROEN, ANOUK, MARIEKE, LOTTE] = [person(15), person(14), person(8), person(4), person(13)];
const DESCRIPTION = 'Mijn groepscommandant scheldt me elke ochtend uit bij het appel.';
const INVOLVED = 'Korporaal Smeets';
const UPDATE = 'Ik heb met de korporaal gesproken en spreek hem volgende week weer.';
const CLOSING = 'Afgerond: excuses aangeboden in het bijzijn van de compagniescommandant.';

describe('the audit record of a case (use cases on real storage and the demo organisation)', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, clock, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  const submit = async (): Promise<CaseRecord> => {
    const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: DESCRIPTION, involved: INVOLVED, preferMeldpunt: false };
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, { submissionId: randomUUID(), locale: 'nl', report });
    return (await deps.repos.cases.get(receipt.caseId))!.value;
  };
  const stored = async (id: string): Promise<CaseRecord> => (await deps.repos.cases.get(id))!.value;
  const auditOf = async (caseId: string): Promise<AuditEntry[]> => (await deps.repos.audit.listByCase(caseId, { limit: 100 })).items;

  /** Submitted, then Jeroen opens, acknowledges, sends an update and closes, a minute apart. */
  const handledCase = async (): Promise<CaseRecord> => {
    const record = await submit();
    expect(record.handlerKey).toBe(deps.pseudonyms.pseudonym('user', JEROEN));
    clock.advance(60_000);
    await openCaseDetails(deps, record.id, JEROEN);
    clock.advance(60_000);
    await acknowledgeCase(deps, record.id, JEROEN);
    clock.advance(60_000);
    await sendCaseMessage(deps, { caseId: record.id, kind: 'update', message: UPDATE }, JEROEN);
    clock.advance(60_000);
    await closeCase(deps, { caseId: record.id, outcome: 'resolved', message: CLOSING }, JEROEN);
    return stored(record.id);
  };

  it('when a case is handled, then each history event is in the audit once, in order, with its actor role and the handler\'s sealed name', async () => {
    const record = await handledCase();
    const audit = await auditOf(record.id);

    expect(audit.map((entry) => [entry.action, entry.actorRole])).toEqual(record.history.map((event) => [event.type, event.actor === 'reporter' || event.actor === 'system' ? event.actor : 'handler']));
    expect(audit.map((entry) => entry.action)).toEqual(['submitted', 'routed', 'assigned', 'content_opened', 'acknowledged', 'update_sent', 'closed']);
    expect(new Set(audit.map((entry) => entry.id)).size).toBe(audit.length);
    expect(audit.every((entry) => entry.caseId === record.id && entry.reference === record.reference && entry.unitId === record.unitId)).toBe(true);
    const opened = audit.find((entry) => entry.action === 'content_opened')!;
    expect(opened.actorKey).toBe(record.handlerKey);
    expect(deps.cipher.open('identity', opened.sealedActor!, opened.id)).toEqual({ userId: JEROEN, name: 'Jeroen van den Berg' });
    expect(audit.find((entry) => entry.action === 'closed')?.detail).toEqual({ outcome: 'resolved' });
    expect(record).toMatchObject({ auditedCount: record.history.length, auditPending: false });
  });

  it('when the record is untouched, then the export finds every seal valid and no entry missing', async () => {
    const record = await handledCase();

    const exported = await exportCaseAudit(deps, record.reference, ANOUK);

    expect(exported.integrity).toEqual({ unsealed: 0, missing: 0 });
    expect((await auditOf(record.id)).every((entry) => typeof entry.seal === 'string' && entry.seal.length > 20)).toBe(true);
  });

  it('when someone with database access changes an entry, moves one to another case or deletes one, then the export shows it', async () => {
    const record = await handledCase();
    const other = await handledCase();
    const audit = await auditOf(record.id);
    const opened = audit.find((entry) => entry.action === 'content_opened')!;
    const acknowledged = audit.find((entry) => entry.action === 'acknowledged')!;
    const moved = (await auditOf(other.id)).find((entry) => entry.action === 'update_sent')!;

    // Rewritten under the same id without the key ring: the old seal no longer matches.
    await deps.repos.audit.delete(opened.id);
    await deps.repos.audit.append({ ...opened, actorRole: 'system', actorKey: undefined, sealedActor: undefined });
    // Copied from the other case (with its valid seal): the case id is sealed too.
    await deps.repos.audit.append({ ...moved, id: `${moved.id}-copy`, caseId: record.id, reference: record.reference });
    // Deleted: a gap in the numbered history.
    await deps.repos.audit.delete(acknowledged.id);

    const exported = await exportCaseAudit(deps, record.reference, ANOUK);

    expect(exported.integrity).toEqual({ unsealed: 2, missing: 1 });
  });

  it('when the audit store is dumped, then it holds no report text, message, involved name, nor any plain user id or name', async () => {
    const record = await handledCase();
    await exportCaseAudit(deps, record.reference, ANOUK);
    const dump = JSON.stringify(await auditOf(record.id));
    for (const secret of [DESCRIPTION, INVOLVED, 'Smeets', UPDATE, CLOSING, DAAN, JEROEN, ANOUK, 'Daan', 'Jeroen', 'Anouk']) expect(dump).not.toContain(secret);
  });

  it('when the audit write fails after the case write, then nothing is lost: the case stays flagged, and the timer appends each event once', async () => {
    const record = await submit();
    const append = deps.repos.audit.append.bind(deps.repos.audit);
    const failing = jest.spyOn(deps.repos.audit, 'append').mockRejectedValueOnce(new Error('store unavailable'));
    clock.advance(60_000);
    await expect(acknowledgeCase(deps, record.id, JEROEN)).rejects.toThrow('store unavailable');
    failing.mockImplementation(append);

    expect(await stored(record.id)).toMatchObject({ state: 'acknowledged', auditPending: true });
    expect((await auditOf(record.id)).map((entry) => entry.action)).not.toContain('acknowledged');

    await flushAllCaseOutboxes(deps);
    await flushAllCaseOutboxes(deps);
    const actions = (await auditOf(record.id)).map((entry) => entry.action);
    expect(actions).toEqual(['submitted', 'routed', 'assigned', 'acknowledged']);
    expect(await stored(record.id)).toMatchObject({ auditPending: false, auditedCount: 4 });
    expect(await deps.repos.cases.listWithPendingAudit(10)).toEqual([]);
  });

  it('when a case write happened but its flush never ran, then the timer finds the case by its flag and appends the new events once', async () => {
    const record = await submit();
    // A change written as updateCase writes it, but the process stops before the flush.
    const current = (await deps.repos.cases.get(record.id))!;
    const changed = { ...current.value, history: [...current.value.history, { at: clock.now().toISOString(), actor: 'system', type: 'reminder_sent', detail: { clock: 'acknowledge', stage: 'half' } }], auditPending: true };
    await deps.repos.cases.replace(changed, current.etag);

    expect((await deps.repos.cases.listWithPendingAudit(10)).map(({ value }) => value.id)).toEqual([record.id]);
    await flushAllCaseOutboxes(deps);
    expect((await auditOf(record.id)).map((entry) => [entry.action, entry.actorRole])).toEqual([
      ['submitted', 'reporter'],
      ['routed', 'system'],
      ['assigned', 'system'],
      ['reminder_sent', 'system'],
    ]);
  });

  it('when a coordinator hands the case over, then the audit names her as coordinator, and the handlers stay handlers', async () => {
    const record = await submit();
    clock.advance(60_000);
    await handOverCases(deps, { fromUserId: JEROEN, toUserId: LOTTE, actor: { kind: 'user', userId: ANOUK } });
    const reassigned = (await auditOf(record.id)).find((entry) => entry.action === 'reassigned')!;
    expect(reassigned.actorRole).toBe('coordinator');
    expect(deps.cipher.open('identity', reassigned.sealedActor!, reassigned.id)).toEqual({ userId: ANOUK, name: 'Anouk Meijer' });
    // Updates without history change keep working after the handover.
    await updateCase(deps, record.id, (current) => ({ record: current, result: undefined }));
    expect((await auditOf(record.id)).filter((entry) => entry.action === 'reassigned')).toHaveLength(1);
  });

  it('when a closed case is purged, then its audit stays, with a purged entry, and can still be exported by the unit\'s coordinator', async () => {
    const record = await handledCase();
    clock.set('2032-06-01T09:00:00.000Z');
    expect(await purgeClosedCases(deps, { retentionDays: 1826 })).toBe(1);
    expect(await deps.repos.cases.get(record.id)).toBeUndefined();

    const audit = await auditOf(record.id);
    expect(audit.map((entry) => entry.action)).toEqual(['submitted', 'routed', 'assigned', 'content_opened', 'acknowledged', 'update_sent', 'closed', 'purged']);
    expect(audit.at(-1)).toMatchObject({ actorRole: 'system', reference: record.reference, unitId: record.unitId });

    // Run again (a crash after the audit, before the delete, would be retried): nothing twice.
    await purgeClosedCases(deps, { retentionDays: 1826 });
    expect(await auditOf(record.id)).toHaveLength(8);

    const exported = await exportCaseAudit(deps, record.reference, ANOUK);
    expect(exported.lines.map((line) => line.action)).toEqual([...audit.map((entry) => entry.action), 'audit_exported']);
    await expect(exportCaseAudit(deps, record.reference, LOTTE)).rejects.toThrow(ForbiddenError);
  });

  it('when the audit retention runs, then only entries older than the setting are deleted', async () => {
    const old = await submit();
    clock.set('2030-01-01T09:00:00.000Z');
    const young = await submit();
    const now = new Date('2036-06-01T09:00:00.000Z');

    // 3,000 days before June 2036 is March 2028: the old case's entries (2026) are older, the young case's (2030) are not.
    expect(await purgeExpiredAudit(deps, { retentionDays: 3000, now })).toBe(3);
    expect(await auditOf(old.id)).toEqual([]);
    expect((await auditOf(young.id)).map((entry) => entry.action)).toEqual(['submitted', 'routed', 'assigned']);
    expect(await purgeExpiredAudit(deps, { retentionDays: 3000, now })).toBe(0);
    await expect(purgeExpiredAudit(deps, { retentionDays: 0, now })).rejects.toThrow('audit retention');
  });

  it('when someone asks for the export, then only a coordinator of the unit (or above) gets it, the export is recorded, and every refusal is the same', async () => {
    const record = await handledCase();
    for (const userId of [DAAN, JEROEN, LOTTE]) await expect(exportCaseAudit(deps, record.reference, userId)).rejects.toThrow(ForbiddenError);
    await expect(exportCaseAudit(deps, 'VM-9999-9999', ANOUK)).rejects.toThrow(ForbiddenError);
    await expect(exportCaseAudit(deps, 'not a reference', ANOUK)).rejects.toThrow(ForbiddenError);
    expect((await auditOf(record.id)).filter((entry) => entry.action === 'audit_exported')).toEqual([]);

    const byAnouk = await exportCaseAudit(deps, record.reference.toLowerCase(), ANOUK);
    expect(byAnouk.reference).toBe(record.reference);
    expect(byAnouk.lines.filter((line) => line.actorRole === 'handler').every((line) => line.actorName === 'Jeroen van den Berg')).toBe(true);
    expect(byAnouk.lines.at(-1)).toEqual({ at: clock.now().toISOString(), action: 'audit_exported', actorRole: 'coordinator', actorName: 'Anouk Meijer' });
    clock.advance(60_000);
    const byMarieke = await exportCaseAudit(deps, record.reference, MARIEKE);
    expect(byMarieke.lines.filter((line) => line.action === 'audit_exported').map((line) => line.actorName)).toEqual(['Anouk Meijer', 'Marieke Jansen']);
  });

  it('when the coordinator is named as involved in the report, then she is refused like anyone else', async () => {
    const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: DESCRIPTION, involved: 'Anouk Meijer', preferMeldpunt: false };
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, { submissionId: randomUUID(), locale: 'nl', report });
    const { reference } = await stored(receipt.caseId);
    await expect(exportCaseAudit(deps, reference, ANOUK)).rejects.toThrow(ForbiddenError);
    expect((await exportCaseAudit(deps, reference, MARIEKE)).lines.length).toBeGreaterThan(0);
  });
});
