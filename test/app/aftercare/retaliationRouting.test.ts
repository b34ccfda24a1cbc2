import { randomUUID } from 'node:crypto';
import { answerCheckIn } from '../../../bot/app/aftercare/answerCheckIn';
import { isExcludedFromCase, mayHandleCase } from '../../../bot/app/cases/caseAccess';
import { openHandler } from '../../../bot/app/cases/caseParties';
import { closeCase } from '../../../bot/app/cases/closeCase';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import { ValidationError } from '../../../bot/domain/errors';
import { parseForm } from '../../../bot/teams/parseForm';
import { REPORTER_FORM_INPUTS } from '../../../bot/teams/reporterForms';

// Demo organisation: Daan (…15) reports; his manager Jeroen (…14), whose manager is Lotte (…13); Fatima (…02) is the central
// Meldpunt, Marieke (…04) the central coordinator.
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const DAAN = id(15);
const JEROEN = id(14);
const LOTTE = id(13);
const FATIMA = id(2);
const MARIEKE = id(4);
const ANOUK = id(8);
const daan = { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } };

describe('a retaliation case is routed away from the first case', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;
  let first: CaseRecord;

  beforeEach(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
    const receipt = await submitReport(deps, daan, {
      submissionId: randomUUID(),
      locale: 'nl',
      report: { categories: ['bullying'], kind: 'report', identity: 'named', managerInvolved: 'no', description: 'Wat er gebeurde.', involved: 'een collega', preferMeldpunt: false },
    });
    await closeCase(deps, { caseId: receipt.caseId, outcome: 'resolved', message: 'Besproken.' }, JEROEN);
    // Fatima and Anouk are excluded from the first case by its marks only (as routing would have marked people it skipped).
    const stored = (await deps.repos.cases.get(receipt.caseId))!;
    first = (await deps.repos.cases.replace({ ...stored.value, exclusionMarks: deps.exclusions.mark(stored.value.id, [DAAN, FATIMA, ANOUK]) }, stored.etag)).value;
    expect(openHandler(deps, first)?.userId).toBe(JEROEN);
  });

  afterEach(() => cleanup());

  it('when Daan reports negative consequences, then the new case skips the first handler, his manager and whoever the first case excludes', async () => {
    const outcome = await answerCheckIn(deps, daan, { kind: 'user', userId: DAAN, caseId: first.id }, { answer: 'negative_consequences', text: 'Ik word overgeslagen.' });
    if (outcome.kind !== 'retaliation') throw new Error('expected a retaliation case');
    const record = (await deps.repos.cases.get(outcome.receipt.caseId))!.value;
    expect(record).toMatchObject({ retaliationOf: { caseId: first.id, exclusionMarks: first.exclusionMarks }, routing: { role: 'meldpunt' } });
    expect(openHandler(deps, record)?.userId).toBe(MARIEKE);
    expect(outcome.receipt).toMatchObject({ route: 'meldpunt', duplicate: false });
    for (const person of [JEROEN, LOTTE, FATIMA, ANOUK, DAAN]) {
      expect(isExcludedFromCase(deps, record, person)).toBe(true);
      expect(await mayHandleCase(deps, record, person)).toBe(false);
    }
    expect(await mayHandleCase(deps, record, MARIEKE)).toBe(true);
  });

  it('when the retaliation case closes and its check-in reports negative consequences again, then nobody excluded along the chain is eligible (here: nobody at all, so nothing is opened or recorded)', async () => {
    const outcome = await answerCheckIn(deps, daan, { kind: 'user', userId: DAAN, caseId: first.id }, { answer: 'negative_consequences', text: '' });
    if (outcome.kind !== 'retaliation') throw new Error('expected a retaliation case');
    await closeCase(deps, { caseId: outcome.receipt.caseId, outcome: 'resolved', message: 'Besproken.' }, MARIEKE);
    // Marieke handled the retaliation case, Fatima is excluded from the first: the central unit has nobody else.
    await expect(answerCheckIn(deps, daan, { kind: 'user', userId: DAAN, caseId: outcome.receipt.caseId }, { answer: 'negative_consequences', text: '' })).rejects.toThrow(/no eligible handler/);
    expect((await deps.repos.cases.get(outcome.receipt.caseId))!.value.aftercare).toMatchObject({ answered: 0 });

    // A case further down the chain keeps the marks of every case before it.
    const retaliation = (await deps.repos.cases.get(outcome.receipt.caseId))!.value;
    const next: CaseRecord = { ...retaliation, id: 'next-in-chain', exclusionMarks: undefined, retaliationOf: { caseId: retaliation.id, exclusionMarks: retaliation.exclusionMarks, earlier: retaliation.retaliationOf } };
    // Anouk was never a candidate for the retaliation case, so only the first case's marks, two links up, name her.
    expect(deps.exclusions.isMarked(retaliation.id, ANOUK, retaliation.exclusionMarks!)).toBe(false);
    for (const person of [ANOUK, FATIMA, JEROEN, LOTTE]) expect(isExcludedFromCase(deps, next, person)).toBe(true);
    expect(isExcludedFromCase(deps, next, MARIEKE)).toBe(false);
  });

  it('when the same answer arrives twice (Teams retries), then the same retaliation case is answered, not a second one', async () => {
    const once = await answerCheckIn(deps, daan, { kind: 'user', userId: DAAN, caseId: first.id }, { answer: 'negative_consequences', text: '' });
    const twice = await answerCheckIn(deps, daan, { kind: 'user', userId: DAAN, caseId: first.id }, { answer: 'negative_consequences', text: '' });
    if (once.kind !== 'retaliation' || twice.kind !== 'retaliation') throw new Error('expected retaliation cases');
    expect(twice.receipt).toMatchObject({ caseId: once.receipt.caseId, reference: once.receipt.reference, duplicate: true });
    expect((await deps.repos.cases.get(first.id))!.value.aftercare!.retaliationCaseIds).toEqual([once.receipt.caseId]);
  });

  it('when someone else answers Daan\'s check-in, then nothing is opened and nothing recorded', async () => {
    await expect(answerCheckIn(deps, { ...daan, userId: LOTTE }, { kind: 'user', userId: LOTTE, caseId: first.id }, { answer: 'negative_consequences', text: '' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await deps.repos.cases.get(first.id))!.value.aftercare).toMatchObject({ answered: 0 });
  });

  it('when the answer is not one of the choices or the text is too long, then the form (parsed at the adapter) names both fields', () => {
    let thrown: unknown;
    try {
      parseForm(REPORTER_FORM_INPUTS.checkIn, { answer: 'maybe', text: 'x'.repeat(2_001) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown).toMatchObject({ fields: { answer: 'pickCheckInAnswer', text: 'checkInTextTooLong' } });
    expect(parseForm(REPORTER_FORM_INPUTS.checkIn, { answer: 'fine', text: '   ' })).toEqual({ answer: 'fine' });
  });
});
