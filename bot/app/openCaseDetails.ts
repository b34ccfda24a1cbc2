import type { Category } from '../domain/report';
import { assertAssignedHandler } from './caseAccess';
import { readCaseMessages } from './caseMessages';
import type { CaseDependencies } from './intakeDependencies';
import type { CaseEvent, CaseMessage, CaseRecord, SealedCaseContent } from './ports';
import { updateCase } from './updateCase';

/** What the assigned handler sees in the case dialog. */
export interface CaseDetails extends SealedCaseContent {
  record: CaseRecord;
  categories: Category[];
  /** Named reports only. */
  reporterName?: string;
  messages: CaseMessage[];
  history: CaseEvent[];
}

/**
 * Opens a case's content for its assigned handler, and records that they did (the audit trail):
 * nobody reads a report without it showing in the case history. For a confidential report the
 * reporter's identity is not part of it.
 */
export async function openCaseDetails(deps: CaseDependencies, caseId: string, handlerUserId: string): Promise<CaseDetails> {
  const { record } = await updateCase(deps, caseId, (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    record.history.push({ at: now.toISOString(), actor: record.handlerKey!, type: 'content_opened' });
    return { record, result: undefined };
  });
  const content = deps.cipher.open<SealedCaseContent>('content', record.sealedContent, record.id);
  const reporter =
    record.identity === 'named' && record.sealedReporter ? deps.cipher.open<{ name: string }>('identity', record.sealedReporter, record.id) : undefined;
  deps.logger.info('case.content_opened');
  return {
    record,
    categories: record.categories,
    reporterName: reporter?.name,
    ...content,
    messages: readCaseMessages(deps, record),
    history: record.history,
  };
}
