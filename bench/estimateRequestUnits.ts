import type { ContainerCounts } from './storeOperationCounter';

/**
 * Write charges by document size with default indexing, from Microsoft's "Understand request
 * unit consumption" (https://learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption):
 * 1 KB 4.95 RU, 2 KB 6.29, 4 KB 6.67, 8 KB 7.04, 16 KB 9.52, 32 KB 11.23, 64 KB 22.67. A point
 * read of up to 1 KB is 1 RU (the same page; reads grow slowly: 4 KB 1.14, 8 KB 1.33).
 */
const WRITE_RU_BY_KB: readonly [number, number][] = [
  [1, 4.95],
  [2, 6.29],
  [4, 6.67],
  [8, 7.04],
  [16, 9.52],
  [32, 11.23],
  [64, 22.67],
];

/** Our assumption, not a published figure: an indexed query returning few small documents, ~2.5 RU plus 1 RU per document returned. */
export const QUERY_BASE_RU = 2.5;

/** RU of one write of `bytes` (linear between the published sizes; at least the 1 KB charge). */
export function writeRequestUnits(bytes: number): number {
  const kb = bytes / 1024;
  if (kb <= WRITE_RU_BY_KB[0][0]) return WRITE_RU_BY_KB[0][1];
  for (let index = 1; index < WRITE_RU_BY_KB.length; index += 1) {
    const [upper, upperRu] = WRITE_RU_BY_KB[index];
    const [lower, lowerRu] = WRITE_RU_BY_KB[index - 1];
    if (kb <= upper) return lowerRu + ((kb - lower) / (upper - lower)) * (upperRu - lowerRu);
  }
  return WRITE_RU_BY_KB[WRITE_RU_BY_KB.length - 1][1] * (kb / 64);
}

/**
 * Estimated RU of counted operations: 1 per point read (documents here are a few KB at most),
 * the write charge at the average size of the writes, and {@link QUERY_BASE_RU} plus 1 per
 * document returned for each query. An estimate to compare designs, not a bill.
 */
export function estimateRequestUnits(counts: ContainerCounts): number {
  const writes = counts.writes === 0 ? 0 : counts.writes * writeRequestUnits(counts.bytesWritten / counts.writes);
  return counts.reads + writes + counts.queries * QUERY_BASE_RU + counts.queryResults;
}
