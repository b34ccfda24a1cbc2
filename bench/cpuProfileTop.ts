import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One frame's self time in a CPU profile. */
export type SelfTimeFrame = { frame: string; selfMs: number; share: string };

/** The frames with the most self time in a `.cpuprofile` (V8 format), by function and location. */
export function cpuProfileTop(file: string, top: number, root: string): SelfTimeFrame[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frameOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? ` ${url.replace(`file://${root}/`, '').replace(/^.*node_modules\//, 'node_modules/')}:${lineNumber + 1}` : '';
    frameOf.set(node.id, `${functionName || '(anonymous)'}${where}`);
  }
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const frame = frameOf.get(id) ?? '(unknown)';
    selfUs.set(frame, (selfUs.get(frame) ?? 0) + delta);
    totalUs += delta;
  });
  return [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, us]) => ({ frame, selfMs: Math.round(us / 1000), share: `${((100 * us) / totalUs).toFixed(1)}%` }));
}
