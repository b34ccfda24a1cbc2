import { HANDLER_FORM_INPUTS } from '../../../bot/teams/handlerForms';
import { parseForm } from '../../../bot/teams/parseForm';
import { randomUUID } from 'node:crypto';
import type { CaseDependencies } from '../../../bot/app/intake/intakeDependencies';
import { requestReporterIdentity } from '../../../bot/app/cases/requestReporterIdentity';
import { submitReport } from '../../../bot/app/intake/submitReport';
import { IDENTITY_REASON_MAX_LENGTH } from '../../../bot/domain/caseMessageText';
import { ForbiddenError, ValidationError } from '../../../bot/domain/errors';
import type { IdentityMode } from '../../../bot/domain/report';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';

const DAAN = '00000000-0000-4000-8000-000000000015';

describe('requestReporterIdentity (use case)', () => {
  let deps: CaseDependencies;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ deps, cleanup } = await caseTestDependencies());
  });

  afterEach(() => cleanup());

  async function reportAs(identity: IdentityMode): Promise<{ caseId: string; handlerId: string }> {
    const receipt = await submitReport(
      deps,
      { userId: DAAN, name: 'Daan Willems', conversation: { conversation: { id: 'a:daan' } } },
      { submissionId: randomUUID(), locale: 'nl', report: { categories: ['bullying'], kind: 'report', identity, managerInvolved: 'no', description: 'Er wordt steeds over mij gelachen.', preferMeldpunt: true } },
    );
    const record = (await deps.repos.cases.get(receipt.caseId))!.value;
    const handler = deps.cipher.open<{ userId: string }>('identity', record.assignment!.sealedHandler, `${record.id}:handler`);
    return { caseId: record.id, handlerId: handler.userId };
  }

  it.each<IdentityMode>(['anonymous', 'named'])('when the report is %s, then the handler cannot ask who reported and nothing is recorded', async (identity) => {
    const { caseId, handlerId } = await reportAs(identity);
    const before = (await deps.repos.cases.get(caseId))!.value;

    await expect(requestReporterIdentity(deps, { caseId, reason: 'Ik wil een gesprek voeren.' }, handlerId)).rejects.toBeInstanceOf(ForbiddenError);

    const after = (await deps.repos.cases.get(caseId))!.value;
    expect(after.history).toEqual(before.history);
    expect(after.identityRequest).toBeUndefined();
  });

  it('when the report is confidential, then the handler can ask once; a second request while the first waits is refused', async () => {
    const { caseId, handlerId } = await reportAs('confidential');

    await requestReporterIdentity(deps, { caseId, reason: 'Voor het hoor en wederhoor moet ik weten wie dit meldt.' }, handlerId);
    await expect(requestReporterIdentity(deps, { caseId, reason: 'Nog een keer.' }, handlerId)).rejects.toBeInstanceOf(ValidationError);

    const record = (await deps.repos.cases.get(caseId))!.value;
    expect(record.identityRequest).toMatchObject({ state: 'pending' });
    expect(record.history.filter((event) => event.type === 'identity_requested')).toHaveLength(1);
  });

  it('when the reason is as long as the form allows, then it is accepted, and one character more is refused as too long', async () => {
    const { caseId, handlerId } = await reportAs('confidential');
    expect(() => parseForm(HANDLER_FORM_INPUTS.identity, { message: 'x'.repeat(IDENTITY_REASON_MAX_LENGTH + 1) })).toThrow(expect.objectContaining({ fields: { message: 'identityReasonTooLong' } }));
    const { message: reason } = parseForm(HANDLER_FORM_INPUTS.identity, { message: 'x'.repeat(IDENTITY_REASON_MAX_LENGTH) });
    await expect(requestReporterIdentity(deps, { caseId, reason }, handlerId)).resolves.toMatchObject({ identityRequest: { state: 'pending' } });
  });
});
