import type { CaseRecord } from './casePorts';

/**
 * Where a confidential report stands on the reporter's identity, for one handler (by pseudonym):
 * 'disclosed' when the reporter agreed that this handler may know who they are, 'pending' while
 * this handler's request waits for an answer, 'available' when this handler may ask, and
 * undefined when asking is not possible at all (named, anonymous or closed cases).
 */
export function identityRequestStatus(record: CaseRecord, handlerKey: string): 'available' | 'pending' | 'disclosed' | undefined {
  if (record.identity !== 'confidential' || !record.sealedReporter) return undefined;
  if (record.identityDisclosedTo?.includes(handlerKey)) return 'disclosed';
  if (record.state === 'closed') return undefined;
  if (record.identityRequest?.state === 'pending' && record.identityRequest.handlerKey === handlerKey) return 'pending';
  return 'available';
}
