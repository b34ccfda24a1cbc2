import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import type { Page, PageRequest } from '../common/storePorts';
import { reporterRoute, type ReporterRoute } from '../intake/reporterRoute';

export type CaseSummary = Pick<CaseRecord, 'reference' | 'kind' | 'state' | 'receivedAt'>;

/** A case in the reporter's own list: with where it went, what comes next and its id (the button opens its dialog). */
export type MyCaseSummary = CaseSummary & ReporterRoute & { caseId: string };

/**
 * The reporter's own named and confidential cases, newest first: references, states, the route
 * (a role) and the next deadline; never content. Anonymous cases are not linked to anyone, so
 * they are asked for by reference and secret.
 */
export async function listMyCases(deps: IntakeDependencies, userId: string, page?: PageRequest): Promise<Page<MyCaseSummary>> {
  const result = await deps.repos.cases.listByReporter(deps.pseudonyms.pseudonym('user', userId), page);
  const now = deps.clock.now().toISOString();
  return {
    items: result.items.map((record) => ({
      caseId: record.id,
      reference: record.reference,
      kind: record.kind,
      state: record.state,
      receivedAt: record.receivedAt,
      ...reporterRoute(record, now),
    })),
    continuationToken: result.continuationToken,
  };
}
