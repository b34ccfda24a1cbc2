/**
 * A benchmark target in its own process: the product (`product`) or the floor (`floor`), each in
 * the local Functions host on a free port. Started by the benchmarks with `fork`, so its memory,
 * start-up and CPU profile are its own. Messages (IPC):
 * - sends `{ type: 'listening', url }` once the host answers;
 * - on `{ type: 'memory' }` answers `{ type: 'memory', memory }` (with BENCH_MEMORY=1: memory sampled every 25 ms since the start, the peaks);
 * - on `{ type: 'heapSampleStart' }` / `{ type: 'heapSampleStop' }` samples the heap (answers `heapSampling`, then `heapSampled` with the MB allocated by origin, collected or not);
 * - on `{ type: 'spans' }` answers `{ type: 'spans', spans }` (time inside each kind of call since the last ask; with BENCH_SPANS=1);
 * - on `{ type: 'counts' }` answers `{ type: 'counts', counts }` (store operations so far; product with BENCH_COUNT_STORE=1);
 * - on `{ type: 'profileStart' }` starts a CPU profile (inspector), answering `{ type: 'profiling' }`;
 *   on `{ type: 'profileStop', file }` writes it to `file` and answers `{ type: 'profiled' }`;
 * - on `{ type: 'runTimer', name }` runs that timer function once and answers `{ type: 'timerRan', error? }`;
 * - on `{ type: 'stop' }` closes the host and answers `{ type: 'stopped', maxRssMb }`, then exits.
 *
 * Settings from the environment: DATA_DIR and BOT_SERVICE_URL for the product.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { resetApplication } from '../bot/composition';
import { installFunctionsCoreShim } from '../local/installFunctionsCoreShim';
import { startLocalHost } from '../local/localHost';
import { countEmbeddedStore } from './countEmbeddedStore';
import { StoreOperationCounter } from './storeOperationCounter';
import { setTimerSchedules } from '../local/timerSchedules';
import { installTurnSpans, takeSpanTotals } from './turnSpans';
import { liveHeapByOrigin, startMemorySampler } from './memorySampler';

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (kind !== 'product' && kind !== 'floor') throw new Error('usage: benchTarget product|floor');
  const counter = new StoreOperationCounter();
  installFunctionsCoreShim();
  if (kind === 'product') {
    if (process.env.BENCH_COUNT_STORE === '1') countEmbeddedStore(counter);
    if (process.env.BENCH_SPANS === '1') installTurnSpans();
    setTimerSchedules();
    await resetApplication({ env: { ...process.env, LOG_LEVEL: 'silent' }, localHostOptIn: true });
  }
  const host = await startLocalHost({
    port: 0,
    startTimers: false,
    loadFunctions: kind === 'floor' ? () => require('./floor/floorFunctions') : undefined,
  });
  const session = new Session();
  // Only when asked (BENCH_MEMORY=1): reading the process's memory every 25 ms costs CPU the latency figures should not carry.
  const memory = process.env.BENCH_MEMORY === '1' ? startMemorySampler() : undefined;
  process.on('message', (message: { type: string; file?: string; name?: string }) => {
    if (message.type === 'runTimer') {
      host.runTimer(message.name!).then(
        () => process.send?.({ type: 'timerRan' }),
        (error: unknown) => process.send?.({ type: 'timerRan', error: error instanceof Error ? error.name : String(error) }),
      );
    }
    if (message.type === 'profileStart') {
      session.connect();
      void session
        .post('Profiler.enable')
        .then(() => session.post('Profiler.start'))
        .then(() => process.send?.({ type: 'profiling' }));
    }
    if (message.type === 'profileStop') {
      void session.post('Profiler.stop').then(({ profile }) => {
        writeFileSync(message.file!, JSON.stringify(profile));
        session.disconnect();
        process.send?.({ type: 'profiled' });
      });
    }
    if (message.type === 'counts') process.send?.({ type: 'counts', counts: counter.snapshot() });
    if (message.type === 'memory') process.send?.({ type: 'memory', memory: memory?.() });
    if (message.type === 'heapSampleStart') {
      session.connect();
      void session.post('HeapProfiler.startSampling', { samplingInterval: 32_768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }).then(() => process.send?.({ type: 'heapSampling' }));
    }
    if (message.type === 'heapSampleStop') {
      void liveHeapByOrigin(session).then(async (byOrigin) => {
        await session.post('HeapProfiler.stopSampling');
        session.disconnect();
        process.send?.({ type: 'heapSampled', byOrigin });
      });
    }
    if (message.type === 'spans') process.send?.({ type: 'spans', spans: takeSpanTotals() });
    if (message.type === 'stop') {
      void host.close().then(() => {
        process.send?.({ type: 'stopped', maxRssMb: process.resourceUsage().maxRSS / 1024 });
        process.disconnect();
        // Let a CPU profile be written, but do not wait for stray handles of the SDKs.
        setTimeout(() => process.exit(0), 1_000).unref();
      });
    }
  });
  process.send?.({ type: 'listening', url: host.url });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
  process.disconnect?.();
});
