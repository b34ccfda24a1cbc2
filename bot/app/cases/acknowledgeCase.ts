import { nextState } from '../../domain/caseLifecycle';
import { assertAssignedHandler } from './caseAccess';
import { applyClockEvent } from '../deadlines/caseClockUpdates';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from './notifyReporter';
import type { CaseRecord } from './casePorts';
import { updateCase } from './updateCase';

/** The handler confirms receipt; the reporter is told. */
export async function acknowledgeCase(deps: CaseDependencies, caseId: string, handlerUserId: string): Promise<CaseRecord> {
  const { record } = await updateCase(deps, caseId, (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    record.state = nextState(record.state, 'acknowledge', { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined });
    record.acknowledgedAt = now.toISOString();
    applyClockEvent(deps, record, 'acknowledged', now);
    record.history.push({ at: now.toISOString(), actor: record.handlerKey!, type: 'acknowledged' });
    notifyReporter(deps, record, 'acknowledged', now);
    return { record, result: undefined };
  });
  deps.logger.info('case.acknowledged', { role: record.assignment?.role });
  return record;
}
