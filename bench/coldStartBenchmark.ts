/**
 * Cold start: a fresh process of the product and of the floor (each in the local Functions
 * host), timed from `fork` to the first answered GET /api/health and to the first answered wizard
 * step (the dialog opened with `task/fetch`), alternating which starts first; then its peak RSS.
 * The Functions host's own start on Azure comes on top of both and is not measured here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportBenchmark } from './benchReport';
import { LoopbackConnector } from './loopbackConnector';
import { formatRatio, ratioSpread } from './ratioSpread';
import { startTarget, type TargetKind } from './targetProcess';

interface ColdStart {
  listeningMs: number;
  healthMs: number;
  firstStepMs: number;
  maxRssMb: number;
}

async function coldStart(kind: TargetKind): Promise<ColdStart> {
  const connector = await new LoopbackConnector().start();
  const dataDir = mkdtempSync(join(tmpdir(), `vm-bench-cold-${kind}-`));
  const target = await startTarget(kind, { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl });
  try {
    const health = await fetch(`${target.url}/api/health`);
    await health.text();
    if (health.status !== 200) throw new Error(`${kind} health answered ${health.status}`);
    const healthMs = performance.now() - target.forkedAt;
    const activity = {
      id: 'f:cold-1',
      type: 'invoke',
      name: 'task/fetch',
      timestamp: '2026-11-30T09:00:00.000Z',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:cold', name: 'Cold Start', aadObjectId: '00000000-0000-4000-8000-00000000c01d' },
      recipient: { id: '28:veilig-melden-bot', name: 'Veilig Melden' },
      conversation: { id: 'a:1cold', conversationType: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
      channelData: { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } },
      locale: 'nl-NL',
      value: { data: { msteams: { type: 'task/fetch' }, vm: { dialog: kind === 'product' ? 'wizard' : 'floor', nav: 'next' } }, context: { theme: 'default' } },
    };
    const step = await fetch(`${target.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const body = await step.text();
    if (step.status !== 200 || !body.includes('AdaptiveCard')) throw new Error(`${kind} first step answered ${step.status}`);
    const firstStepMs = performance.now() - target.forkedAt;
    const { maxRssMb } = await target.stop();
    return { listeningMs: target.listeningAfterMs, healthMs, firstStepMs, maxRssMb };
  } finally {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints and writes `cold-start`: medians of the rounds and the product/floor ratio with its spread. */
export async function runColdStartBenchmark(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const product: ColdStart[] = [];
  const floor: ColdStart[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      product.push(await coldStart('product'));
      floor.push(await coldStart('floor'));
    } else {
      floor.push(await coldStart('floor'));
      product.push(await coldStart('product'));
    }
  }
  const rows = (['listeningMs', 'healthMs', 'firstStepMs', 'maxRssMb'] as const).map((field) => ({
    measure: { listeningMs: 'fork → host listening (ms)', healthMs: 'fork → first /api/health answered (ms)', firstStepMs: 'fork → first wizard step answered (ms)', maxRssMb: 'peak RSS after one step (MB)' }[field],
    product: ratioSpread(product.map((run) => run[field])).median.toFixed(0),
    floor: ratioSpread(floor.map((run) => run[field])).median.toFixed(0),
    'product / floor': formatRatio(ratioSpread(product.map((run, index) => run[field] / floor[index][field]))),
  }));
  const health = ratioSpread(product.map((run, index) => run.healthMs / floor[index].healthMs));
  const step = ratioSpread(product.map((run, index) => run.firstStepMs / floor[index].firstStepMs));
  reportBenchmark({
    name: 'cold-start',
    title: `Cold start, product against the floor (fresh processes, ${rounds} alternating rounds; median, ratio = median (lowest–highest round))`,
    rows,
    notes: [`Goal ≤ 1.5×: health ${formatRatio(health)} → ${health.median <= 1.5 ? 'met' : 'NOT met'}; first step ${formatRatio(step)} → ${step.median <= 1.5 ? 'met' : 'NOT met'}.`],
    details: { product, floor },
  });
}
