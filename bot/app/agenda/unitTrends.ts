import { quarterWindows } from '../../domain/agenda/quarterWindows';
import { risingCategories } from '../../domain/agenda/risingCategories';
import type { Category } from '../../domain/report';
import type { AgendaDependencies } from './agendaDependencies';

/** Fewer reports than this in a category say nothing a team may be told, even indirectly. */
export const TREND_MINIMUM = 10;

/**
 * Per unit: the report categories that rose clearly over the last quarter against the one before
 * (at least {@link TREND_MINIMUM} reports). A case counts for its reporter's unit and every unit
 * above it. Built once per posting run; only counts leave this function, and only as a
 * preference for a topic — nothing on a card says why a topic was chosen.
 */
export async function unitTrends(deps: AgendaDependencies): Promise<(unitId: string) => Category[]> {
  const windows = quarterWindows(deps.clock.now());
  const current = new Map<string, Map<Category, number>>();
  const previous = new Map<string, Map<Category, number>>();
  const chains = new Map<string, string[]>();
  const chainOf = async (unitId: string): Promise<string[]> => {
    let chain = chains.get(unitId);
    if (!chain) {
      chain = (await deps.directory.unitChain(unitId)).map((unit) => unit.id);
      chains.set(unitId, chain);
    }
    return chain;
  };
  let continuationToken: string | undefined;
  do {
    const page = await deps.repos.cases.listReceivedBetween(windows.previous.from.toISOString(), windows.current.to.toISOString(), { limit: 200, continuationToken });
    for (const record of page.items) {
      const target = Date.parse(record.receivedAt) >= windows.current.from.getTime() ? current : previous;
      for (const unitId of await chainOf(record.unitId ?? deps.settings.centralUnitId)) {
        const counts = target.get(unitId) ?? new Map<Category, number>();
        for (const category of record.categories) counts.set(category, (counts.get(category) ?? 0) + 1);
        target.set(unitId, counts);
      }
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return (unitId) => risingCategories(current.get(unitId) ?? new Map(), previous.get(unitId) ?? new Map(), TREND_MINIMUM);
}
