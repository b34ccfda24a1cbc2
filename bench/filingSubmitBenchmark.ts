/**
 * The submit that files the report, alone (`BENCH=filing`): N conversations walk to the wizard's
 * last step, then all N file at once while the product is profiled (CPU, inspector) and every
 * call a turn waits on is timed (`turnSpans.ts`). Each round a fresh product process. Answers
 * "where does the filing turn's time go": computing (the profile's busy share) or waiting (for
 * the store, the rate limiter, the connector), and in which call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyFileSync, mkdirSync } from 'node:fs';
import { RESULTS_DIR, reportBenchmark } from './benchReport';
import { cpuProfileBusyMs, cpuProfileTop } from './cpuProfileTop';
import { LoopbackConnector } from './loopbackConnector';
import { percentile } from './percentile';
import { formatRatio, ratioSpread } from './ratioSpread';
import { startTarget } from './targetProcess';
import type { SpanTotal } from './turnSpans';
import { submitLastStep, walkConversation, walkToLastStep, type TurnSample } from './walkConversation';

interface FilingRound {
  filingMs: number[];
  seconds: number;
  connectorCalls: number;
  spans: Record<string, SpanTotal>;
  profileTop: { frame: string; selfMs: number; share: string }[];
  /** The main thread's busy time in the profile (not idle, not the profiler's own stop). */
  busyMs: number;
}

async function filingRound(conversations: number, profileDir: string, round: number, benchDir?: string): Promise<FilingRound> {
  const connector = await new LoopbackConnector().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-bench-filing-'));
  const target = await startTarget('product', { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl, BENCH_SPANS: '1' }, benchDir);
  try {
    await walkConversation({ kind: 'product', url: target.url, serviceUrl: connector.serviceUrl, user: 999_999, samples: [] });
    const cards = await Promise.all(Array.from({ length: conversations }, (_, user) => walkToLastStep({ kind: 'product', url: target.url, serviceUrl: connector.serviceUrl, user, samples: [] })));
    // Let the walk's own deliveries settle, then measure only the filing turns.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await target.spans();
    const callsBefore = connector.calls;
    const file = join(profileDir, `filing-${round}.cpuprofile`);
    const stopProfile = await target.profile();
    const samples: TurnSample[] = [];
    const started = performance.now();
    await Promise.all(cards.map((card, user) => submitLastStep({ kind: 'product', url: target.url, serviceUrl: connector.serviceUrl, user, samples }, card)));
    const seconds = (performance.now() - started) / 1000;
    await stopProfile(file);
    const spans = await target.spans();
    return { filingMs: samples.map((sample) => sample.ms), seconds, connectorCalls: connector.calls - callsBefore, spans, profileTop: cpuProfileTop(file, 15, process.cwd()).filter((frame) => frame.frame !== 'dispatch'), busyMs: cpuProfileBusyMs(file) };
  } finally {
    await target.stop().catch(() => undefined);
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints and writes `filing-submit.json`: latency of the filing submits, per-turn time inside each kind of call, and the profile's top frames. */
export async function runFilingSubmitBenchmark(): Promise<void> {
  const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 50);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const baselineDist = process.env.BENCH_BASELINE_DIST;
  if (baselineDist) return filingBeforeAfter(conversations, rounds, baselineDist);
  const profileDir = mkdtempSync(join(tmpdir(), 'vm-bench-filing-prof-'));
  const results: FilingRound[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      results.push(await filingRound(conversations, profileDir, round));
      const last = results[results.length - 1];
      console.log(`  round ${round + 1}: ${conversations} filing submits in ${last.seconds.toFixed(2)} s, p50 ${percentile(last.filingMs, 50).toFixed(0)} ms`);
    }
    // The middle round's profile, for a closer look (e.g. in Chrome DevTools): bench/results/filing-submit.cpuprofile.
    mkdirSync(RESULTS_DIR, { recursive: true });
    copyFileSync(join(profileDir, `filing-${Math.floor(rounds / 2)}.cpuprofile`), join(RESULTS_DIR, 'filing-submit.cpuprofile'));
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
  const median = (values: number[]) => ratioSpread(values).median;
  const spread = (values: number[], digits = 0) => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
  const rows: Record<string, unknown>[] = [
    { what: 'filing submit p50 ms', value: spread(results.map((r) => percentile(r.filingMs, 50))) },
    { what: 'filing submit p95 ms', value: spread(results.map((r) => percentile(r.filingMs, 95))) },
    { what: 'filing submit max ms', value: spread(results.map((r) => Math.max(...r.filingMs))) },
    { what: `all ${conversations} answered, s`, value: spread(results.map((r) => r.seconds), 2) },
    { what: 'main thread busy (profile) per filing turn, ms', value: spread(results.map((r) => r.busyMs / conversations), 1) },
    { what: 'connector calls during the round', value: spread(results.map((r) => r.connectorCalls)) },
  ];
  const names = [...new Set(results.flatMap((r) => Object.keys(r.spans)))].sort();
  for (const name of names) {
    rows.push({
      what: `${name}: ms per filing turn (calls per turn)`,
      value: `${spread(results.map((r) => (r.spans[name]?.ms ?? 0) / conversations), 1)} (${(median(results.map((r) => r.spans[name]?.calls ?? 0)) / conversations).toFixed(1)})`,
    });
  }
  const profileRows = results[Math.floor(results.length / 2)].profileTop.map((frame) => ({ what: `profile: ${frame.frame}`, value: `${frame.selfMs} ms, ${frame.share}` }));
  reportBenchmark({
    name: 'filing-submit',
    title: `The submit that files the report alone: ${conversations} conversations at the last step, all filing at once, ${rounds} rounds (median (lowest–highest round))`,
    rows: [...rows, ...profileRows],
    notes: [
      'Per filing turn = the sum of the time inside that kind of call over the round ÷ the turns (concurrent calls overlap, so these are waits as each turn saw them).',
      'Profile rows: the middle round, top self-time frames; "(idle)" = the main thread waiting (fsync in the thread pool, the connector, timers).',
    ],
    details: { rounds: results },
  });
}

/** With BENCH_BASELINE_DIST: the filing round on another build's product against this build's, alternating; ratios after/before per round. */
async function filingBeforeAfter(conversations: number, rounds: number, baselineDist: string): Promise<void> {
  const profileDir = mkdtempSync(join(tmpdir(), 'vm-bench-filing-prof-'));
  const before: FilingRound[] = [];
  const after: FilingRound[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const baseline = async () => before.push(await filingRound(conversations, profileDir, round, join(baselineDist, 'bench')));
      const current = async () => after.push(await filingRound(conversations, profileDir, round));
      if (round % 2 === 0) await baseline().then(current);
      else await current().then(baseline);
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
  const measures: [string, (r: FilingRound) => number][] = [
    ['filing submit p50 ms', (r) => percentile(r.filingMs, 50)],
    ['filing submit p95 ms', (r) => percentile(r.filingMs, 95)],
    ['main thread busy per filing turn, ms', (r) => r.busyMs / conversations],
    [`all ${conversations} answered, s`, (r) => r.seconds],
  ];
  reportBenchmark({
    name: 'filing-submit-before-after',
    title: `The filing submit alone, before/after (baseline build ${baselineDist}): ${conversations} at once, ${rounds} alternating rounds`,
    rows: measures.map(([what, measure]) => ({
      what,
      before: ratioSpread(before.map(measure)).median.toFixed(1),
      after: ratioSpread(after.map(measure)).median.toFixed(1),
      'after/before': formatRatio(ratioSpread(after.map((r, index) => measure(r) / measure(before[index])))),
    })),
  });
}
