import { checkInMoments, DEFAULT_CHECK_IN_MONTHS } from '../../domain/aftercare/checkIns';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';

/**
 * When a case closes: plans the reporter's aftercare check-ins (CHECK_IN_MONTHS after closing).
 * A case without a way to reach its reporter, or with no moments configured, gets none.
 */
export function scheduleCheckIns(deps: Pick<IntakeDependencies, 'settings'>, record: CaseRecord, closedAt: Date): void {
  if (!record.relayId && !record.sealedReporter) return;
  const moments = checkInMoments(closedAt, deps.settings.checkInMonths ?? DEFAULT_CHECK_IN_MONTHS);
  if (moments.length === 0) return;
  record.aftercare = { moments, sent: 0, answered: 0 };
  record.nextCheckInAt = moments[0];
}
