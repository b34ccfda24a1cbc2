/** A ratio measured in several alternating rounds: the median and the lowest and highest round. */
export interface RatioSpread {
  median: number;
  min: number;
  max: number;
}

/** Median, min and max of per-round ratios. */
export function ratioSpread(ratios: readonly number[]): RatioSpread {
  if (ratios.length === 0) throw new Error('no rounds');
  const sorted = [...ratios].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** "1.23× (1.10–1.40)": the median with the spread over the rounds. */
export function formatRatio(spread: RatioSpread): string {
  return `${spread.median.toFixed(2)}× (${spread.min.toFixed(2)}–${spread.max.toFixed(2)})`;
}
