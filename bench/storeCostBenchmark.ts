/**
 * Store cost: store operations counted through the production repository code (the whole
 * application in its own process, the embedded store's containers counted), turned into
 * estimated Cosmos DB request units (see estimateRequestUnits).
 *
 * - One report walked from the first message to its receipt and a card action (submit, routing,
 *   the outbox writes of the notices).
 * - Every timer run once with nothing due: on an empty store and with open, not yet due cases
 *   (the goal: the same number of queries, O(1), not a scan of the open cases).
 *
 * Not yet measured here: acknowledge, question and answer, reminders, escalation, close,
 * feedback and purge of one case (see README).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportBenchmark } from './benchReport';
import { estimateRequestUnits } from './estimateRequestUnits';
import { LoopbackConnector } from './loopbackConnector';
import { countsSince, totalCounts } from './storeOperationCounter';
import { startTarget, type TargetProcess } from './targetProcess';
import { walkConversation } from './walkConversation';

const TIMERS = ['deliverOutbox', 'sendDueReminders', 'purgeExpiredDrafts', 'purgeClosedCases', 'postTeamTopics', 'sendCoordinatorDigests', 'handOverFromDepartedHandlers'] as const;

async function timerCosts(target: TargetProcess, openCases: number): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const timer of TIMERS) {
    const before = await target.counts();
    await target.runTimer(timer);
    const total = totalCounts(countsSince(await target.counts(), before));
    rows.push({ timer, openCases, reads: total.reads, queries: total.queries, returned: total.queryResults, writes: total.writes, estRU: estimateRequestUnits(total).toFixed(1) });
  }
  return rows;
}

/** Prints and writes `store-cost`. */
export async function runStoreCostBenchmark(): Promise<void> {
  const openCases = Number(process.env.BENCH_OPEN_CASES ?? 100);
  const connector = await new LoopbackConnector().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-bench-cost-'));
  const target = await startTarget('product', { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl, BENCH_COUNT_STORE: '1' });
  try {
    const rows = await timerCosts(target, 0);
    const before = await target.counts();
    await walkConversation({ kind: 'product', url: target.url, serviceUrl: connector.serviceUrl, user: 0, samples: [] });
    const report = totalCounts(countsSince(await target.counts(), before));
    // More open cases (none due for weeks): the timers must not read more of them.
    for (let start = 1; start < openCases; start += 25) {
      await Promise.all(Array.from({ length: Math.min(25, openCases - start) }, (_, index) => walkConversation({ kind: 'product', url: target.url, serviceUrl: connector.serviceUrl, user: start + index, samples: [] })));
    }
    await target.runTimer('deliverOutbox');
    rows.push(...(await timerCosts(target, openCases)));
    const perReportRu = estimateRequestUnits(report);
    reportBenchmark({
      name: 'store-cost',
      title: 'Store operations and estimated Cosmos DB RU: one report walked to its receipt, and each timer run with nothing due',
      rows: [
        { timer: 'one report: message → receipt → card action', openCases: '', reads: report.reads, queries: report.queries, returned: report.queryResults, writes: report.writes, estRU: perReportRu.toFixed(1) },
        ...rows,
      ],
      notes: [
        `Bytes written by one report: ${report.bytesWritten}. 1,000 reports a month: ~${((perReportRu * 1000) / 1000).toFixed(0)}k RU for the intake alone.`,
        'RU rule of thumb: point read 1 RU; writes by size with default indexing from https://learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption (1 KB 4.95, 2 KB 6.29, 4 KB 6.67, 8 KB 7.04); queries 2.5 RU + 1 per document returned (our assumption).',
        'Goal: a timer run with nothing due costs O(1) queries: compare the query counts at 0 and at the larger number of open cases.',
      ],
    });
  } finally {
    await target.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
