/**
 * `npm run bench`: measurements that tests must not make (machines are shared and noisy, so
 * compare the numbers of one run with each other, not with a threshold).
 *
 * Reminder scan: the query the reminder timer runs (`listDueForReminders`: cases whose
 * `nextDueAt` has passed, earliest first, at most 100) against 10,000 and 100,000 open cases
 * with the same 50 due, on the Cosmos-compatible test server (@zeit/cosmosdb-server) on loopback,
 * through the production repository code.
 */
import { CosmosClient, type OperationInput } from '@azure/cosmos';
import { createHttpServer } from '@zeit/cosmosdb-server';
import type { AddressInfo } from 'node:net';
import type { CaseRecord } from '../bot/app/ports';
import { CosmosDocumentContainer } from '../bot/storage/cosmosDocumentContainer';
import { DocumentCaseRepository } from '../bot/storage/documentCaseRepository';
import { runQueryInMemory } from '../bot/storage/runQueryInMemory';
import { runAgendaBenchmark } from './agendaBenchmark';
import { runColdStartBenchmark } from './coldStartBenchmark';
import { runGroupCommitBenchmark } from './groupCommitBenchmark';
import { runTurnDeliveryBenchmark } from './turnDeliveryBenchmark';
import { runBeforeAfterBenchmark, runTurnLatencyBenchmark } from './turnLatencyBenchmark';

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

async function main(): Promise<void> {
  // BENCH=agenda runs only the posting benchmark (the reminder scan at 100k takes minutes).
  if (process.env.BENCH === 'agenda') {
    await runAgendaBenchmark();
    return;
  }
  // BENCH=latency runs only the turn latency against the floor (with store operations per step and a CPU profile).
  if (process.env.BENCH === 'latency') {
    await runTurnLatencyBenchmark();
    return;
  }
  // BENCH=cold runs only the cold start against the floor.
  if (process.env.BENCH === 'cold') {
    await runColdStartBenchmark();
    return;
  }
  // BENCH=commit runs only the embedded store's write path (against BENCH_BASELINE_DIST's when set).
  if (process.env.BENCH === 'commit') {
    await runGroupCommitBenchmark(process.env.BENCH_BASELINE_DIST);
    return;
  }
  // BENCH=before-after BENCH_BASELINE_DIST=<another build's dist> compares the product of two builds.
  if (process.env.BENCH === 'before-after') {
    if (!process.env.BENCH_BASELINE_DIST) throw new Error('BENCH_BASELINE_DIST=<dist directory of the baseline build> is required');
    await runBeforeAfterBenchmark(process.env.BENCH_BASELINE_DIST);
    return;
  }
  // BENCH=turn runs only the card press latency with a throttled backlog of other people's messages.
  if (process.env.BENCH === 'turn') {
    await runTurnDeliveryBenchmark();
    return;
  }
  const server = createHttpServer();
  // One 100k query on the emulated server takes minutes: no server-side time limits.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.timeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new CosmosClient({ endpoint, key: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==', connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 30 * 60_000 } });
  const rows: { openCases: number; due: number; medianMs: number; worstMs: number; seedSeconds: number; heapMb: number }[] = [];
  try {
    for (const total of [10_000, 100_000]) {
      const seeding = process.hrtime.bigint();
      const repository = await seed(client, `bench-${total}`, total);
      const seedSeconds = Number(process.hrtime.bigint() - seeding) / 1e9;
      const result = await measure(repository, RUNS[total]);
      if (result.found !== DUE) throw new Error(`expected ${DUE} due cases, found ${result.found}`);
      rows.push({ openCases: total, due: result.found, medianMs: result.medianMs, worstMs: result.worstMs, seedSeconds, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
      console.log(`${total} open cases: seeded in ${seedSeconds.toFixed(1)} s, scan median ${result.medianMs.toFixed(1)} ms (worst ${result.worstMs.toFixed(1)} ms)`);
    }
  } finally {
    client.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  console.log('\nReminder scan (listDueForReminders, 50 due, limit 100), @zeit/cosmosdb-server on loopback:');
  console.table(rows.map((row) => ({ ...row, medianMs: row.medianMs.toFixed(1), worstMs: row.worstMs.toFixed(1), seedSeconds: row.seedSeconds.toFixed(1), heapMb: row.heapMb.toFixed(0) })));
  const ratio = rows[1].medianMs / rows[0].medianMs;
  console.log(`median 100k / 10k = ${ratio.toFixed(2)}x`);
  console.log('\nThe same query in the embedded store (the local default), evaluated in memory:');
  console.table([10_000, 100_000].map((total) => embeddedScan(total)));
  console.log(
    'Note: the test server evaluates every query by scanning its in-memory documents, so this ratio shows its scan; ' +
      'Azure Cosmos DB serves the same single-range query on nextDueAt from its range index, where the cost follows the number returned.',
  );
  await runAgendaBenchmark();
  await runTurnDeliveryBenchmark();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
