import { ForbiddenError, ValidationError } from '../../domain/errors';
import { assertAssignedHandler } from './caseAccess';
import { appendCaseMessage } from './caseMessages';
import { reporterRecipient } from './caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import { identityRequestStatus } from './identityRequestStatus';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from './casePorts';
import { updateCase } from './updateCase';

/** The form asking who reported, parsed at the adapter (see identityReasonText). */
export interface RequestReporterIdentityCommand {
  caseId: string;
  reason: string;
}

/**
 * The assigned handler of a confidential report asks the reporter whether they may know who
 * reported (Wet bescherming klokkenluiders art. 1a; EU 2019/1937 art. 16: the identity only with
 * the reporter's consent). The reason is sealed with the messages, where the reporter reads it in
 * their dialog; their chat only gets a notice without it. Named and anonymous reports are refused,
 * and so is a second request while one waits for an answer.
 */
export async function requestReporterIdentity(deps: CaseDependencies, command: RequestReporterIdentityCommand, handlerUserId: string): Promise<CaseRecord> {
  const { reason } = command;
  const { record } = await updateCase(deps, command.caseId, (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    const handlerKey = record.handlerKey!;
    const status = identityRequestStatus(record, handlerKey);
    if (status === undefined || status === 'disclosed') throw new ForbiddenError('identity request not possible for this case');
    if (status === 'pending') throw new ValidationError({ message: 'identityRequestPending' });
    const at = now.toISOString();
    record.identityRequest = { state: 'pending', requestedAt: at, handlerKey };
    appendCaseMessage(deps, record, { from: 'handler', kind: 'identityRequest', at, text: reason });
    record.history.push({ at, actor: handlerKey, type: 'identity_requested' });
    const recipient = reporterRecipient(deps, record);
    if (recipient) enqueueNotification(deps, record, recipient, { type: 'identityConsent', caseId: record.id, reference: record.reference, locale: record.locale }, now);
    return { record, result: undefined };
  });
  deps.logger.info('case.identity_requested');
  return record;
}
