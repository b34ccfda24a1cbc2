import type { Person } from '../domain/directory';

/** Why a manager chain ended: at a person without a manager, before repeating someone, or at the depth limit. */
export type ChainEnd = 'top' | 'cycle' | 'maxDepth';

/** The default `maxDepth`: deeper than any real line of command. */
export const DEFAULT_MAX_DEPTH = 10;
/** A larger `maxDepth` is lowered to this, so one call can never make unbounded Graph requests. */
const MAX_DEPTH_LIMIT = 50;

/**
 * Walks from a person up through their managers: direct manager first. Shared by the JSON and
 * Graph directories so both stop the same way: never loops on a manager cycle (the chain ends
 * before anyone appears twice, the start person included) and never asks for more than
 * `maxDepth` managers.
 *
 * @param managerOf the manager of the person with this id, or undefined at the top
 */
export async function walkManagerChain(
  aadObjectId: string,
  maxDepth: number,
  managerOf: (aadObjectId: string) => Promise<Person | undefined>,
): Promise<{ chain: Person[]; end: ChainEnd }> {
  const depth = Number.isNaN(maxDepth) ? 0 : Math.min(Math.max(0, Math.floor(maxDepth)), MAX_DEPTH_LIMIT);
  const chain: Person[] = [];
  const seen = new Set([aadObjectId]);
  let current = aadObjectId;
  while (chain.length < depth) {
    const manager = await managerOf(current);
    if (manager === undefined) return { chain, end: 'top' };
    if (seen.has(manager.aadObjectId)) return { chain, end: 'cycle' };
    chain.push(manager);
    seen.add(manager.aadObjectId);
    current = manager.aadObjectId;
  }
  return { chain, end: 'maxDepth' };
}
