import { nextState } from '../../domain/caseLifecycle';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import { applyClockEvent } from '../deadlines/caseClockUpdates';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from '../cases/notifyReporter';
import type { CaseRecord } from '../cases/casePorts';
import { notifyHandler } from './replyAsReporter';
import { updateCase } from '../cases/updateCase';

/** The reporter withdraws: the case closes as withdrawn, the handler is told, the reporter gets a confirmation. */
export async function withdrawCase(deps: CaseDependencies, credentials: ReporterCredentials): Promise<CaseRecord> {
  const found = await findReporterCase(deps, credentials);
  const { record } = await updateCase(deps, found.value.id, async (record, now) => {
    const at = now.toISOString();
    record.state = nextState(record.state, 'withdraw', { openQuestion: record.openQuestion === true, feedbackGiven: record.feedback !== undefined });
    record.outcome = 'withdrawn';
    record.closedAt = at;
    record.isOpen = false;
    applyClockEvent(deps, record, 'withdrawn', now);
    record.openQuestion = false;
    record.history.push({ at, actor: 'reporter', type: 'withdrawn' });
    await notifyHandler(deps, record, 'withdrawn', now);
    notifyReporter(deps, record, 'withdrawn', now);
    return { record, result: undefined };
  });
  deps.logger.info('case.withdrawn');
  return record;
}
