import type { Category } from '../../domain/report';
import { assertAssignedHandler } from './caseAccess';
import { readCaseMessages } from './caseMessages';
import { identityRequestStatus } from './identityRequestStatus';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseEvent, CaseMessage, CaseRecord, SealedCaseContent } from './casePorts';
import { updateCase } from './updateCase';

/** What the assigned handler sees in the case dialog. */
export interface CaseDetails extends SealedCaseContent {
  record: CaseRecord;
  categories: Category[];
  /** Named reports; confidential ones only when the reporter agreed that this handler may know. */
  reporterName?: string;
  /** Confidential reports: whether this handler may ask who reported, is waiting, or was told (see identityRequestStatus). */
  identityRequest?: 'available' | 'pending' | 'disclosed';
  messages: CaseMessage[];
  history: CaseEvent[];
}

/**
 * Opens a case's content for its assigned handler, and records that they did (the audit trail):
 * nobody reads a report without it showing in the case history. For a confidential report the
 * reporter's identity is not part of it, unless the reporter agreed that this handler may know
 * (and then showing the name is recorded too).
 */
export async function openCaseDetails(deps: CaseDependencies, caseId: string, handlerUserId: string): Promise<CaseDetails> {
  const { record, result: identityRequest } = await updateCase(deps, caseId, (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    record.history.push({ at: now.toISOString(), actor: record.handlerKey!, type: 'content_opened' });
    const status = identityRequestStatus(record, record.handlerKey!);
    if (status === 'disclosed') record.history.push({ at: now.toISOString(), actor: record.handlerKey!, type: 'identity_shown' });
    return { record, result: status };
  });
  const content = deps.cipher.open<SealedCaseContent>('content', record.sealedContent, record.id);
  const showName = record.identity === 'named' || identityRequest === 'disclosed';
  const reporter = showName && record.sealedReporter ? deps.cipher.open<{ name: string }>('identity', record.sealedReporter, record.id) : undefined;
  deps.logger.info('case.content_opened');
  return {
    record,
    categories: record.categories,
    reporterName: reporter?.name,
    identityRequest,
    ...content,
    messages: readCaseMessages(deps, record),
    history: record.history,
  };
}
