import { NotFoundError } from '../../domain/errors';
import { findReporterCase, type ReporterCredentials } from '../cases/caseAccess';
import type { CaseDependencies } from '../intake/intakeDependencies';

/** The reference shown on a feedback card that comes back with errors: the reporter's own case's, else none. */
export async function feedbackFormReference(deps: Pick<CaseDependencies, 'repos' | 'pseudonyms'>, credentials: ReporterCredentials): Promise<string> {
  try {
    return (await findReporterCase(deps, credentials)).value.reference;
  } catch (error) {
    if (error instanceof NotFoundError) return '';
    throw error;
  }
}
