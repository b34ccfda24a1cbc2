import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ContainerCounts } from './storeOperationCounter';
import type { SpanTotal } from './turnSpans';
import type { MemoryReport } from './memorySampler';

export type TargetKind = 'product' | 'floor';

/** A benchmark target running in a child process (see benchTarget.ts). */
export interface TargetProcess {
  kind: TargetKind;
  url: string;
  /** Milliseconds from `fork` to the host listening. */
  listeningAfterMs: number;
  /** When `fork` was called (performance.now() of this process). */
  forkedAt: number;
  counts(): Promise<Record<string, ContainerCounts>>;
  /** Time inside each kind of call since the last ask (with BENCH_SPANS=1; see turnSpans.ts). */
  spans(): Promise<Record<string, SpanTotal>>;
  /** Memory sampled since the start (peaks, and the figures at the highest RSS). */
  memory(): Promise<MemoryReport>;
  /** Starts a sampling heap profile; the returned function stops it and gives the live MB by origin. */
  sampleHeap(): Promise<() => Promise<{ origin: string; mb: number }[]>>;
  /** Runs a timer function of the target once. */
  runTimer(name: string): Promise<void>;
  /** Starts a CPU profile of the target; the returned function stops it and writes it to `file`. */
  profile(): Promise<(file: string) => Promise<void>>;
  /** Stops it; resolves with its peak RSS. */
  stop(): Promise<{ maxRssMb: number }>;
}

/**
 * Forks `benchTarget.js kind` and waits until it listens. `benchDir`: another build's `dist/bench`
 * (an earlier commit's, for before/after figures); default this build's.
 */
export async function startTarget(kind: TargetKind, env: NodeJS.ProcessEnv, benchDir: string = __dirname): Promise<TargetProcess> {
  const forkedAt = performance.now();
  const child: ChildProcess = fork(join(benchDir, 'benchTarget.js'), [kind], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as T);
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`${kind} target exited (${code}) before "${type}"`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { url } = await next<{ url: string }>('listening');
  const listeningAfterMs = performance.now() - forkedAt;
  return {
    kind,
    url,
    listeningAfterMs,
    forkedAt,
    async counts() {
      const answer = next<{ counts: Record<string, ContainerCounts> }>('counts');
      child.send({ type: 'counts' });
      return (await answer).counts;
    },
    async spans() {
      const answer = next<{ spans: Record<string, SpanTotal> }>('spans');
      child.send({ type: 'spans' });
      return (await answer).spans;
    },
    async memory() {
      const answer = next<{ memory: MemoryReport }>('memory');
      child.send({ type: 'memory' });
      return (await answer).memory;
    },
    async sampleHeap() {
      const started = next('heapSampling');
      child.send({ type: 'heapSampleStart' });
      await started;
      return async () => {
        const answer = next<{ byOrigin: { origin: string; mb: number }[] }>('heapSampled');
        child.send({ type: 'heapSampleStop' });
        return (await answer).byOrigin;
      };
    },
    async runTimer(name: string) {
      const ran = next<{ error?: string }>('timerRan');
      child.send({ type: 'runTimer', name });
      const { error } = await ran;
      if (error) throw new Error(`timer ${name} failed: ${error}`);
    },
    async profile() {
      const started = next('profiling');
      child.send({ type: 'profileStart' });
      await started;
      return async (file: string) => {
        const written = next('profiled');
        child.send({ type: 'profileStop', file });
        await written;
      };
    },
    async stop() {
      const stopped = next<{ maxRssMb: number }>('stopped');
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      child.send({ type: 'stop' });
      const { maxRssMb } = await stopped;
      await exited;
      return { maxRssMb };
    },
  };
}
