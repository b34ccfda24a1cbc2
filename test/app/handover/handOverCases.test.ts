import { randomUUID } from 'node:crypto';
import { handOverCases } from '../../../bot/app/handover/handOverCases';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { ForbiddenError } from '../../../bot/domain/errors';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';

// Demo organisation: Jeroen (…14) is the line manager of Daan (…15) and Sophie (…16); Lotte (…13) succeeds him;
// Anouk (…08) coordinates CLAS (inherited by 11 Infbat); Fatima (…02) is the central Meldpunt.
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [JEROEN, LOTTE, ANOUK, FATIMA] = [id(14), id(13), id(8), id(2)];
const report = (involved: string): CompleteReport => ({ categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: 'd', involved, preferMeldpunt: false });

describe('handOverCases (change of command)', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
    for (let i = 0; i < 30; i += 1) {
      const reporter = i % 2 === 0 ? { userId: id(15), name: 'Daan Willems' } : { userId: id(16), name: 'Sophie van Leeuwen' };
      await submitReport(deps, { ...reporter, conversation: { conversation: { id: `a:${reporter.userId}` } } }, {
        submissionId: randomUUID(),
        locale: 'nl',
        // One report names the successor as involved: she may never get it.
        report: report(i === 7 ? 'Lotte Peters stond erbij en lachte' : 'een collega'),
      });
    }
  }, 60_000);

  afterAll(() => cleanup());

  const allCases = async (): Promise<CaseRecord[]> => (await deps.repos.cases.listOpen({ limit: 100 })).items.map((entry) => entry.value);

  it('when someone who is not a coordinator of the unit asks, then it is refused and nothing moves', async () => {
    await expect(handOverCases(deps, { fromUserId: JEROEN, toUserId: LOTTE, actor: { kind: 'user', userId: id(20) } })).rejects.toThrow(ForbiddenError);
    expect((await allCases()).every((record) => record.handlerKey === deps.pseudonyms.pseudonym('user', JEROEN))).toBe(true);
  });

  it('when the coordinator hands 30 open cases to the successor, then 29 go to her, the one naming her goes to the fallback, none is left, and 30 reporters are told', async () => {
    const result = await handOverCases(deps, { fromUserId: JEROEN, toUserId: LOTTE, actor: { kind: 'user', userId: ANOUK } });
    expect(result).toEqual({ toSuccessor: 29, toFallback: 1, notMoved: 0 });

    const cases = await allCases();
    expect(cases).toHaveLength(30);
    const keyOf = (userId: string) => deps.pseudonyms.pseudonym('user', userId);
    expect(cases.filter((record) => record.handlerKey === keyOf(LOTTE))).toHaveLength(29);
    const excluded = cases.find((record) => record.handlerKey !== keyOf(LOTTE))!;
    expect(excluded.handlerKey).toBe(keyOf(FATIMA));
    expect(excluded.history.at(-1)).toMatchObject({ type: 'reassigned', detail: { reason: 'handover_successor_excluded' } });
    expect(cases.some((record) => record.handlerKey === keyOf(JEROEN) || !record.handlerKey)).toBe(false);

    const outbox = (await deps.repos.outbox.listDue('9999-12-31T00:00:00.000Z', 100)).map((entry) => entry.value);
    const reporterKeys = new Set([keyOf(id(15)), keyOf(id(16))]);
    const notices = outbox
      .filter((item) => item.recipient.kind === 'user' && reporterKeys.has(item.recipient.userKey))
      .map((item) => deps.cipher.open<{ intent: { type: string; event?: string } }>('content', item.sealedPayload, item.id).intent)
      .filter((intent) => intent.type === 'reporterNotice' && intent.event === 'reassigned');
    expect(notices).toHaveLength(30);
  });

  it('when the handover runs again, then there is nothing left to move', async () => {
    const again = await handOverCases(deps, { fromUserId: JEROEN, toUserId: LOTTE, actor: { kind: 'system' } });
    expect(again).toEqual({ toSuccessor: 0, toFallback: 0, notMoved: 0 });
  });
});
