import { randomUUID } from 'node:crypto';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { CaseRepository } from '../../../bot/app/cases/casePorts';
import { purgeOrphanRelayAddresses } from '../../../bot/app/retention/purgeOrphanRelayAddresses';
import { submitReport } from '../../../bot/app/intake/submitReport';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity: 'anonymous', managerInvolved: 'no', description: 'Wat er gebeurde.', involved: 'een collega', preferMeldpunt: false };

class CrashError extends Error {}

describe('relay addresses whose case never came', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, clock, cleanup } = await caseTestDependencies());
    clock.set('2026-11-30T09:00:00Z');
  });

  afterEach(() => cleanup());

  const submit = (d: CaseDependencies, userId: string) =>
    submitReport(d, { userId, name: 'someone', conversation: { conversation: { id: `a:${userId}` } } }, { submissionId: randomUUID(), locale: 'nl', report });

  /** The same dependencies, whose store dies when the case is written (after the relay address was). */
  function crashingOnCaseCreate(): CaseDependencies {
    const cases: CaseRepository = Object.create(deps.repos.cases);
    cases.create = async () => {
      throw new CrashError('the instance died');
    };
    return { ...deps, repos: { ...deps.repos, cases } };
  }

  it('when the instance dies between writing the relay address and the case, then the next retention runs delete the address, and keep the address of a case that exists', async () => {
    await expect(submit(crashingOnCaseCreate(), id(16))).rejects.toThrow(CrashError);
    const [orphan] = await deps.repos.relayAddresses.listUpdatedBefore('9999-12-31', 10);
    expect(orphan).toBeDefined();
    const kept = (await deps.repos.cases.get((await submit(deps, id(15))).caseId))!.value.relayId!;

    clock.set('2026-12-01T03:00:00Z');
    await expect(purgeOrphanRelayAddresses(deps)).resolves.toBe(0);
    await expect(deps.repos.relayAddresses.get(orphan.id)).resolves.toBeDefined();

    clock.set('2026-12-03T03:00:00Z');
    await expect(purgeOrphanRelayAddresses(deps)).resolves.toBe(1);
    await expect(deps.repos.relayAddresses.get(orphan.id)).resolves.toBeUndefined();
    await expect(deps.repos.relayAddresses.get(kept)).resolves.toMatchObject({ updatedAt: '2026-12-03' });

    clock.set('2026-12-09T03:00:00Z');
    await expect(purgeOrphanRelayAddresses(deps)).resolves.toBe(0);
    await expect(deps.repos.relayAddresses.get(kept)).resolves.toBeDefined();
  });
});
