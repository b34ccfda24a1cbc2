import { openHandler } from '../cases/caseParties';
import { enqueueDirect } from '../outbox/enqueueDirect';
import { userRecipient } from '../cases/caseParties';
import { handOverCases } from './handOverCases';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { toLocale } from '../../domain/locale';

/**
 * The daily check: a handler who is no longer in the directory (left Defensie, changed post
 * without a handover) cannot be the only one who knows a case. Their open cases go to the
 * fallback route, and the coordinators of their unit are told how many. Returns the number of
 * cases moved.
 */
export async function handOverFromDepartedHandlers(deps: CaseDependencies): Promise<number> {
  const handlers = new Map<string, string>();
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.cases.listOpen({ limit: 100, continuationToken });
    for (const { value: record } of page.items) {
      const handler = openHandler(deps, record);
      if (handler) handlers.set(handler.userId, record.assignment?.unitId ?? deps.settings.centralUnitId);
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);

  let moved = 0;
  const now = deps.clock.now();
  for (const [userId, unitId] of handlers) {
    if (await deps.directory.isKnown(userId)) continue;
    const result = await handOverCases(deps, { fromUserId: userId, actor: { kind: 'system' } });
    const count = result.toFallback + result.toSuccessor;
    moved += count;
    if (count === 0) continue;
    const coordinators = (await deps.directory.holdersOfRole('coordinator', unitId)).people;
    for (const coordinator of coordinators) {
      const locale = toLocale((await deps.directory.getPerson(coordinator))?.locale);
      const recipient = userRecipient(deps, coordinator);
      const key = recipient.kind === 'user' ? recipient.userKey : coordinator;
      await enqueueDirect(deps, `handler-left:${deps.pseudonyms.pseudonym('user', userId)}:${now.toISOString().slice(0, 10)}:${key}`, recipient, { type: 'handlerLeft', count, locale }, now);
    }
  }
  if (moved > 0) deps.logger.info('handover.departed', { cases: moved });
  return moved;
}
