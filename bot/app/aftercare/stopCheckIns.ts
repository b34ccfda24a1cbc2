import { NotFoundError } from '../../domain/errors';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import { updateCase } from '../cases/updateCase';
import type { CheckInView } from './openCheckIn';

/** The reporter stops the check-ins of their case, in one press: none is sent after (stopping twice changes nothing). */
export async function stopCheckIns(deps: IntakeDependencies, credentials: ReporterCredentials): Promise<CheckInView> {
  const found = await findReporterCase(deps, credentials);
  const { record } = await updateCase(deps, found.value.id, (record, now) => {
    if (!record.aftercare) throw new NotFoundError('no check-ins for this case');
    if (!record.aftercare.stoppedAt) {
      record.aftercare.stoppedAt = now.toISOString();
      record.history.push({ at: now.toISOString(), actor: 'reporter', type: 'check_ins_stopped' });
    }
    delete record.nextCheckInAt;
    return { record, result: undefined };
  });
  deps.logger.info('check_ins.stopped');
  return { reference: record.reference, stopped: true };
}
