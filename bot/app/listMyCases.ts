import type { IntakeDependencies } from './intakeDependencies';
import type { CaseRecord, Page, PageRequest } from './ports';

export type CaseSummary = Pick<CaseRecord, 'reference' | 'kind' | 'state' | 'receivedAt'>;

/**
 * The reporter's own named and confidential cases, newest first: references and states only.
 * Anonymous cases are not linked to anyone, so they are asked for by reference and secret.
 */
export async function listMyCases(deps: IntakeDependencies, userId: string, page?: PageRequest): Promise<Page<CaseSummary>> {
  const result = await deps.repos.cases.listByReporter(deps.pseudonyms.pseudonym('user', userId), page);
  return {
    items: result.items.map(({ reference, kind, state, receivedAt }) => ({ reference, kind, state, receivedAt })),
    continuationToken: result.continuationToken,
  };
}
