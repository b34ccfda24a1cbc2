import type { IntakeDependencies } from '../intake/intakeDependencies';

/**
 * Deletes drafts past their expiry (default 14 days after the last change). Safe to re-run;
 * counts what it removed (the timer logs the count, never whose).
 */
export async function purgeExpiredDrafts(deps: IntakeDependencies, maxPages = 50): Promise<number> {
  const now = deps.clock.now().toISOString();
  let removed = 0;
  for (let page = 0; page < maxPages; page += 1) {
    const expired = await deps.repos.drafts.listExpired(now, { limit: 100 });
    if (expired.items.length === 0) break;
    for (const draft of expired.items) {
      await deps.repos.drafts.delete(draft.id);
      removed += 1;
    }
    if (!expired.continuationToken && expired.items.length < 100) break;
  }
  if (removed > 0) deps.logger.info('drafts.purged', { count: removed });
  return removed;
}
