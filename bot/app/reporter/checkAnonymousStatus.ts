import { normalizeCaseReference } from '../../domain/caseReference';
import { followUpSecretMatches } from './followUpSecret';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseSummary } from './listMyCases';

/**
 * Status of an anonymous case, for whoever holds its reference and secret. A wrong reference
 * and a wrong secret give the same answer, so the form cannot be used to find references.
 */
export async function checkAnonymousStatus(
  deps: IntakeDependencies,
  typedReference: string,
  typedSecret: string,
): Promise<CaseSummary | undefined> {
  const reference = normalizeCaseReference(typedReference);
  const found = reference ? await deps.repos.cases.findByReference(reference) : undefined;
  const record = found?.value;
  if (!record || record.identity !== 'anonymous' || !followUpSecretMatches(deps.pseudonyms, record.id, typedSecret)) {
    deps.logger.info('anonymous_status.refused');
    return undefined;
  }
  return { reference: record.reference, kind: record.kind, state: record.state, receivedAt: record.receivedAt };
}
