import type { IntakeDependencies } from '../intake/intakeDependencies';
import { updateCase } from './updateCase';

/**
 * Rewrites every open case that still has a sealed exclusion list (stored before exclusion
 * marks), so that the list — with an anonymous case's reporter in it — is gone. Any other change
 * to a case converts it too (`updateCase`). Returns how many were rewritten.
 */
export async function markLegacyExclusions(deps: IntakeDependencies): Promise<number> {
  let rewritten = 0;
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.cases.listOpen({ limit: 100, continuationToken });
    for (const { value } of page.items) {
      if (!value.sealedExclusions) continue;
      await updateCase(deps, value.id, async (record) => ({ record, result: undefined }));
      rewritten += 1;
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);
  if (rewritten > 0) deps.logger.info('cases.exclusions_marked', { rewritten });
  return rewritten;
}
