import type { IntakeDependencies } from '../intake/intakeDependencies';
import { updateCase } from './updateCase';

const BATCH = 100;
/** Bounds one run (5,000 cases); whatever is left is converted by the next. */
const MAX_BATCHES = 50;

/**
 * Rewrites every open case that still has a sealed exclusion list (stored before exclusion
 * marks), so that the list — with an anonymous case's reporter in it — is gone. Any other change
 * to a case converts it too (`updateCase`). Returns how many were rewritten.
 */
export async function markLegacyExclusions(deps: IntakeDependencies): Promise<number> {
  let rewritten = 0;
  // Only the cases still to convert are read (one query when none is left); each rewrite takes its case out of the next page.
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const page = await deps.repos.cases.listOpenWithLegacyExclusions(BATCH);
    for (const { value } of page) {
      await updateCase(deps, value.id, async (record) => ({ record, result: undefined }));
      rewritten += 1;
    }
    if (page.length < BATCH) break;
  }
  if (rewritten > 0) deps.logger.info('cases.exclusions_marked', { rewritten });
  return rewritten;
}
