import { randomUUID } from 'node:crypto';
import { isExcludedFromCase, mayHandleCase } from '../../../bot/app/cases/caseAccess';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import { EXCLUSION_MARK_BLOCK } from '../../../bot/app/common/cryptoPorts';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import { markLegacyExclusions } from '../../../bot/app/cases/markLegacyExclusions';
import { submitReport } from '../../../bot/app/intake/submitReport';
import type { CompleteReport } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';

// Demo organisation: Daan (…15) reports; his chain is Jeroen (…14), Lotte (…13), Thomas (…10), Martijn (…07), Hendrik (…01).
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const DAAN = id(15);
const CHAIN = [id(14), id(13), id(10), id(7), id(1)];
const report = (identity: CompleteReport['identity'], managerInvolved: CompleteReport['managerInvolved']): CompleteReport => ({
  categories: ['bullying'],
  kind: 'report',
  identity,
  managerInvolved,
  description: 'Wat er gebeurde.',
  involved: 'een collega',
  preferMeldpunt: false,
});

/** Every string a holder of the content key can read in a case: the plain record and everything sealed with 'content'. */
function readableWithContentKey(deps: CaseDependencies, record: CaseRecord): string {
  const opened: unknown[] = [deps.cipher.open('content', record.sealedContent, record.id)];
  if (record.sealedExclusions) opened.push(deps.cipher.open('content', record.sealedExclusions, `${record.id}:exclusions`));
  if (record.sealedMessages) opened.push(deps.cipher.open('content', record.sealedMessages, `${record.id}:messages`));
  return JSON.stringify([record, ...opened]);
}

describe('exclusions are kept as keyed marks, and an anonymous case keeps no trace of its reporter', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  async function submit(identity: CompleteReport['identity'], managerInvolved: CompleteReport['managerInvolved']): Promise<CaseRecord> {
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, {
      submissionId: randomUUID(),
      locale: 'nl',
      report: report(identity, managerInvolved),
    });
    return (await deps.repos.cases.get(receipt.caseId))!.value;
  }

  it('when an anonymous case about his manager is stored, then neither the record nor anything the content key opens holds the reporter or his managers', async () => {
    const record = await submit('anonymous', 'yes');
    const readable = readableWithContentKey(deps, record);
    for (const person of [DAAN, ...CHAIN]) expect(readable).not.toContain(person);
    expect(record.sealedExclusions).toBeUndefined();
  });

  it('when an anonymous case about his manager is stored, then the marks still refuse every manager of the chain', async () => {
    const record = await submit('anonymous', 'yes');
    for (const manager of CHAIN) expect(await mayHandleCase(deps, record, manager)).toBe(false);
    expect(await mayHandleCase(deps, record, id(11))).toBe(true);
  });

  it('when the anonymous reporter himself is asked about, then the answer is the one any other person gets: nothing on the case depends on who reported it', async () => {
    const record = await submit('anonymous', 'no');
    expect(isExcludedFromCase(deps, record, DAAN)).toBe(false);
    expect(isExcludedFromCase(deps, record, DAAN)).toBe(isExcludedFromCase(deps, record, id(16)));
  });

  it('when the manager is or is not involved, then the number of marks is the same, so it does not tell how long the chain is', async () => {
    const without = await submit('anonymous', 'no');
    const withChain = await submit('anonymous', 'yes');
    expect(without.exclusionMarks!.marks).toHaveLength(EXCLUSION_MARK_BLOCK);
    expect(withChain.exclusionMarks!.marks).toHaveLength(EXCLUSION_MARK_BLOCK);
  });

  it('when a confidential case is stored, then the reporter is excluded through a mark, and his id is not readable with the content key', async () => {
    const record = await submit('confidential', 'yes');
    expect(isExcludedFromCase(deps, record, DAAN)).toBe(true);
    expect(readableWithContentKey(deps, record)).not.toContain(DAAN);
  });

  it('when the same person is excluded from two cases, then the marks of the two cases have nothing in common', async () => {
    const first = await submit('anonymous', 'yes');
    const second = await submit('anonymous', 'yes');
    expect(first.exclusionMarks!.marks.filter((mark) => second.exclusionMarks!.marks.includes(mark))).toEqual([]);
  });

  it('when a case stored before marks existed has a sealed list, then it is still honoured', async () => {
    const record = await submit('named', 'no');
    const legacy: CaseRecord = { ...record, exclusionMarks: undefined, sealedExclusions: deps.cipher.seal('content', { excluded: [id(22)] }, `${record.id}:exclusions`) };
    expect(isExcludedFromCase(deps, legacy, id(22))).toBe(true);
    expect(isExcludedFromCase(deps, legacy, id(21))).toBe(false);
  });
});

describe('cases stored before exclusion marks', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  it('when the retention run meets an anonymous case with a sealed exclusion list, then the list is replaced by marks without the reporter, and the managers stay excluded', async () => {
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, {
      submissionId: randomUUID(),
      locale: 'nl',
      report: report('anonymous', 'yes'),
    });
    // As the previous version stored it: the reporter first, then the chain, sealed with the content key.
    const stored = (await deps.repos.cases.get(receipt.caseId))!;
    const legacy: CaseRecord = { ...stored.value, exclusionMarks: undefined, sealedExclusions: deps.cipher.seal('content', { excluded: [DAAN, ...CHAIN] }, `${receipt.caseId}:exclusions`) };
    await deps.repos.cases.replace(legacy, stored.etag);

    await expect(markLegacyExclusions(deps)).resolves.toBe(1);

    const record = (await deps.repos.cases.get(receipt.caseId))!.value;
    expect(record.sealedExclusions).toBeUndefined();
    expect(isExcludedFromCase(deps, record, DAAN)).toBe(false);
    for (const manager of CHAIN) expect(isExcludedFromCase(deps, record, manager)).toBe(true);
    expect(readableWithContentKey(deps, record)).not.toContain(DAAN);
    await expect(markLegacyExclusions(deps)).resolves.toBe(0);
  });
});
