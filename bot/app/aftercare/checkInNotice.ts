import type { NotificationIntent } from '../outbox/notificationIntent';
import type { Repositories } from '../common/repositories';

/** What the chat card of a check-in shows when it is delivered. */
export interface CheckInNoticeView {
  anonymous: boolean;
  caseId?: string;
  reference?: string;
}

/**
 * The check-in as it is at delivery: nothing, when the reporter stopped the check-ins (or the case
 * is gone) since it was queued. An anonymous reporter's check-in names no case, so it goes as it is.
 */
export async function checkInNotice(deps: { repos: Pick<Repositories, 'cases'> }, intent: Extract<NotificationIntent, { type: 'checkIn' }>): Promise<CheckInNoticeView | undefined> {
  if (intent.caseId === undefined) return { anonymous: true };
  const stored = await deps.repos.cases.get(intent.caseId);
  if (!stored?.value.aftercare || stored.value.aftercare.stoppedAt) return undefined;
  return { anonymous: false, caseId: intent.caseId, reference: intent.reference };
}
