import { createHash, randomUUID } from 'node:crypto';
import { closeCase } from '../../../bot/app/cases/closeCase';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { CaseRecord, CaseRepository } from '../../../bot/app/cases/casePorts';
import type { PurgeLogEntry } from '../../../bot/app/retention/purgeLogPorts';
import { purgeClosedCases } from '../../../bot/app/retention/purgeClosedCases';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { ConfigurationError } from '../../../bot/domain/errors';
import type { CompleteReport, IdentityMode } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';
import type { RecordingLogger } from '../../fakes/recordingLogger';

// Demo organisation: Daan (…15) reports; the handler is whoever routing picks, found back by pseudonym.
const person = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const DAAN = person(15);
const PEOPLE = Array.from({ length: 22 }, (_, index) => person(index + 1));
const NOW = '2026-11-30T09:00:00.000Z';

describe('purging closed cases after retention (use case on real storage and the demo organisation)', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let logger: RecordingLogger;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, clock, logger, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  /** Submits a report at `at` as Daan (named) or anonymously, and returns the stored case. */
  const submitAt = async (at: string, identity: IdentityMode): Promise<CaseRecord> => {
    clock.set(at);
    const report: CompleteReport = { categories: ['bullying'], kind: 'report', identity, managerInvolved: 'no', description: 'Wat er gebeurde.', involved: 'Korporaal Smeets', preferMeldpunt: false };
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: `a:${randomUUID()}` } } }, { submissionId: randomUUID(), locale: 'nl', report });
    return (await deps.repos.cases.get(receipt.caseId))!.value;
  };

  /** The assigned handler closes the case at `at`. */
  const closeAt = async (record: CaseRecord, at: string): Promise<void> => {
    clock.set(at);
    const handler = PEOPLE.find((userId) => deps.pseudonyms.pseudonym('user', userId) === record.handlerKey)!;
    await closeCase(deps, { caseId: record.id, outcome: 'resolved', message: 'Afgerond met betrokkenen.' }, handler);
  };

  const register = async (): Promise<PurgeLogEntry[]> => (await deps.repos.purgeLog.list({ limit: 100 })).items;
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  /** Old anonymous closed case, young anonymous closed case, and a case open since long ago. */
  const threeCases = async () => {
    const old = await submitAt('2019-12-02T10:00:00.000Z', 'anonymous');
    await closeAt(old, '2020-01-15T10:00:00.000Z');
    const young = await submitAt('2024-05-06T10:00:00.000Z', 'anonymous');
    await closeAt(young, '2024-06-03T10:00:00.000Z');
    const open = await submitAt('2019-11-04T10:00:00.000Z', 'named');
    clock.set(NOW);
    return { old, young, open };
  };

  it('when a closed case is past five years, then it and its relay address are deleted, and one register entry without reference or content remains', async () => {
    const { old } = await threeCases();
    expect(old.relayId).toBeDefined();
    await expect(deps.repos.relayAddresses.get(old.relayId!)).resolves.toBeDefined();

    await expect(purgeClosedCases(deps)).resolves.toBe(1);

    await expect(deps.repos.cases.get(old.id)).resolves.toBeUndefined();
    await expect(deps.repos.relayAddresses.get(old.relayId!)).resolves.toBeUndefined();
    const entries = await register();
    expect(entries).toEqual([
      { id: `purge:${sha256(old.id)}`, purgedAt: NOW, caseIdHash: sha256(old.id), kind: 'report', closedAt: '2020-01', outcome: 'resolved', reason: 'retention' },
    ]);
    const written = JSON.stringify(entries);
    for (const secret of [old.id, old.reference, old.relayId!, old.sealedContent.ct, 'Korporaal']) expect(written).not.toContain(secret);
    expect(logger.events('cases.purged')).toEqual([{ level: 'info', event: 'cases.purged', fields: { count: 1 } }]);
    for (const secret of [old.id, old.reference, old.relayId!]) expect(logger.text()).not.toContain(secret);
  });

  it('when a closed case is younger than the retention, or a case is still open, then it stays as it was', async () => {
    const { young, open } = await threeCases();
    const before = [await deps.repos.cases.get(young.id), await deps.repos.cases.get(open.id)];

    await purgeClosedCases(deps, { retentionDays: 1826 });

    expect([await deps.repos.cases.get(young.id), await deps.repos.cases.get(open.id)]).toEqual(before);
    await expect(deps.repos.relayAddresses.get(young.relayId!)).resolves.toBeDefined();
  });

  it('when the purge runs again, then nothing more is deleted or registered and nothing is logged', async () => {
    await threeCases();
    await purgeClosedCases(deps, { retentionDays: 1826 });
    const afterFirst = await register();

    await expect(purgeClosedCases(deps, { retentionDays: 1826 })).resolves.toBe(0);

    await expect(register()).resolves.toEqual(afterFirst);
    expect(logger.events('cases.purged')).toHaveLength(1);
  });

  it('when the run crashes between registering and deleting, then the next run deletes the case and the register still holds one entry for it', async () => {
    const { old, young } = await threeCases();
    let failures = 1;
    const cases = deps.repos.cases;
    const crashing: CaseRepository = new Proxy(cases, {
      get(target, property) {
        if (property === 'delete') {
          return async (id: string) => {
            if (failures > 0) {
              failures -= 1;
              throw new Error('process killed');
            }
            return target.delete(id);
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const flaky = { ...deps, repos: { ...deps.repos, cases: crashing } };

    await expect(purgeClosedCases(flaky, { retentionDays: 1826 })).rejects.toThrow('process killed');
    await expect(deps.repos.cases.get(old.id)).resolves.toBeDefined();
    expect(await register()).toHaveLength(1);

    clock.advance(24 * 60 * 60 * 1000);
    await expect(purgeClosedCases(flaky, { retentionDays: 1826 })).resolves.toBe(1);

    await expect(deps.repos.cases.get(old.id)).resolves.toBeUndefined();
    await expect(deps.repos.cases.get(young.id)).resolves.toBeDefined();
    const entries = await register();
    expect(entries).toEqual([expect.objectContaining({ caseIdHash: sha256(old.id), purgedAt: NOW })]);
  });

  it('when a shorter retention is configured in the settings, then it applies when no option is given', async () => {
    const { young, open } = await threeCases();

    await expect(purgeClosedCases({ ...deps, settings: { ...deps.settings, caseRetentionDays: 365 } })).resolves.toBe(2);

    await expect(deps.repos.cases.get(young.id)).resolves.toBeUndefined();
    await expect(deps.repos.cases.get(open.id)).resolves.toBeDefined();
    expect((await register()).map((entry) => entry.closedAt).sort()).toEqual(['2020-01', '2024-06']);
  });

  it('when the retention is zero or not a whole number of days, then nothing is deleted', async () => {
    const { old } = await threeCases();

    for (const retentionDays of [0, -1, 1.5, Number.NaN]) await expect(purgeClosedCases(deps, { retentionDays })).rejects.toBeInstanceOf(ConfigurationError);

    await expect(deps.repos.cases.get(old.id)).resolves.toBeDefined();
    await expect(register()).resolves.toEqual([]);
  });
});
