/**
 * How long a user waits for a card press while other people's messages are stuck: the whole
 * application (`createApplication`, embedded store, the real Agents SDK adapter) answers a
 * `showMyCases` press (`adaptiveCard/action`), once with an empty outbox and once with 500
 * messages queued for other conversations while the Bot Connector (a server on loopback) answers
 * every call with 429 and `Retry-After: 2`. The ratio of the two medians is what counts: the
 * machine is shared.
 *
 * Time is real time plus 2 s more before every press (so the messages deferred by the previous
 * press are due again, as they would be in a storm): the rate limiter's waits (Teams' 30 calls a
 * second per tenant) are what a user would wait, so they pass for real. Nothing else waits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApplication, type Application } from '../bot/composition';
import type { Recipient } from '../bot/app/outbox/outboxPorts';
import { AesGcmContentCipher } from '../bot/security/aesGcmContentCipher';
import { loadOrCreateKeyFile } from '../bot/security/loadOrCreateKeyFile';
import { createEmbeddedRepositories } from '../bot/storage/createEmbeddedRepositories';
import { reportBenchmark } from './benchReport';

const START = Date.parse('2026-12-01T09:00:00.000Z');
const QUEUED = 500;
const PRESSES = { warmUp: 1, timed: 7 };
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT_ID = '28:veilig-melden-bot';
const PRESSER = { id: '29:1daan', aadObjectId: '00000000-0000-4000-8000-000000000015', name: 'Daan Willems' };

/** A connector on loopback that throttles every call, as Teams does in a 429 storm. */
async function throttlingConnector(): Promise<{ server: Server; url: string; calls: () => number }> {
  let calls = 0;
  const server = createServer((request, response) => {
    calls += 1;
    request.resume();
    request.on('end', () => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
      response.end(JSON.stringify({ error: { code: 'Throttled', message: 'too many requests' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, calls: () => calls };
}

/** 500 notices to 500 other people (no chat known yet, so each needs a call to the connector). */
async function seedOutbox(dataDir: string): Promise<void> {
  const cipher = new AesGcmContentCipher(loadOrCreateKeyFile(join(dataDir, 'keys.json')));
  const repos = await createEmbeddedRepositories(dataDir);
  try {
    for (let index = 0; index < QUEUED; index += 1) {
      const id = `bench-${String(index).padStart(4, '0')}`;
      const userKey = `other-${index}`;
      const recipient: Recipient = { kind: 'user', userKey, sealedUserId: cipher.seal('identity', { userId: `aad-other-${index}` }, userKey) };
      const createdAt = new Date(START - (QUEUED - index) * 1_000).toISOString();
      await repos.outbox.enqueue({
        id,
        recipient,
        conversationKey: userKey,
        sealedPayload: cipher.seal('content', { intent: { type: 'handlerLeft', count: 1, locale: 'nl' } }, id),
        createdAt,
        notBefore: createdAt,
        status: 'pending',
        attempts: 0,
      });
    }
  } finally {
    await repos.close();
  }
}

let sequence = 0;

function press(serviceUrl: string): Record<string, unknown> {
  sequence += 1;
  return {
    id: `f:bench-${sequence}`,
    type: 'invoke',
    name: 'adaptiveCard/action',
    timestamp: '2026-12-01T09:00:00.000Z',
    channelId: 'msteams',
    serviceUrl,
    from: PRESSER,
    recipient: { id: BOT_ID, name: 'Veilig Melden' },
    conversation: { id: 'a:1daan', conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'nl-NL',
    value: { action: { type: 'Action.Execute', verb: 'showMyCases', data: {} }, trigger: 'manual' },
  };
}

async function measure(queued: boolean): Promise<{ outbox: string; medianMs: number; worstMs: number; connectorCalls: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-bench-turn-'));
  const connector = await throttlingConnector();
  const origin = Date.now();
  let skipped = 0;
  let application: Application | undefined;
  try {
    if (queued) await seedOutbox(dataDir);
    application = await createApplication({
      env: { DATA_DIR: dataDir, BOT_SERVICE_URL: connector.url, LOG_LEVEL: 'silent' },
      clock: { now: () => new Date(START + skipped + (Date.now() - origin)) },
      logSink: () => undefined,
      // The benchmark stands in for the local host, which alone may switch on local mode.
      localHostOptIn: true,
    });
    const times: number[] = [];
    for (let run = 0; run < PRESSES.warmUp + PRESSES.timed; run += 1) {
      skipped += 2_000;
      const started = process.hrtime.bigint();
      const response = await application.handleActivity({ method: 'POST', headers: { 'content-type': 'application/json' }, body: press(connector.url) });
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.status !== 200) throw new Error(`press answered ${response.status}`);
      if (run >= PRESSES.warmUp) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    return { outbox: queued ? `${QUEUED} queued for others, connector 429 (Retry-After 2)` : 'empty', medianMs: times[Math.floor(times.length / 2)], worstMs: times[times.length - 1], connectorCalls: connector.calls() };
  } finally {
    await application?.close();
    await new Promise<void>((resolve) => connector.server.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints both cases and their ratio. */
export async function runTurnDeliveryBenchmark(): Promise<void> {
  const empty = await measure(false);
  const backlog = await measure(true);
  reportBenchmark({
    name: 'card-press-backlog',
    title: `Card press latency (showMyCases through the application, ${PRESSES.timed} timed presses each)`,
    rows: [empty, backlog].map((row) => ({ ...row, medianMs: row.medianMs.toFixed(1), worstMs: row.worstMs.toFixed(1) })),
    notes: [`median with backlog / median empty = ${(backlog.medianMs / empty.medianMs).toFixed(2)}x (target: within 1.2x)`],
  });
}
