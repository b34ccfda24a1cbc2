import { HANDLER_FORM_INPUTS } from '../../../bot/teams/handlerForms';
import { parseForm } from '../../../bot/teams/parseForm';
import { REPORTER_FORM_INPUTS } from '../../../bot/teams/reporterForms';
import { randomUUID } from 'node:crypto';
import { answerExtensionConsent, extendComplaintDecision } from '../../../bot/app/cases/extendComplaintDecision';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import type { CaseRecord } from '../../../bot/app/cases/casePorts';
import { readCaseMessages } from '../../../bot/app/cases/caseMessages';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { ExtensionRefusedError } from '../../../bot/domain/deadlines/extensionRefusedError';
import { ValidationError } from '../../../bot/domain/errors';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

// Demo organisation: a klacht by Daan (…15) goes to the DKP of CLAS, Anouk (…08).
const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [DAAN, ANOUK] = [id(15), id(8)];
const amsterdamDate = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

describe('postponing the decision on a klacht (Awb 9:11)', () => {
  let deps: CaseDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;
  let caseId: string;

  beforeEach(async () => {
    ({ deps, clock, cleanup } = await caseTestDependencies());
    clock.set('2026-11-30T09:00:00Z');
    const receipt = await submitReport(deps, { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } }, {
      submissionId: randomUUID(),
      locale: 'nl',
      report: { categories: ['other_unwanted'], kind: 'complaint', identity: 'named', managerInvolved: 'no', description: 'd', preferMeldpunt: false },
    });
    caseId = receipt.caseId;
  });

  afterEach(() => cleanup());

  const stored = async (): Promise<CaseRecord> => (await deps.repos.cases.get(caseId))!.value;
  const decisionDue = async () => amsterdamDate((await stored()).clocks!.find((clock) => clock.clock === 'decision')!.dueAt);

  it('when the handler postpones once by 4 weeks with a reason, then the decision date moves, the complainant gets the written notice in their dialog, and the reason is stored sealed only', async () => {
    expect(await decisionDue()).toBe('2027-01-11');
    clock.set('2026-12-20T09:00:00Z');
    await expect(extendComplaintDecision(deps, { caseId, days: 28, reason: 'Er moeten nog getuigen worden gehoord.' }, ANOUK)).resolves.toMatchObject({ status: 'extended' });
    expect(await decisionDue()).toBe('2027-02-08');
    const record = await stored();
    expect(JSON.stringify(record)).not.toContain('getuigen');
    expect(readCaseMessages(deps, record).at(-1)).toMatchObject({ kind: 'extension', text: expect.stringContaining('getuigen') });
    expect(record.history.at(-1)).toMatchObject({ type: 'decision_extended', detail: { days: '28' } });
  });

  it('when the days or the reason are wrong, then each is named and nothing changes', async () => {
    expect(() => parseForm(HANDLER_FORM_INPUTS.extend, { days: 'veel', message: ' ' })).toThrow(expect.objectContaining({ fields: { days: 'daysOutOfRange', message: 'messageRequired' } }));
    await expect(extendComplaintDecision(deps, { caseId, days: 29, reason: 'reden' }, ANOUK)).rejects.toThrow(ExtensionRefusedError);
    expect(await decisionDue()).toBe('2027-01-11');
  });

  it('when a second postponement is asked, then the complainant is asked to consent, and only their yes moves the date', async () => {
    await extendComplaintDecision(deps, { caseId, days: 14, reason: 'Eerste reden.' }, ANOUK);
    expect(await decisionDue()).toBe('2027-01-25');
    await expect(extendComplaintDecision(deps, { caseId, days: 21, reason: 'Tweede reden.' }, ANOUK)).resolves.toMatchObject({ status: 'consent_requested' });
    expect(await decisionDue()).toBe('2027-01-25');
    expect((await stored()).pendingExtension).toMatchObject({ days: 21 });

    await expect(answerExtensionConsent(deps, { caseId, consent: 'yes' }, ANOUK)).rejects.toThrow();
    expect(() => parseForm(REPORTER_FORM_INPUTS.extensionConsent, { consent: 'maybe' })).toThrow(expect.objectContaining({ fields: { consent: 'invalidChoice' } }));
    expect(() => parseForm(REPORTER_FORM_INPUTS.extensionConsent, { consent: 'maybe' })).toThrow(ValidationError);
    await answerExtensionConsent(deps, { caseId, consent: 'yes' }, DAAN);
    expect(await decisionDue()).toBe('2027-02-15');
    expect((await stored()).pendingExtension).toBeUndefined();
    await expect(answerExtensionConsent(deps, { caseId, consent: 'yes' }, DAAN)).rejects.toThrow(ExtensionRefusedError);
  });

  it('when the complainant refuses, then the date stays', async () => {
    await extendComplaintDecision(deps, { caseId, days: 14, reason: 'Eerste reden.' }, ANOUK);
    await extendComplaintDecision(deps, { caseId, days: 21, reason: 'Tweede reden.' }, ANOUK);
    await answerExtensionConsent(deps, { caseId, consent: 'no' }, DAAN);
    expect(await decisionDue()).toBe('2027-01-25');
    expect((await stored()).history.at(-1)).toMatchObject({ type: 'extension_refused', actor: 'reporter' });
  });
});
