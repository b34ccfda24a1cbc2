import { NotFoundError } from '../../domain/errors';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import type { IntakeDependencies } from '../intake/intakeDependencies';

/** What the check-in dialog shows about the case: its reference and whether check-ins still run. Nothing else. */
export interface CheckInView {
  reference: string;
  stopped: boolean;
}

/** Opens a check-in for the case's reporter only (their Teams user, or reference + secret); anyone else: NotFoundError. */
export async function openCheckIn(deps: Pick<IntakeDependencies, 'repos' | 'pseudonyms'>, credentials: ReporterCredentials): Promise<CheckInView> {
  const { value: record } = await findReporterCase(deps, credentials);
  if (!record.aftercare) throw new NotFoundError('no check-ins for this case');
  return { reference: record.reference, stopped: record.aftercare.stoppedAt !== undefined };
}
