/**
 * Turn latency against the floor: N conversations at once walk a report to its receipt through
 * `POST /api/messages` (a chat message, the dialog opened, every step submitted, a card action),
 * on the product (embedded store, real keys, the whole application) and on the floor
 * (`bench/floor`), each in its own process with a connector on loopback. Rounds alternate which
 * goes first; every figure is a ratio within one round, shown as the median with its spread.
 *
 * Then, on the product alone: store operations per wizard step (one conversation, in order), and
 * a CPU profile of one loaded round (top self-time frames).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportBenchmark } from './benchReport';
import { cpuProfileTop } from './cpuProfileTop';
import { LoopbackConnector } from './loopbackConnector';
import { percentile } from './percentile';
import { formatRatio, ratioSpread } from './ratioSpread';
import { countsSince, totalCounts } from './storeOperationCounter';
import type { MemoryReport } from './memorySampler';
import { startTarget, type TargetKind } from './targetProcess';
import { TURN_KINDS, walkConversation, type TurnKind, type TurnSample } from './walkConversation';

/** Sizes: the 50 conversations × 3 reports, 3 rounds; BENCH_CONVERSATIONS, BENCH_REPORTS, BENCH_ROUNDS change them. */
export function turnLatencySizes(env: NodeJS.ProcessEnv): { conversations: number; reports: number; rounds: number } {
  return { conversations: Number(env.BENCH_CONVERSATIONS ?? 50), reports: Number(env.BENCH_REPORTS ?? 3), rounds: Number(env.BENCH_ROUNDS ?? 3) };
}

interface RoundResult {
  samples: TurnSample[];
  seconds: number;
  maxRssMb: number;
  /** With `memory`: the target's memory sampled over the round, and what the load allocated by origin. */
  memory?: { report: MemoryReport; liveHeap: { origin: string; mb: number }[] };
}

