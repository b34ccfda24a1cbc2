/**
 * Proactive delivery end to end: the outbox in the embedded store (temp dir), deliverOutbox, the
 * Teams messenger on a real Agents SDK CloudAdapter with an empty auth configuration (local
 * mode), and the fake Bot Connector on loopback, which records what arrives and injects failures.
 * Time is a manual clock moved only by the injected sleeps: nothing waits for real.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudAdapter } from '@microsoft/agents-hosting';
import { deliverOutbox, type DeliveryDependencies, type DeliveryOptions } from '../../bot/app/outbox/deliverOutbox';
import { DeliveryError, type ProactiveMessenger } from '../../bot/app/outbox/messengerPorts';
import type { ContentCipher } from '../../bot/app/common/cryptoPorts';
import type { OutboxItem } from '../../bot/app/outbox/outboxPorts';
import type { Repositories } from '../../bot/app/common/repositories';
import { createEmbeddedRepositories } from '../../bot/storage/createEmbeddedRepositories';
import { TeamsProactiveMessenger } from '../../bot/teams/teamsProactiveMessenger';
import { FakeBotConnector, type InjectedFailure } from '../fakes/fakeBotConnector';
import { ManualClock } from '../fakes/manualClock';
import { atMinute, enqueueAll, storeReference, userRecipient, type MessageSpec } from '../fakes/outboxMessages';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { RecordingLogger } from '../fakes/recordingLogger';
import { testContentCipher } from '../fakes/testContentCipher';
import { BOT_ID, TENANT_ID } from '../fixtures/teamsActivities';

let connector: FakeBotConnector;
let dataDir: string;
let repos: Repositories;
let cipher: ContentCipher;
let clock: ManualClock;
let logger: RecordingLogger;
let teams: TeamsProactiveMessenger;
/** Waits of deliverOutbox's retries, and of the messenger's rate limiter, kept apart. */
let retrySleeps: number[];
let limiterSleeps: number[];

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
});

afterAll(async () => {
  await connector.stop();
});

beforeEach(async () => {
  connector.clear();
  dataDir = await mkdtemp(join(tmpdir(), 'vm-proactive-'));
  repos = await createEmbeddedRepositories(dataDir);
  cipher = testContentCipher();
  clock = new ManualClock('2026-11-30T09:30:00Z');
  logger = new RecordingLogger();
  retrySleeps = [];
  limiterSleeps = [];
  const adapter = new CloudAdapter({});
  teams = new TeamsProactiveMessenger(adapter, {
    tenantId: TENANT_ID,
    serviceUrl: connector.serviceUrl,
    clock: () => clock.now().getTime(),
    sleep: async (ms) => {
      limiterSleeps.push(ms);
      clock.advance(ms);
    },
  });
});

afterEach(async () => {
  await repos.close();
  await rm(dataDir, { recursive: true, force: true });
});

function deps(messenger: ProactiveMessenger = teams, store: Repositories = repos): DeliveryDependencies {
  return {
    repos: store,
    cipher,
    messenger,
    clock,
    logger,
    // Small, so that back-off waits stay far below 1 s and any wait of 1 s comes from a Retry-After.
    random: () => 0.1,
    sleep: async (ms) => {
      retrySleeps.push(ms);
      clock.advance(ms);
    },
  };
}

