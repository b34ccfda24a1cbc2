/**
 * Runs `work` on every item, at most `limit` at a time, and resolves when all have finished.
 * Items start in order. `work` must handle its own errors: a rejection rejects the call at once,
 * while the other workers carry on unobserved.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
