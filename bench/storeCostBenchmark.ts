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
 * - One named case's whole life through `POST /api/messages` and the local dev clock: Daan
 *   files it (routed to his manager Jeroen, demo directory), Jeroen acknowledges and asks a
 *   question, Daan answers, six weeks pass (the clock moved a week at a time, the due jobs run:
 *   reminders, escalation), Jeroen closes, Daan gives feedback, a year passes (purge, with
 *   CASE_RETENTION_DAYS=365).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportBenchmark } from './benchReport';
import { estimateRequestUnits } from './estimateRequestUnits';
import { LoopbackConnector } from './loopbackConnector';
import { countsSince, totalCounts } from './storeOperationCounter';
import { startTarget, type TargetProcess } from './targetProcess';
import type { ContainerCounts } from './storeOperationCounter';
import { buttonVm, personalChatId, post, walkConversation, type BenchPerson, type WalkOptions } from './walkConversation';
import { objectsIn } from './objectsIn';

const DAAN: BenchPerson = { id: '29:1daan', aadObjectId: '00000000-0000-4000-8000-000000000015', name: 'Daan Willems' };
const JEROEN: BenchPerson = { id: '29:1jeroen', aadObjectId: '00000000-0000-4000-8000-000000000014', name: 'Jeroen van den Berg' };

/** The store operations of each stage of one case's life, as rows. */
async function lifeOfOneCase(target: TargetProcess, connector: LoopbackConnector): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  const as = (person: BenchPerson): WalkOptions => ({ kind: 'product', url: target.url, serviceUrl: connector.serviceUrl, user: 0, person, samples: [] });
  const stage = async (name: string, work: () => Promise<void>) => {
    const before = await target.counts();
    await work();
    const total: ContainerCounts = totalCounts(countsSince(await target.counts(), before));
    rows.push({ stage: name, reads: total.reads, queries: total.queries, returned: total.queryResults, writes: total.writes, bytesWritten: total.bytesWritten, estRU: estimateRequestUnits(total).toFixed(1) });
    return total;
  };
  const advance = async (duration: string) => {
    const response = await fetch(`${target.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: duration }) });
    if (response.status !== 200) throw new Error(`dev clock answered ${response.status}`);
  };
  const cardsTo = (person: BenchPerson) => connector.service.sent.filter((sent) => sent.conversationId === personalChatId(person)).map((sent) => sent.activity);
  for (const person of [DAAN, JEROEN]) await post(as(person), 'message', { type: 'conversationUpdate', membersAdded: [{ id: '28:veilig-melden-bot' }] });

  await stage('file the report (message → receipt → card action), routing', () => walkConversation(as(DAAN)));
  const caseId = objectsIn(cardsTo(JEROEN))
    .map((item) => (item.data as { caseId?: string } | undefined)?.caseId)
    .find((id) => id);
  if (!caseId) throw new Error('the handler got no card with the case');
  await stage('acknowledge', async () => {
    await post(as(JEROEN), 'card action', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'acknowledgeCase', data: { caseId } }, trigger: 'manual' } });
  });
  await stage('question (dialog opened, question sent)', async () => {
    const form = await post(as(JEROEN), 'task/fetch', { type: 'invoke', name: 'task/fetch', value: { data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'caseQuestion', nav: 'next', caseId } }, context: {} } });
    await post(as(JEROEN), 'task/submit', { type: 'invoke', name: 'task/submit', value: { data: { message: 'Op welke dagen gebeurde dit?', vm: buttonVm(form, 'submit') }, context: {} } });
  });
  await stage('answer (dialog opened, answer sent)', async () => {
    const open = objectsIn(cardsTo(DAAN))
      .map((item) => (item.data as { vm?: Record<string, unknown> } | undefined)?.vm)
      .filter((vm): vm is Record<string, unknown> => vm?.dialog === 'caseMessages')
      .at(-1);
    if (!open) throw new Error('the reporter got no notice of the question');
    const view = await post(as(DAAN), 'task/fetch', { type: 'invoke', name: 'task/fetch', value: { data: { msteams: { type: 'task/fetch' }, vm: open }, context: {} } });
    await post(as(DAAN), 'task/submit', { type: 'invoke', name: 'task/submit', value: { data: { answer: 'Maandag en woensdag.', vm: buttonVm(view, 'submit') }, context: {} } });
  });
  const sentBefore = connector.service.sent.length;
  await stage('six weeks pass (clock a week at a time; reminders, escalation, every due job)', async () => {
    for (let week = 0; week < 6; week += 1) await advance('P7D');
  });
  const noticesInSixWeeks = connector.service.sent.length - sentBefore;
  await stage('close (dialog opened, closed)', async () => {
    const form = await post(as(JEROEN), 'task/fetch', { type: 'invoke', name: 'task/fetch', value: { data: { msteams: { type: 'task/fetch' }, vm: { dialog: 'caseClose', nav: 'next', caseId } }, context: {} } });
    await post(as(JEROEN), 'task/submit', { type: 'invoke', name: 'task/submit', value: { data: { outcome: 'resolved', message: 'Besproken; het stopt.', vm: buttonVm(form, 'submit') }, context: {} } });
  });
  await stage('feedback', async () => {
    await post(as(DAAN), 'card action', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'giveFeedback', data: { caseId, takenSeriously: '4', wouldReportAgain: '5' } }, trigger: 'manual' } });
  });
  await stage('a year passes (purge after CASE_RETENTION_DAYS=365; every due job)', () => advance('P366D'));
  rows.push({ stage: `(messages sent to Teams during the six weeks: ${noticesInSixWeeks})` });
  return rows;
}

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
  const target = await startTarget('product', { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.serviceUrl, BENCH_COUNT_STORE: '1', CASE_RETENTION_DAYS: '365' });
  try {
    const rows = await timerCosts(target, 0);
    const life = await lifeOfOneCase(target, connector);
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
    const lifeTotal = life.reduce((sum, row) => sum + Number(row.estRU ?? 0), 0);
    reportBenchmark({
      name: 'store-cost-case-life',
      title: 'Store operations and estimated RU over one case\'s life (same rule of thumb), product through POST /api/messages and the local dev clock',
      rows: life,
      notes: [`Whole life: ~${lifeTotal.toFixed(0)} RU; 1,000 cases a month: ~${((lifeTotal * 1000) / 1e6).toFixed(2)} million RU a month (timer runs with nothing due come on top: see store-cost).`],
    });
  } finally {
    await target.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
