/**
 * `npm run bench` (all) or `BENCH=<name> npm run bench` (one of: latency, filing, memory, cold, cost, fanout, commit, scan,
 * agenda, turn; and before-after with BENCH_BASELINE_DIST). Machines are shared and noisy, so
 * every comparison is a ratio within one run, alternating the two sides; each benchmark prints
 * a table and writes `bench/results/<name>.json` (see README, Benchmarks).
 *
 * Sizes: the (50 conversations × 3 reports, 2,000 chats), about 5 minutes on 2 cores;
 * BENCH_FULL=1 adds the 100k reminder scan on the Cosmos test server (several minutes more).
 *
 * Reminder scan: the query the reminder timer runs (`listDueForReminders`: cases whose
 * `nextDueAt` has passed, earliest first, at most 100) against 10,000 (and 100,000) open cases
 * with the same 50 due, on the Cosmos-compatible test server (@zeit/cosmosdb-server) on loopback,
 * through the production repository code.
 */
import { CosmosClient, type OperationInput } from '@azure/cosmos';
import { createHttpServer } from '@zeit/cosmosdb-server';
import type { AddressInfo } from 'node:net';
import type { CaseRecord } from '../bot/app/cases/casePorts';
import { CosmosDocumentContainer } from '../bot/storage/cosmosDocumentContainer';
import { DocumentCaseRepository } from '../bot/storage/documentCaseRepository';
import { runQueryInMemory } from '../bot/storage/runQueryInMemory';
import { runAgendaBenchmark } from './agendaBenchmark';
import { reportBenchmark } from './benchReport';
import { runColdStartBenchmark } from './coldStartBenchmark';
import { runFanOutBenchmark } from './fanOutBenchmark';
import { runFilingSubmitBenchmark } from './filingSubmitBenchmark';
import { runGroupCommitBenchmark } from './groupCommitBenchmark';
import { runStoreCostBenchmark } from './storeCostBenchmark';
import { runTurnDeliveryBenchmark } from './turnDeliveryBenchmark';
import { runBeforeAfterBenchmark, runMemoryBenchmark, runTurnLatencyBenchmark } from './turnLatencyBenchmark';

const DUE = 50;
/** Timed runs (after one warm-up at 10k). The emulated server's query cost grows faster than linearly, so 100k gets one run. */
const RUNS: Record<number, { warmUp: number; timed: number }> = { 10_000: { warmUp: 1, timed: 7 }, 100_000: { warmUp: 0, timed: 1 } };
const NOW = '2026-12-01T08:00:00.000Z';

function openCase(index: number, due: boolean): CaseRecord {
  const sealed = { kid: 'k1', iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', ct: 'x'.repeat(800) };
  return {
    id: `case-${String(index).padStart(7, '0')}`,
    reference: `VM-${String(index).padStart(8, '0').slice(0, 4)}-${String(index).padStart(8, '0').slice(4)}`,
    kind: 'report',
    categories: ['bullying'],
    identity: 'named',
    managerInvolved: 'no',
    preferMeldpunt: false,
    state: 'acknowledged',
    locale: 'nl',
    receivedAt: '2026-11-01T09:00:00.000Z',
    sealedContent: sealed,
    history: [{ at: '2026-11-01T09:00:00.000Z', actor: 'reporter', type: 'submitted' }],
    isOpen: true,
    handlerKey: `handler-${index % 500}`,
    nextDueAt: due ? `2026-11-30T${String(8 + (index % 10)).padStart(2, '0')}:00:00.000Z` : `2027-0${1 + (index % 9)}-15T08:00:00.000Z`,
    clocks: [{ clock: 'feedback', startedAt: '2026-11-02T09:00:00.000Z', dueAt: '2027-02-02T22:59:59.999Z' }],
  };
}

async function seed(client: CosmosClient, databaseId: string, total: number): Promise<DocumentCaseRepository> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const { container } = await database.containers.createIfNotExists({ id: 'cases', partitionKey: { paths: ['/id'] } });
  const dueEvery = Math.floor(total / DUE);
  for (let start = 0; start < total; start += 100) {
    const operations: OperationInput[] = [];
    for (let index = start; index < Math.min(total, start + 100); index += 1) {
      operations.push({ operationType: 'Create', resourceBody: openCase(index, index % dueEvery === 0) as unknown as Record<string, string> } as OperationInput);
    }
    await container.items.bulk(operations);
  }
  return new DocumentCaseRepository(new CosmosDocumentContainer<CaseRecord>(container));
}

