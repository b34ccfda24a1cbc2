import { HANDLER_FORM_INPUTS } from '../../../bot/teams/handlerForms';
import { parseForm } from '../../../bot/teams/parseForm';
import { randomUUID } from 'node:crypto';
import { acknowledgeCase } from '../../../bot/app/cases/acknowledgeCase';
import { giveFeedback } from '../../../bot/app/reporter/giveFeedback';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import type { OutboxItem } from '../../../bot/app/outbox/outboxPorts';
import { reassignCase } from '../../../bot/app/cases/reassignCase';
import { reassignUnreachableHandler } from '../../../bot/app/cases/reassignUnreachableHandler';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { withdrawCase } from '../../../bot/app/reporter/withdrawCase';
import { IllegalTransitionError } from '../../../bot/domain/caseLifecycle';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../bot/domain/errors';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';

// Demo organisation: Daan (…15) reports; his manager Jeroen (…14); the 11 LMB vertrouwenspersonen Esther (…11) and Kevin (…12); central Meldpunt Fatima (…02), coordinator Marieke (…04).
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const DAAN = id(15);
const JEROEN = id(14);
const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: 'Wat er gebeurde.', involved: 'Korporaal Smeets', preferMeldpunt: false };

describe('handling a case (use cases on real storage and the demo organisation)', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;
  let caseId: string;

  beforeEach(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, { submissionId: randomUUID(), locale: 'nl', report });
    caseId = receipt.caseId;
  });

  afterEach(() => cleanup());

  const stored = async (): Promise<CaseRecord> => (await deps.repos.cases.get(caseId))!.value;
  const outboxFor = async (userId: string): Promise<OutboxItem[]> => {
    const key = deps.pseudonyms.pseudonym('user', userId);
    return (await deps.repos.outbox.listDue('9999-12-31T00:00:00.000Z', 100)).map((entry) => entry.value).filter((item) => item.recipient.kind === 'user' && item.recipient.userKey === key);
  };

  it('when a named line melding is submitted, then the direct manager is assigned and a task card for him is in the outbox', async () => {
    expect(await stored()).toMatchObject({ handlerKey: deps.pseudonyms.pseudonym('user', JEROEN), assignment: { role: 'line_manager' }, pendingOutboxCount: 0 });
    expect(await outboxFor(JEROEN)).toHaveLength(1);
  });

  it('when the handler reassigns to the vertrouwenspersoon, then the nearest one takes it, the history says so, and the reporter hears the role only', async () => {
    await reassignCase(deps, { caseId: caseId, target: { role: 'vertrouwenspersoon' }, reason: 'Dit vraagt om een vertrouwelijk gesprek.' }, JEROEN);
    const record = await stored();
    expect([deps.pseudonyms.pseudonym('user', id(11)), deps.pseudonyms.pseudonym('user', id(12))]).toContain(record.handlerKey);
    expect(record.history.at(-1)).toMatchObject({ type: 'reassigned', detail: { role: 'vertrouwenspersoon', unit: 'u-clas-11' } });
    expect(JSON.stringify(record.history)).not.toContain('vertrouwelijk gesprek');
    const toDaan = await outboxFor(DAAN);
    const notice = deps.cipher.open<{ intent: { event: string; role: string } }>('content', toDaan.at(-1)!.sealedPayload, toDaan.at(-1)!.id);
    expect(notice.intent).toMatchObject({ event: 'reassigned', role: 'vertrouwenspersoon' });
  });

  it('when someone other than the handler tries to reassign, then it is refused and nothing changes', async () => {
    const before = await stored();
    await expect(reassignCase(deps, { caseId: caseId, target: { role: 'meldpunt' }, reason: 'reden' }, id(13))).rejects.toThrow(ForbiddenError);
    expect(await stored()).toEqual(before);
  });

  it('when the handler reassigns to someone excluded from the case (here: the reporter), then it is refused', async () => {
    await expect(reassignCase(deps, { caseId: caseId, target: { personId: DAAN }, reason: 'naar de melder zelf' }, JEROEN)).rejects.toThrow(ValidationError);
  });

  it('when the handler passes the case to himself, to someone outside his unit tree, or to someone without the case\'s role, then it is refused with one answer for whoever may not take it, and nothing changes', async () => {
    const before = await stored();
    await expect(reassignCase(deps, { caseId: caseId, target: { personId: JEROEN }, reason: 'reden' }, JEROEN)).rejects.toMatchObject({ fields: { targetPerson: 'notYourself' } });
    // Rik Jacobs (…20) commands a ship of the navy: not in the line of Daan's unit.
    await expect(reassignCase(deps, { caseId: caseId, target: { personId: id(20) }, reason: 'reden' }, JEROEN)).rejects.toMatchObject({ fields: { targetPerson: 'personExcluded' } });
    await expect(reassignCase(deps, { caseId: caseId, target: { personId: DAAN }, reason: 'reden' }, JEROEN)).rejects.toMatchObject({ fields: { targetPerson: 'personExcluded' } });
    expect(await stored()).toEqual(before);
  });

  it('when the handler passes the case to his own manager, who is in the line above the case\'s unit, then she takes it in the same role', async () => {
    await reassignCase(deps, { caseId: caseId, target: { personId: id(13) }, reason: 'Zij neemt het over.' }, JEROEN);
    expect(await stored()).toMatchObject({ handlerKey: deps.pseudonyms.pseudonym('user', id(13)), assignment: { role: 'line_manager', unitId: 'u-clas-11-inf' } });
  });

  it('when the reason or role is missing, then both are named', async () => {
    expect(() => parseForm(HANDLER_FORM_INPUTS.reassign, { targetRole: 'line_manager', message: ' ' })).toThrow(expect.objectContaining({ fields: { targetRole: 'pickRole', message: 'messageRequired' } }));
  });

  it('when the reporter withdraws, then the case closes as withdrawn and the handler is told; another user cannot withdraw it', async () => {
    await expect(withdrawCase(deps, { kind: 'user', userId: JEROEN, caseId })).rejects.toThrow(NotFoundError);
    await withdrawCase(deps, { kind: 'user', userId: DAAN, caseId });
    expect(await stored()).toMatchObject({ state: 'closed', outcome: 'withdrawn', isOpen: false });
    expect(await outboxFor(JEROEN)).toHaveLength(2);
    await expect(acknowledgeCase(deps, caseId, JEROEN)).rejects.toThrow(IllegalTransitionError);
  });

  it('when feedback is given before closing, then it is refused', async () => {
    await expect(giveFeedback(deps, { kind: 'user', userId: DAAN, caseId }, { takenSeriously: 3, wouldReportAgain: undefined })).rejects.toThrow(IllegalTransitionError);
  });

  it('when the handler cannot be reached, then the central Meldpunt takes the case, and after three such moves it stays put', async () => {
    const [taskCard] = await outboxFor(JEROEN);
    await reassignUnreachableHandler(deps, taskCard);
    const moved = await stored();
    expect(moved.handlerKey).toBe(deps.pseudonyms.pseudonym('user', id(2)));
    expect(moved.history.at(-1)).toMatchObject({ type: 'reassigned', actor: 'system', detail: { reason: 'handler_unreachable' } });

    for (let round = 0; round < 4; round += 1) {
      const current = await stored();
      const key = current.handlerKey!;
      const item = (await deps.repos.outbox.listDue('9999-12-31T00:00:00.000Z', 100)).map((entry) => entry.value).filter((entry) => entry.recipient.kind === 'user' && entry.recipient.userKey === key).at(-1)!;
      await reassignUnreachableHandler(deps, item);
    }
    expect((await stored()).history.filter((event) => event.detail?.reason === 'handler_unreachable')).toHaveLength(3);
    expect((await stored()).handlerKey).toBeDefined();
  });
});
