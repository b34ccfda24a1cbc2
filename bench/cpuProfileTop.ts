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

/** Self time of the frames named `name` in a profile, by the chain of callers above them (`depth` frames up), largest first. */
export function cpuProfileCallers(file: string, name: string, depth: number, top: number): { chain: string; selfMs: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile & { nodes: (ProfileNode & { children?: number[] })[] };
  const parentOf = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'}${node.callFrame.url ? ` ${node.callFrame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${node.callFrame.lineNumber + 1}` : ''}`;
  const chains = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName !== name) return;
    const chain: string[] = [];
    let parent = parentOf.get(id);
    while (parent !== undefined && chain.length < depth) {
      chain.push(label(byId.get(parent)!));
      parent = parentOf.get(parent);
    }
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return [...chains].sort((a, b) => b[1] - a[1]).slice(0, top).map(([chain, us]) => ({ chain, selfMs: Math.round(us / 1000) }));
}

/**
 * Milliseconds the main thread was busy in a profile: every sample except `(idle)` and those of the
 * profiler's own stop (the inspector's `dispatch` called from the benchmark target's message handler).
 */
export function cpuProfileBusyMs(file: string): number {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile & { nodes: (ProfileNode & { children?: number[] })[] };
  const parentOf = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ownStop = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)?.callFrame.url.endsWith('bench/benchTarget.js')) return true;
    return false;
  };
  let busyUs = 0;
  profile.samples.forEach((id, index) => {
    if (byId.get(id)?.callFrame.functionName === '(idle)' || ownStop(id)) return;
    busyUs += profile.timeDeltas[index] ?? 0;
  });
  return busyUs / 1000;
}