async function measure(repository: DocumentCaseRepository, runs: { warmUp: number; timed: number }): Promise<{ medianMs: number; worstMs: number; found: number }> {
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < runs.warmUp + runs.timed; run += 1) {
    const started = process.hrtime.bigint();
    const due = await repository.listDueForReminders(NOW, 100);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    found = due.length;
    if (run >= runs.warmUp) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], worstMs: times[times.length - 1], found };
}

/** The embedded store's query evaluation over `total` open cases (no disk: only the scan). */
function embeddedScan(total: number): { openCases: number; due: number; medianMs: string } {
  const dueEvery = Math.floor(total / DUE);
  const entries = Array.from({ length: total }, (_, index) => ({ value: openCase(index, index % dueEvery === 0), etag: String(index) }));
  const times: number[] = [];
  let due = 0;
  for (let run = 0; run < 8; run += 1) {
    const started = process.hrtime.bigint();
    due = runQueryInMemory(entries, { where: [{ field: 'nextDueAt', op: '<=', value: NOW }], orderBy: { field: 'nextDueAt', direction: 'ASC' }, limit: 100 }).items.length;
    if (run >= 2) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { openCases: total, due, medianMs: times[Math.floor(times.length / 2)].toFixed(1) };
}

/** The reminder scan on the Cosmos test server (10k open cases; also 100k with BENCH_FULL=1, which takes minutes) and in the embedded store. */
async function runReminderScanBenchmark(): Promise<void> {
  const sizes = process.env.BENCH_FULL === '1' ? [10_000, 100_000] : [10_000];
  const server = createHttpServer();
  // One 100k query on the emulated server takes minutes: no server-side time limits.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.timeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new CosmosClient({ endpoint, key: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==', connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 30 * 60_000 } });
  const rows: Record<string, unknown>[] = [];
  try {
    for (const total of sizes) {
      const seeding = process.hrtime.bigint();
      const repository = await seed(client, `bench-${total}`, total);
      const seedSeconds = Number(process.hrtime.bigint() - seeding) / 1e9;
      const result = await measure(repository, RUNS[total]);
      if (result.found !== DUE) throw new Error(`expected ${DUE} due cases, found ${result.found}`);
      rows.push({ store: '@zeit/cosmosdb-server (scans)', openCases: total, due: result.found, medianMs: result.medianMs.toFixed(1), worstMs: result.worstMs.toFixed(1), seedSeconds: seedSeconds.toFixed(1) });
    }
  } finally {
    client.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  for (const total of [10_000, 100_000]) {
    const scan = embeddedScan(total);
    rows.push({ store: 'embedded (in-memory scan)', openCases: total, due: scan.due, medianMs: scan.medianMs });
  }
  reportBenchmark({
    name: 'reminder-scan',
    title: 'Reminder scan (listDueForReminders, 50 due, limit 100) through the production repository code',
    rows,
    notes: [
      'The test server evaluates every query by scanning its in-memory documents (cost grows faster than linearly); the embedded store scans too (linear).',
      'Azure Cosmos DB serves this single-range query on nextDueAt from its range index: the cost follows the number returned, not the open cases.',
      'The 100k run on the test server takes minutes: BENCH_FULL=1 adds it.',
    ],
  });
}

/** Every benchmark by its BENCH name, in the order `npm run bench` runs them. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  latency: runTurnLatencyBenchmark,
  filing: runFilingSubmitBenchmark,
  memory: runMemoryBenchmark,
  cold: runColdStartBenchmark,
  cost: runStoreCostBenchmark,
  fanout: runFanOutBenchmark,
  commit: () => runGroupCommitBenchmark(process.env.BENCH_BASELINE_DIST),
  scan: runReminderScanBenchmark,
  agenda: runAgendaBenchmark,
  turn: runTurnDeliveryBenchmark,
};

async function main(): Promise<void> {
  const only = process.env.BENCH;
  // BENCH=before-after BENCH_BASELINE_DIST=<another build's dist> compares the product of two builds (not part of the full run).
  if (only === 'before-after') {
    if (!process.env.BENCH_BASELINE_DIST) throw new Error('BENCH_BASELINE_DIST=<dist directory of the baseline build> is required');
    await runBeforeAfterBenchmark(process.env.BENCH_BASELINE_DIST);
    return;
  }
  if (only && !BENCHMARKS[only]) throw new Error(`BENCH must be one of ${Object.keys(BENCHMARKS).join(', ')}, before-after`);
  const started = performance.now();
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (only && name !== only) continue;
    const began = performance.now();
    await run();
    console.log(`  [${name}: ${((performance.now() - began) / 1000).toFixed(0)} s]`);
  }
  console.log(`\nbench total: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
