import { getHeapSpaceStatistics } from 'node:v8';
import type { Session } from 'node:inspector/promises';

/** Process memory at one moment, MB. */
export interface MemoryFigures {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** What the sampler saw: the moment of the highest RSS, each figure's own peak, and the V8 heap spaces now (MB used / size). */
export interface MemoryReport {
  atPeakRss: MemoryFigures;
  peaks: MemoryFigures;
  heapSpacesNow: Record<string, { usedMb: number; sizeMb: number }>;
}

const MB = 1024 * 1024;

function figures(): MemoryFigures {
  const usage = process.memoryUsage();
  return { rss: usage.rss / MB, heapTotal: usage.heapTotal / MB, heapUsed: usage.heapUsed / MB, external: usage.external / MB, arrayBuffers: usage.arrayBuffers / MB };
}

/** Samples `process.memoryUsage()` every `everyMs` from now on (a benchmark target's memory under load). */
export function startMemorySampler(everyMs = 25): () => MemoryReport {
  let atPeakRss = figures();
  const peaks = { ...atPeakRss };
  const sample = () => {
    const now = figures();
    if (now.rss > atPeakRss.rss) atPeakRss = now;
    for (const key of Object.keys(peaks) as (keyof MemoryFigures)[]) peaks[key] = Math.max(peaks[key], now[key]);
  };
  setInterval(sample, everyMs).unref();
  return () => {
    sample();
    const heapSpacesNow = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { usedMb: space.space_used_size / MB, sizeMb: space.space_size / MB }]));
    return { atPeakRss, peaks, heapSpacesNow };
  };
}

interface SamplingNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: SamplingNode[];
}

/** Where a sampling heap profile's bytes were allocated (with the collected ones when sampling was started so), by package or source folder (MB), largest first. */
export async function liveHeapByOrigin(session: Session): Promise<{ origin: string; mb: number }[]> {
  const { profile } = (await session.post('HeapProfiler.getSamplingProfile')) as unknown as { profile: { head: SamplingNode } };
  const byOrigin = new Map<string, number>();
  const origin = (url: string): string => {
    if (!url) return '(V8 / native)';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) return pkg[1];
    const own = /\/dist\/([^/]+(?:\/[^/]+)?)\//.exec(url);
    if (own) return `dist/${own[1]}`;
    return url.startsWith('node:') ? 'node core' : url;
  };
  // Attribute each allocation to the innermost frame of our code or a package (not node core), so a Buffer made by the store counts for the store.
  const walk = (node: SamplingNode, owner: string) => {
    const here = origin(node.callFrame.url);
    const next = here === 'node core' || here === '(V8 / native)' ? owner : here;
    if (node.selfSize > 0) byOrigin.set(next, (byOrigin.get(next) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, next);
  };
  walk(profile.head, '(V8 / native)');
  return [...byOrigin].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ origin: name, mb: bytes / MB }));
}