/** One target, fresh process, N conversations at once after one warm-up walk. */
async function loadRound(kind: TargetKind, sizes: { conversations: number; reports: number }, options: { profileFile?: string; benchDir?: string; memory?: boolean } = {}): Promise<RoundResult> {
  const { profileFile, benchDir } = options;
  const connector = await new LoopbackConnector().start();
  const dataDir = mkdtempSync(join(tmpdir(), `vm-bench-${kind}-`));
  const target = await startTarget(kind, { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl, ...(options.memory ? { BENCH_MEMORY: '1' } : {}) }, benchDir);
  let stopped: Promise<{ maxRssMb: number }> | undefined;
  try {
    await walkConversation({ kind, url: target.url, serviceUrl: connector.serviceUrl, user: 999_999, samples: [] });
    const samples: TurnSample[] = [];
    const stopProfile = profileFile ? await target.profile() : undefined;
    const stopHeapSampling = options.memory ? await target.sampleHeap() : undefined;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: sizes.conversations }, async (_, user) => {
        for (let report = 0; report < sizes.reports; report += 1) await walkConversation({ kind, url: target.url, serviceUrl: connector.serviceUrl, user, samples });
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await stopProfile?.(profileFile!);
    const memory = stopHeapSampling ? { liveHeap: await stopHeapSampling(), report: await target.memory() } : undefined;
    stopped = target.stop();
    return { samples, seconds, maxRssMb: (await stopped).maxRssMb, memory };
  } finally {
    // A failed walk must not leave the target running (the benchmark would never end).
    await (stopped ?? target.stop()).catch(() => undefined);
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The rows besides the four kinds: all invokes, and the submits split into wizard steps and the one that files the report. */
type SampleSet = TurnKind | 'invoke' | 'task/submit: steps' | 'task/submit: files the report';

function of(samples: TurnSample[], kind: SampleSet): number[] {
  const chosen = samples.filter((sample) => {
    if (kind === 'invoke') return sample.kind !== 'message';
    if (kind === 'task/submit: steps') return sample.kind === 'task/submit' && !sample.files;
    if (kind === 'task/submit: files the report') return sample.kind === 'task/submit' && sample.files === true;
    return sample.kind === kind;
  });
  return chosen.map((sample) => sample.ms);
}

/** Store operations per turn of one walk, in order (one conversation, nothing else running). */
async function storeOperationsPerStep(): Promise<Record<string, unknown>[]> {
  const connector = await new LoopbackConnector().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-bench-count-'));
  const target = await startTarget('product', { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl, BENCH_COUNT_STORE: '1' });
  const rows: Record<string, unknown>[] = [];
  try {
    let before = await target.counts();
    let step = 0;
    await walkConversation({
      kind: 'product',
      url: target.url,
      serviceUrl: connector.serviceUrl,
      user: 1,
      samples: [],
      afterTurn: async (kind) => {
        const now = await target.counts();
        const delta = countsSince(now, before);
        before = now;
        step += 1;
        const total = totalCounts(delta);
        rows.push({ turn: `${step}. ${kind}`, reads: total.reads, queries: total.queries, writes: total.writes, bytesWritten: total.bytesWritten, containers: Object.keys(delta).join(' ') });
      },
    });
  } finally {
    await target.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** A CPU profile of one product round under the same load: the top self-time frames. */
async function profileProduct(sizes: { conversations: number; reports: number }): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vm-bench-prof-'));
  try {
    const file = join(dir, 'product.cpuprofile');
    await loadRound('product', sizes, { profileFile: file });
    return cpuProfileTop(file, 20, process.cwd());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints and writes the turn latency tables (`turn-latency`, `turn-store-operations`, `turn-profile`). */
export async function runTurnLatencyBenchmark(): Promise<void> {
  const sizes = turnLatencySizes(process.env);
  const rounds: { product: RoundResult; floor: RoundResult }[] = [];
  for (let round = 0; round < sizes.rounds; round += 1) {
    // Alternate which goes first, so warming the machine up favours neither.
    const order: TargetKind[] = round % 2 === 0 ? ['product', 'floor'] : ['floor', 'product'];
    const results: Partial<Record<TargetKind, RoundResult>> = {};
    for (const kind of order) results[kind] = await loadRound(kind, sizes);
    rounds.push({ product: results.product!, floor: results.floor! });
    console.log(`  round ${round + 1}: product ${results.product!.seconds.toFixed(1)} s, floor ${results.floor!.seconds.toFixed(1)} s`);
  }
  const rows: Record<string, unknown>[] = [];
  for (const kind of [...TURN_KINDS, 'invoke', 'task/submit: steps', 'task/submit: files the report'] as const) {
    const row: Record<string, unknown> = { kind };
    for (const p of [50, 95, 99]) {
      const product = rounds.map((round) => percentile(of(round.product.samples, kind), p));
      const floor = rounds.map((round) => percentile(of(round.floor.samples, kind), p));
      row[`product p${p} ms`] = ratioSpread(product).median.toFixed(1);
      row[`floor p${p} ms`] = ratioSpread(floor).median.toFixed(1);
      row[`p${p} ratio`] = formatRatio(ratioSpread(product.map((value, index) => value / floor[index])));
    }
    rows.push(row);
  }
  const turns = (round: RoundResult) => round.samples.length / round.seconds;
  rows.push({
    kind: 'throughput (turns/s)',
    'product p50 ms': ratioSpread(rounds.map((round) => turns(round.product))).median.toFixed(0),
    'floor p50 ms': ratioSpread(rounds.map((round) => turns(round.floor))).median.toFixed(0),
    'p50 ratio': formatRatio(ratioSpread(rounds.map((round) => turns(round.product) / turns(round.floor)))),
  });
  rows.push({
    kind: 'peak RSS (MB)',
    'product p50 ms': ratioSpread(rounds.map((round) => round.product.maxRssMb)).median.toFixed(0),
    'floor p50 ms': ratioSpread(rounds.map((round) => round.floor.maxRssMb)).median.toFixed(0),
    'p50 ratio': formatRatio(ratioSpread(rounds.map((round) => round.product.maxRssMb / round.floor.maxRssMb))),
  });
  const invokeP95 = ratioSpread(rounds.map((round) => percentile(of(round.product.samples, 'invoke'), 95) / percentile(of(round.floor.samples, 'invoke'), 95)));
  const invokeP99 = ratioSpread(rounds.map((round) => percentile(of(round.product.samples, 'invoke'), 99)));
  reportBenchmark({
    name: 'turn-latency',
    title: `Turn latency, product against the floor: ${sizes.conversations} conversations at once × ${sizes.reports} report(s), ${sizes.rounds} alternating rounds (median of the rounds; ratio = median (lowest–highest round))`,
    rows,
    notes: [
      'The throughput and peak RSS rows use the p50 columns for their values. "invoke" = task/fetch, task/submit and card action together.',
      `Goal p95 ≤ 1.5× the floor: invoke p95 ${formatRatio(invokeP95)} → ${invokeP95.median <= 1.5 ? 'met' : 'NOT met'}. Goal invoke p99 < 1 s: ${invokeP99.median.toFixed(0)} ms (rounds ${invokeP99.min.toFixed(0)}–${invokeP99.max.toFixed(0)}) → ${invokeP99.max < 1000 ? 'met' : 'NOT met'}.`,
    ],
    details: { sizes, rounds: rounds.map((round) => ({ productSeconds: round.product.seconds, floorSeconds: round.floor.seconds, productMaxRssMb: round.product.maxRssMb, floorMaxRssMb: round.floor.maxRssMb })) },
  });

  reportBenchmark({ name: 'turn-store-operations', title: 'Store operations per turn of one report (product, one conversation, in order)', rows: await storeOperationsPerStep() });
  reportBenchmark({
    name: 'turn-profile',
    title: `CPU profile of one product round under the same load, after the warm-up walk, load only (top 20 frames by self time; "(idle)" = the main thread waiting)`,
    rows: await profileProduct(sizes),
  });
}

/**
 * `BENCH=before-after BENCH_BASELINE_DIST=<dir>`: the product built from another commit (its
 * `dist`, e.g. a copy made before a change) against this build, alternating, same load.
 */
export async function runBeforeAfterBenchmark(baselineDist: string): Promise<void> {
  const sizes = turnLatencySizes(process.env);
  const before: RoundResult[] = [];
  const after: RoundResult[] = [];
  for (let round = 0; round < sizes.rounds; round += 1) {
    const baseline = async () => before.push(await loadRound('product', sizes, { benchDir: join(baselineDist, 'bench') }));
    const current = async () => after.push(await loadRound('product', sizes));
    if (round % 2 === 0) await baseline().then(current);
    else await current().then(baseline);
  }
  const rows: Record<string, unknown>[] = [];
  for (const kind of [...TURN_KINDS, 'invoke', 'task/submit: steps', 'task/submit: files the report'] as const) {
    const row: Record<string, unknown> = { kind };
    for (const p of [50, 95, 99]) {
      const was = before.map((round) => percentile(of(round.samples, kind), p));
      const now = after.map((round) => percentile(of(round.samples, kind), p));
      row[`before p${p} ms`] = ratioSpread(was).median.toFixed(1);
      row[`after p${p} ms`] = ratioSpread(now).median.toFixed(1);
      row[`p${p} after/before`] = formatRatio(ratioSpread(now.map((value, index) => value / was[index])));
    }
    rows.push(row);
  }
  const turns = (round: RoundResult) => round.samples.length / round.seconds;
  rows.push({ kind: 'throughput (turns/s)', 'before p50 ms': ratioSpread(before.map(turns)).median.toFixed(0), 'after p50 ms': ratioSpread(after.map(turns)).median.toFixed(0), 'p50 after/before': formatRatio(ratioSpread(after.map((round, index) => turns(round) / turns(before[index])))) });
  reportBenchmark({
    name: 'turn-before-after',
    title: `Product before/after (baseline build ${baselineDist}): ${sizes.conversations} conversations × ${sizes.reports} report(s), ${sizes.rounds} alternating rounds`,
    rows,
    notes: ['The throughput row uses the p50 columns for its values.'],
  });
}

/**
 * `BENCH=memory`: where the product's memory goes under the turn-latency load, against the floor:
 * RSS, V8 heap (total, used), external and array buffers at the moment of the highest RSS, and
 * what was allocated during the load by the package or source folder that allocated it
 * (sampling heap profiler, collected objects included). Alternating rounds, fresh processes.
 */
export async function runMemoryBenchmark(): Promise<void> {
  const sizes = turnLatencySizes(process.env);
  const rounds: Record<TargetKind, RoundResult[]> = { product: [], floor: [] };
  for (let round = 0; round < sizes.rounds; round += 1) {
    const order: TargetKind[] = round % 2 === 0 ? ['product', 'floor'] : ['floor', 'product'];
    for (const kind of order) rounds[kind].push(await loadRound(kind, sizes, { memory: true }));
  }
  const spread = (values: number[]) => `${ratioSpread(values).median.toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
  const rows: Record<string, unknown>[] = [];
  const figure = (what: string, pick: (round: RoundResult) => number) => {
    const product = rounds.product.map(pick);
    const floor = rounds.floor.map(pick);
    rows.push({ what, 'product MB': spread(product), 'floor MB': spread(floor), ratio: formatRatio(ratioSpread(product.map((value, index) => value / floor[index]))) });
  };
  figure('peak RSS (process lifetime)', (round) => round.maxRssMb);
  for (const key of ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'] as const) figure(`at the highest sampled RSS: ${key}`, (round) => round.memory!.report.atPeakRss[key]);
  figure('peak heapUsed', (round) => round.memory!.report.peaks.heapUsed);
  figure('RSS − heapTotal − external at peak (code, stacks, malloc)', (round) => round.memory!.report.atPeakRss.rss - round.memory!.report.atPeakRss.heapTotal - round.memory!.report.atPeakRss.external);
  const origins = [...new Set(rounds.product.flatMap((round) => round.memory!.liveHeap.slice(0, 12).map((entry) => entry.origin)))];
  const live = (round: RoundResult, origin: string) => round.memory!.liveHeap.find((entry) => entry.origin === origin)?.mb ?? 0;
  for (const origin of origins) {
    rows.push({ what: `allocated during the load by ${origin}`, 'product MB': spread(rounds.product.map((round) => live(round, origin))), 'floor MB': spread(rounds.floor.map((round) => live(round, origin))) });
  }
  reportBenchmark({
    name: 'memory',
    title: `Memory under the turn-latency load (${sizes.conversations} conversations × ${sizes.reports} report(s)), product against the floor, ${sizes.rounds} alternating rounds (median (lowest–highest))`,
    rows,
    notes: ['Allocated by origin: a sampling heap profile over the load, including objects collected since (so: what feeds the heap), attributed to the innermost frame of a package or of our code (dist/<folder>).'],
    details: { product: rounds.product.map((round) => round.memory), floor: rounds.floor.map((round) => round.memory) },
  });
}