/** The 1:1 chat of a handler with the bot, stored as the intake stores it: sealed under their key. */
async function handlerWithChat(name: string): Promise<{ specs: (count: number, offsetSeconds?: number) => MessageSpec[]; conversationId: string }> {
  const userKey = `key-${name}`;
  const conversationId = `a:1${name}`;
  await storeReference({ repos, cipher, clock }, userKey, {
    activityId: `f:${name}`,
    user: { id: `29:${name}`, aadObjectId: `aad-${name}` },
    agent: { id: BOT_ID, name: 'Veilig Melden' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    channelId: 'msteams',
    locale: 'nl-NL',
    serviceUrl: connector.serviceUrl,
  });
  const recipient = userRecipient(cipher, userKey, `aad-${name}`);
  return {
    conversationId,
    specs: (count, offsetSeconds = 0) => Array.from({ length: count }, (_, index) => ({ id: `${name}-${index}`, recipient, createdAt: atMinute(0, index * 3 + offsetSeconds) })),
  };
}

function run(messenger?: ProactiveMessenger, options?: DeliveryOptions, store?: Repositories) {
  return deliverOutbox(deps(messenger, store), options);
}

function seqs(conversationId: string): unknown[] {
  return connector.cardsSentTo(conversationId).map((card) => card.seq);
}

/** The most events in any window [t, t + windowMs) that starts at an event. */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

describe('proactive delivery through the Bot Connector', () => {
  it('when three chats get ten messages each and the connector answers 429 (Retry-After 1), 502 and 504 on some calls, then each message arrives once, in order, after waits that honour Retry-After', async () => {
    const chats = await Promise.all(['anna', 'bram', 'cees'].map((name) => handlerWithChat(name)));
    const specs = chats.flatMap((chat, index) => chat.specs(10, index));
    await enqueueAll(repos, cipher, [...specs].reverse());
    // Failures are queued at the connector just before some sends: each makes exactly one request fail.
    const injections = new Map<number, InjectedFailure>([
      [2, { status: 429, retryAfterSeconds: 1 }],
      [9, { status: 502 }],
      [16, { status: 504 }],
      [23, { status: 429, retryAfterSeconds: 1 }],
    ]);
    let calls = 0;
    const failures: number[] = [];
    const injecting: ProactiveMessenger = {
      sendCard: async (conversation, card) => {
        calls += 1;
        const failure = injections.get(calls);
        if (failure) connector.failNext(failure);
        try {
          return await teams.sendCard(conversation, card);
        } catch (error) {
          if (error instanceof DeliveryError && error.status !== undefined) failures.push(error.status);
          throw error;
        }
      },
      updateCard: (conversation, activityId, card) => teams.updateCard(conversation, activityId, card),
      createPersonalConversation: (userId) => teams.createPersonalConversation(userId),
    };

    // Five attempts per run: even if all four failures hit one message, it is still delivered in this run.
    const report = await run(injecting, { maxAttemptsPerRun: 5 });

    expect(report).toEqual({ sent: 30, retried: 0, failed: [], uncertain: 0, errors: 0 });
    expect(failures.sort()).toEqual([429, 429, 502, 504]);
    for (const [index, name] of ['anna', 'bram', 'cees'].entries()) {
      expect(seqs(chats[index].conversationId)).toEqual(Array.from({ length: 10 }, (_, n) => `${name}-${n}`));
    }
    expect(connector.sent).toHaveLength(30);
    // Each 429 was followed by a wait of its Retry-After (1 s); the 5xx back-offs stay well below it.
    expect(retrySleeps).toHaveLength(4);
    expect(retrySleeps.filter((ms) => ms >= 1_000)).toEqual([1_000, 1_000]);
    expect(retrySleeps.filter((ms) => ms < 1_000).every((ms) => ms <= 400)).toBe(true);
  });

  it('when the run dies after the connector took a message but before it was marked sent, then the next run marks it uncertain and does not send it again', async () => {
    const chat = await handlerWithChat('dirk');
    await enqueueAll(repos, cipher, chat.specs(3));
    let crashes = 1;
    const crashing: Repositories = {
      ...repos,
      outbox: {
        enqueue: (item) => repos.outbox.enqueue(item),
        get: (id) => repos.outbox.get(id),
        listDue: (now, limit, createdAfter) => repos.outbox.listDue(now, limit, createdAfter),
        listUnfinishedIn: (conversationKey, limit) => repos.outbox.listUnfinishedIn(conversationKey, limit),
        listFinishedBefore: (before, limit) => repos.outbox.listFinishedBefore(before, limit),
        listToForgetBefore: (day, limit) => repos.outbox.listToForgetBefore(day, limit),
        delete: (id) => repos.outbox.delete(id),
        replace: async (item: OutboxItem, etag: string) => {
          if (item.status === 'sent' && crashes > 0) {
            crashes -= 1;
            throw new Error('process killed');
          }
          return repos.outbox.replace(item, etag);
        },
      },
    };

    const first = await run(teams, {}, crashing);
    expect(first).toMatchObject({ sent: 0, errors: 1 });
    expect(seqs(chat.conversationId)).toEqual(['dirk-0']);

    clock.advance(120_000);
    const second = await run();

    expect(second).toMatchObject({ sent: 2, uncertain: 1, failed: [] });
    expect(seqs(chat.conversationId)).toEqual(['dirk-0', 'dirk-1', 'dirk-2']);
    expect((await repos.outbox.get('dirk-0'))?.value).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(logger.events('outbox.uncertain').map((entry) => entry.fields.itemId)).toEqual(['dirk-0']);
  });

  it('when the connector refuses a message with 403, then it is failed and reported, and the later messages of that chat still arrive', async () => {
    const chat = await handlerWithChat('els');
    const [first, ...rest] = chat.specs(3);
    await enqueueAll(repos, cipher, [{ ...first, onUndeliverable: { caseId: 'case-42', reason: 'handler_unreachable' } }, ...rest]);
    connector.failNext({ status: 403 });

    const report = await run();

    expect(report.sent).toBe(2);
    expect(report.failed).toEqual([expect.objectContaining({ id: 'els-0', status: 'failed', lastError: '403', onUndeliverable: { caseId: 'case-42', reason: 'handler_unreachable' } })]);
    expect(seqs(chat.conversationId)).toEqual(['els-1', 'els-2']);
    expect(retrySleeps).toEqual([]);
  });

  it('when no chat is stored for a user, then one is created through the connector, the message goes there, and the new reference is stored sealed', async () => {
    const created = connector.createdConversations.length;
    const recipient = userRecipient(cipher, 'key-fleur', 'aad-fleur-0001');
    await enqueueAll(repos, cipher, [
      { id: 'fleur-0', recipient, createdAt: atMinute(0) },
      { id: 'fleur-1', recipient, createdAt: atMinute(1) },
    ]);

    await expect(run()).resolves.toMatchObject({ sent: 2, failed: [] });

    expect(connector.createdConversations.slice(created)).toEqual([expect.objectContaining({ isGroup: false, members: [{ id: 'aad-fleur-0001' }], tenantId: TENANT_ID })]);
    const stored = await repos.conversationReferences.get('key-fleur');
    const reference = cipher.open<{ conversation: { id: string }; serviceUrl: string }>('address', stored!.sealed, 'key-fleur');
    expect(reference.serviceUrl).toBe(connector.serviceUrl);
    expect(seqs(reference.conversation.id)).toEqual(['fleur-0', 'fleur-1']);
    const onDisk = JSON.stringify(readEmbeddedDocuments(dataDir, 'conversationReferences'));
    expect(onDisk).not.toContain('aad-fleur-0001');
    expect(onDisk).not.toContain(reference.conversation.id);
  });

  it('when 20 messages wait for one chat, then the messenger paces them so that no second has more than 7, and they arrive in order', async () => {
    const chat = await handlerWithChat('gijs');
    await enqueueAll(repos, cipher, chat.specs(20));
    const times: number[] = [];
    const timing: ProactiveMessenger = {
      sendCard: async (conversation, card) => {
        const result = await teams.sendCard(conversation, card);
        times.push(clock.now().getTime());
        return result;
      },
      updateCard: (conversation, activityId, card) => teams.updateCard(conversation, activityId, card),
      createPersonalConversation: (userId) => teams.createPersonalConversation(userId),
    };

    await expect(run(timing)).resolves.toMatchObject({ sent: 20 });

    expect(seqs(chat.conversationId)).toEqual(Array.from({ length: 20 }, (_, index) => `gijs-${index}`));
    expect(busiestWindow(times, 1_000)).toBe(7);
    expect(busiestWindow(times, 2_000)).toBe(8);
    expect(limiterSleeps.length).toBeGreaterThan(0);
    expect(retrySleeps).toEqual([]);
  });
});
