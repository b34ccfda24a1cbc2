/**
 * The delivery use case against the real embedded store (temp dir), the real cipher and an
 * in-memory messenger whose failures are scripted per message, so every assertion holds whatever
 * the interleaving of the conversations served at once. Time is a manual clock that only the
 * injected sleep moves; nothing waits for real.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONVERSATION_CONCURRENCY, deliverOutbox, deliverOwnItems, type DeliveryDependencies, type DeliveryOptions } from '../../../bot/app/outbox/deliverOutbox';
import { DeliveryError } from '../../../bot/app/outbox/messengerPorts';
import type { ContentCipher } from '../../../bot/app/common/cryptoPorts';
import type { OutboxItem } from '../../../bot/app/outbox/outboxPorts';
import type { Repositories } from '../../../bot/app/common/repositories';
import { createEmbeddedRepositories } from '../../../bot/storage/createEmbeddedRepositories';
import { FakeProactiveMessenger, type FakeReference } from '../../fakes/fakeProactiveMessenger';
import { ManualClock } from '../../fakes/manualClock';
import { atMinute, enqueueAll, numberedCard, sealedOutboxItem, storeReference, userRecipient, type MessageSpec } from '../../fakes/outboxMessages';
import { readEmbeddedDocuments } from '../../fakes/readEmbeddedDocuments';
import { RecordingLogger } from '../../fakes/recordingLogger';
import { testContentCipher } from '../../fakes/testContentCipher';

const START = atMinute(30);

interface World {
  dataDir: string;
  repos: Repositories;
  cipher: ContentCipher;
  clock: ManualClock;
  logger: RecordingLogger;
  messenger: FakeProactiveMessenger;
  /** Every wait deliverOutbox asked for, in order. */
  sleeps: number[];
  deps: DeliveryDependencies;
}

let world: World;

beforeEach(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'vm-outbox-'));
  const repos = await createEmbeddedRepositories(dataDir);
  const clock = new ManualClock(START);
  const sleeps: number[] = [];
  const logger = new RecordingLogger();
  const messenger = new FakeProactiveMessenger();
  const cipher = testContentCipher();
  const deps: DeliveryDependencies = {
    repos,
    cipher,
    messenger,
    clock,
    logger,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
  };
  world = { dataDir, repos, cipher, clock, logger, messenger, sleeps, deps };
});

afterEach(async () => {
  await world.repos.close();
  await rm(world.dataDir, { recursive: true, force: true });
});

function reference(conversationId: string): FakeReference {
  return { serviceUrl: 'https://connector.invalid/', channelId: 'msteams', conversation: { id: conversationId } };
}

/** A team channel with a stored reference: channel key `team-<name>`, conversation id `conv-<name>`. */
async function channel(name: string): Promise<{ kind: 'channel'; channelKey: string }> {
  await storeReference(world, `team-${name}`, reference(`conv-${name}`));
  return { kind: 'channel', channelKey: `team-${name}` };
}

/** `count` messages `<name>-0…` to a channel, one second apart, offset per channel so they interleave in time. */
async function messagesTo(name: string, count: number, offsetSeconds = 0): Promise<MessageSpec[]> {
  const recipient = await channel(name);
  return Array.from({ length: count }, (_, index) => ({ id: `${name}-${index}`, recipient, createdAt: atMinute(0, index * 3 + offsetSeconds) }));
}

async function stored(id: string): Promise<OutboxItem> {
  return (await world.repos.outbox.get(id))!.value;
}

function run(options?: DeliveryOptions) {
  return deliverOutbox(world.deps, options);
}

const seq = (id: string) => (card: Record<string, unknown>) => card.seq === id;

describe('deliverOutbox', () => {
  it('when three conversations get ten messages each and some sends fail with 429, 502 and 504, then each message goes once, in order, after waits that honour Retry-After', async () => {
    const specs = [...(await messagesTo('a', 10, 0)), ...(await messagesTo('b', 10, 1)), ...(await messagesTo('c', 10, 2))];
    await enqueueAll(world.repos, world.cipher, [...specs].reverse());
    world.messenger.failWhen(seq('a-3'), new DeliveryError(429, true, 1_000));
    world.messenger.failWhen(seq('b-0'), new DeliveryError(502, true), new DeliveryError(504, true));
    world.messenger.failWhen(seq('c-7'), new DeliveryError(429, true, 3_000));

    const report = await run();

    expect(report).toEqual({ sent: 30, retried: 0, failed: [], uncertain: 0, errors: 0 });
    for (const name of ['a', 'b', 'c']) {
      expect(world.messenger.sequenceOf(`conv-${name}`)).toEqual(Array.from({ length: 10 }, (_, index) => `${name}-${index}`));
    }
    // Full jitter with random 0.5: retry 1 waits 250 ms, retry 2 waits 500 ms; a longer Retry-After wins.
    expect([...world.sleeps].sort((x, y) => x - y)).toEqual([250, 500, 1_000, 3_000]);
    expect(await stored('b-0')).toMatchObject({ status: 'sent', attempts: 3, activityId: expect.stringMatching(/^activity-/) });
    expect(await stored('a-3')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await stored('a-4')).toMatchObject({ status: 'sent', attempts: 1, sentAt: expect.any(String) });
    expect(await stored('a-4')).not.toHaveProperty('leaseUntil');
  });

  it('when a message keeps failing for the whole run, then it goes back to pending with a back-off, its later messages wait across runs, and then all go in order', async () => {
    await enqueueAll(world.repos, world.cipher, [...(await messagesTo('a', 3)), ...(await messagesTo('b', 1, 1))]);
    world.messenger.failWhen(seq('a-0'), ...Array.from({ length: 4 }, () => new DeliveryError(503, true)));

    const first = await run();

    expect(first).toMatchObject({ sent: 1, retried: 1, failed: [] });
    expect(world.sleeps).toEqual([250, 500, 1_000]);
    const afterFirst = world.clock.now().getTime();
    // Put back with the back-off of its fourth attempt: 0.5 × 4 s.
    expect(await stored('a-0')).toMatchObject({ status: 'pending', attempts: 4, lastError: '503', notBefore: new Date(afterFirst + 2_000).toISOString() });
    expect(await stored('a-0')).not.toHaveProperty('leaseUntil');
    expect(await stored('a-1')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(world.messenger.sequenceOf('conv-b')).toEqual(['b-0']);

    // a-1 is due, but a-0 before it is not: nothing goes to that conversation yet.
    const second = await run();
    expect(second).toMatchObject({ sent: 0, retried: 0 });
    expect(world.messenger.calls.filter((call) => call.conversationId === 'conv-a')).toHaveLength(4);

    world.clock.advance(2_000);
    const third = await run();
    expect(third).toMatchObject({ sent: 3, retried: 0 });
    expect(world.messenger.sequenceOf('conv-a')).toEqual(['a-0', 'a-1', 'a-2']);
    expect(await stored('a-0')).toMatchObject({ status: 'sent', attempts: 5 });
  });

  it('when a message reaches the most attempts in total, then it is failed and reported, and the conversation moves on', async () => {
    await enqueueAll(world.repos, world.cipher, await messagesTo('a', 2));
    world.messenger.failWhen(seq('a-0'), ...Array.from({ length: 10 }, () => new DeliveryError(undefined, true)));

    const report = await run({ maxTotalAttempts: 3 });

    expect(report.failed.map((item) => [item.id, item.status, item.attempts, item.lastError])).toEqual([['a-0', 'failed', 3, 'DeliveryError']]);
    expect(world.sleeps).toEqual([250, 500]);
    expect(world.messenger.sequenceOf('conv-a')).toEqual(['a-1']);
  });

  it('when the service refuses a message (403), then it is failed at once with its code and reported for reassignment, and the next messages of that conversation still go', async () => {
    const recipient = await channel('a');
    await enqueueAll(world.repos, world.cipher, [
      { id: 'a-0', recipient, createdAt: atMinute(0), onUndeliverable: { caseId: 'case-7', reason: 'handler_unreachable' } },
      { id: 'a-1', recipient, createdAt: atMinute(1) },
      { id: 'a-2', recipient, createdAt: atMinute(2) },
    ]);
    world.messenger.failWhen(seq('a-0'), new DeliveryError(403, false));

    const report = await run();

    expect(report.sent).toBe(2);
    expect(report.failed).toEqual([expect.objectContaining({ id: 'a-0', status: 'failed', lastError: '403', attempts: 1, onUndeliverable: { caseId: 'case-7', reason: 'handler_unreachable' } })]);
    expect(world.sleeps).toEqual([]);
    expect(world.messenger.sequenceOf('conv-a')).toEqual(['a-1', 'a-2']);
    expect(world.logger.events('outbox.failed')).toEqual([{ level: 'error', event: 'outbox.failed', fields: { itemId: 'a-0', code: '403', attempts: 1 } }]);
  });

  it('when the run crashes between sending and marking sent, then the message is never sent again: its conversation waits for the lease, then it is marked uncertain and the rest goes', async () => {
    await enqueueAll(world.repos, world.cipher, await messagesTo('a', 3));
    const realReplace = world.repos.outbox.replace.bind(world.repos.outbox);
    let crashes = 1;
    world.repos.outbox.replace = async (item, etag) => {
      if (item.status === 'sent' && item.id === 'a-0' && crashes > 0) {
        crashes -= 1;
        throw new Error('process killed');
      }
      return realReplace(item, etag);
    };

    const first = await run({ leaseMs: 60_000 });
    expect(first).toMatchObject({ sent: 0, errors: 1 });
    expect(world.messenger.sequenceOf('conv-a')).toEqual(['a-0']);
    expect(await stored('a-0')).toMatchObject({ status: 'sending', attempts: 1 });
    expect(world.logger.events('outbox.error')).toEqual([{ level: 'error', event: 'outbox.error', fields: { itemId: 'a-0', errorName: 'Error' } }]);

    // The lease still holds: as far as anyone knows, a run is still working on that conversation.
    await expect(run()).resolves.toMatchObject({ sent: 0, uncertain: 0 });

    world.clock.advance(60_000);
    const third = await run();

    expect(third).toMatchObject({ sent: 2, uncertain: 1 });
    expect(world.messenger.sequenceOf('conv-a')).toEqual(['a-0', 'a-1', 'a-2']);
    expect(await stored('a-0')).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(world.logger.events('outbox.uncertain')).toEqual([{ level: 'warn', event: 'outbox.uncertain', fields: { itemId: 'a-0', attempts: 1 } }]);
  });

  it('when two runs start at the same time, then every message goes exactly once and in order', async () => {
    const specs = [...(await messagesTo('a', 5, 0)), ...(await messagesTo('b', 5, 1)), ...(await messagesTo('c', 5, 2))];
    await enqueueAll(world.repos, world.cipher, specs);

    const reports = await Promise.all([run(), run()]);

    expect(reports[0].sent + reports[1].sent).toBe(15);
    // The runs did race for the same items: the losers of a claim left those conversations alone.
    expect(world.logger.events('outbox.claimed_elsewhere').length).toBeGreaterThan(0);
    expect(world.messenger.delivered).toHaveLength(15);
    for (const name of ['a', 'b', 'c']) expect(world.messenger.sequenceOf(`conv-${name}`)).toEqual(Array.from({ length: 5 }, (_, index) => `${name}-${index}`));
  });

  it('when a user has no stored chat, then one is created with their Entra id, stored sealed under their key, and reused for the next message', async () => {
    const recipient = userRecipient(world.cipher, 'user-key-1', 'aad-0001');
    await enqueueAll(world.repos, world.cipher, [
      { id: 'u-0', recipient, createdAt: atMinute(0) },
      { id: 'u-1', recipient, createdAt: atMinute(1) },
    ]);

    await expect(run()).resolves.toMatchObject({ sent: 2 });

    expect(world.messenger.createdFor).toEqual(['aad-0001']);
    const record = await world.repos.conversationReferences.get('user-key-1');
    const opened = world.cipher.open<FakeReference>('address', record!.sealed, 'user-key-1');
    expect(opened.conversation.id).toMatch(/^a:created-/);
    expect(world.messenger.sequenceOf(opened.conversation.id)).toEqual(['u-0', 'u-1']);
    expect(JSON.stringify(readEmbeddedDocuments(world.dataDir, 'conversationReferences'))).not.toMatch(/aad-0001|a:created/);
  });

  it('when a user has a stored chat, then the message goes there and no chat is created', async () => {
    await storeReference(world, 'user-key-2', reference('a:existing'));
    await enqueueAll(world.repos, world.cipher, [{ id: 'u-0', recipient: userRecipient(world.cipher, 'user-key-2', 'aad-0002'), createdAt: atMinute(0) }]);

    await run();

    expect(world.messenger.createdFor).toEqual([]);
    expect(world.messenger.sequenceOf('a:existing')).toEqual(['u-0']);
  });

  it('when an anonymous reporter has no relay address, or a payload does not open, then the message is failed without any send', async () => {
    await enqueueAll(world.repos, world.cipher, [{ id: 'r-0', recipient: { kind: 'relay', relayId: 'relay-gone' }, createdAt: atMinute(0) }]);
    const recipient = userRecipient(world.cipher, 'user-key-3', 'aad-0003');
    // Sealed for another item: the context does not match, so it never opens.
    await world.repos.outbox.enqueue({ ...sealedOutboxItem(world.cipher, { id: 'u-0', recipient, createdAt: atMinute(1) }), sealedPayload: world.cipher.seal('content', { card: numberedCard('x') }, 'other-item') });

    const report = await run();

    // Two chats, served at once: the order in which they fail is not defined.
    expect(report.failed.map((item) => [item.id, item.lastError]).sort()).toEqual([
      ['r-0', 'no_address'],
      ['u-0', 'unreadable'],
    ]);
    expect(world.messenger.calls).toEqual([]);
    expect(world.messenger.createdFor).toEqual([]);
  });

  it('when an anonymous reporter has a relay address, then the message goes to it', async () => {
    await world.repos.relayAddresses.put({ id: 'relay-1', sealed: world.cipher.seal('relay', reference('a:anonymous-chat'), 'relay-1'), updatedAt: '2026-11-30' });
    await enqueueAll(world.repos, world.cipher, [{ id: 'r-0', recipient: { kind: 'relay', relayId: 'relay-1' }, createdAt: atMinute(0) }]);

    await expect(run()).resolves.toMatchObject({ sent: 1 });
    expect(world.messenger.sequenceOf('a:anonymous-chat')).toEqual(['r-0']);
  });

  it('when a Retry-After is longer than the time left in the run, then the message is put back at once with that delay instead of waiting', async () => {
    await enqueueAll(world.repos, world.cipher, [...(await messagesTo('a', 2)), ...(await messagesTo('b', 1, 1))]);
    world.messenger.failWhen(seq('a-0'), new DeliveryError(429, true, 10_000));

    const report = await run({ timeBudgetMs: 5_000 });

    expect(report).toMatchObject({ sent: 1, retried: 1 });
    expect(world.sleeps).toEqual([]);
    expect(await stored('a-0')).toMatchObject({ status: 'pending', attempts: 1, lastError: '429', notBefore: new Date(Date.parse(START) + 10_000).toISOString() });
    expect(await stored('a-1')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when the store fails while the address is looked up, then nothing is sent, the message is released for a later run, and that run delivers it', async () => {
    await enqueueAll(world.repos, world.cipher, [...(await messagesTo('a', 2)), ...(await messagesTo('b', 1, 1))]);
    const realGet = world.repos.conversationReferences.get.bind(world.repos.conversationReferences);
    let failures = 1;
    world.repos.conversationReferences.get = async (id) => {
      if (id === 'team-a' && failures > 0) {
        failures -= 1;
        throw new Error('store unavailable');
      }
      return realGet(id);
    };

    const first = await run();

    expect(first).toMatchObject({ sent: 1, retried: 0, errors: 1, failed: [] });
    expect(await stored('a-0')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error' });
    expect(world.messenger.sequenceOf('conv-a')).toEqual([]);

    world.clock.advance(60_000);
    await expect(run()).resolves.toMatchObject({ sent: 2, errors: 0 });
    expect(world.messenger.sequenceOf('conv-a')).toEqual(['a-0', 'a-1']);
  });

  it('when the time budget is spent, then no further message is started and they stay pending, untouched', async () => {
    await enqueueAll(world.repos, world.cipher, await messagesTo('a', 3));
    world.messenger.afterSend = () => world.clock.advance(3_000);

    const report = await run({ timeBudgetMs: 5_000 });

    expect(report.sent).toBe(2);
    expect(await stored('a-2')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when messages are delivered or fail, then the logs carry item ids and codes, never cards, addresses or user ids', async () => {
    const recipient = userRecipient(world.cipher, 'user-key-4', 'aad-secret-user');
    await enqueueAll(world.repos, world.cipher, [
      { id: 'u-0', recipient, createdAt: atMinute(0), card: { type: 'AdaptiveCard', seq: 'u-0', body: [{ type: 'TextBlock', text: 'vertrouwelijke tekst' }] } },
      { id: 'u-1', recipient, createdAt: atMinute(1) },
    ]);
    world.messenger.failWhen(seq('u-0'), new DeliveryError(502, true));
    world.messenger.failWhen(seq('u-1'), new DeliveryError(404, false));

    await run();

    const logged = world.logger.text();
    expect(logged).toContain('u-0');
    expect(logged).not.toMatch(/vertrouwelijke|aad-secret-user|a:created|connector\.invalid|user-key-4/);
    expect(world.logger.events('outbox.run')).toHaveLength(1);
  });
});

describe('deliverOutbox serves what is due', () => {
  /** `count` chats `<prefix>0…` with `perChat` messages each, all created before 09:00 (older than anything else in these tests). */
  async function deadChats(prefix: string, count: number, perChat: number): Promise<MessageSpec[]> {
    const specs: MessageSpec[] = [];
    for (let chat = 0; chat < count; chat += 1) {
      const recipient = await channel(`${prefix}${chat}`);
      for (let index = 0; index < perChat; index += 1) {
        specs.push({ id: `${prefix}${chat}-${index}`, recipient, createdAt: new Date(Date.UTC(2026, 10, 30, 8, 0, chat * perChat + index)).toISOString() });
      }
    }
    return specs;
  }

  it('when 150 older messages to dead chats are in back-off, then a due message to a live chat queued after them is delivered in the next run', async () => {
    const backedOff = (await deadChats('dead', 50, 3)).map((spec) => ({ ...spec, notBefore: atMinute(90) }));
    await enqueueAll(world.repos, world.cipher, backedOff);
    for (const spec of backedOff) {
      const entry = (await world.repos.outbox.get(spec.id))!;
      await world.repos.outbox.replace({ ...entry.value, attempts: 3, lastError: '503' }, entry.etag);
    }
    await enqueueAll(world.repos, world.cipher, await messagesTo('live', 1));

    const report = await run();

    expect(report).toMatchObject({ sent: 1, retried: 0, failed: [] });
    expect(world.messenger.sequenceOf('conv-live')).toEqual(['live-0']);
    expect(world.messenger.calls.map((call) => call.conversationId)).toEqual(['conv-live']);
    expect(await stored('dead0-0')).toMatchObject({ status: 'pending', attempts: 3, notBefore: atMinute(90) });
  });

  it('when only the first message of each of 30 dead chats is in back-off and the other 120 wait behind it, then a later due message to a live chat still goes in that run, the waiting ones are parked behind their first, and each chat keeps its order', async () => {
    const specs = await deadChats('stuck', 30, 5);
    await enqueueAll(world.repos, world.cipher, specs);
    for (const spec of specs.filter((item) => item.id.endsWith('-0'))) {
      const entry = (await world.repos.outbox.get(spec.id))!;
      await world.repos.outbox.replace({ ...entry.value, attempts: 2, lastError: '429', notBefore: atMinute(45) }, entry.etag);
    }
    await enqueueAll(world.repos, world.cipher, await messagesTo('live', 2));

    const first = await run();

    expect(first).toMatchObject({ sent: 2, failed: [] });
    expect(world.messenger.sequenceOf('conv-live')).toEqual(['live-0', 'live-1']);
    expect(world.messenger.calls.filter((call) => call.conversationId !== 'conv-live')).toEqual([]);
    expect(await stored('stuck7-3')).toMatchObject({ status: 'pending', attempts: 0, notBefore: atMinute(45) });
    // Parked, they no longer fill the due list.
    await expect(world.repos.outbox.listDue(world.clock.now().toISOString(), 100)).resolves.toEqual([]);

    world.clock.set(atMinute(45));
    const later = await run();

    expect(later).toMatchObject({ sent: 150, failed: [] });
    for (let chat = 0; chat < 30; chat += 1) expect(world.messenger.sequenceOf(`conv-stuck${chat}`)).toEqual(Array.from({ length: 5 }, (_, index) => `stuck${chat}-${index}`));
  });

  it('when 100 notices to anonymous reporters wait out their random delay, then a due message queued after them is delivered in the next run', async () => {
    const notices: MessageSpec[] = Array.from({ length: 100 }, (_, index) => ({
      id: `anon-${index}`,
      recipient: { kind: 'relay', relayId: `relay-${index}` },
      createdAt: new Date(Date.UTC(2026, 10, 30, 8, 0, index)).toISOString(),
      notBefore: atMinute(30 + 1 + (index % 119)),
    }));
    await enqueueAll(world.repos, world.cipher, notices);
    await enqueueAll(world.repos, world.cipher, await messagesTo('team', 1));

    await expect(run()).resolves.toMatchObject({ sent: 1, failed: [] });

    expect(world.messenger.sequenceOf('conv-team')).toEqual(['team-0']);
    expect(await stored('anon-0')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when 250 messages to 250 chats are due, then one run delivers them all (page after page), not only the oldest 100', async () => {
    await enqueueAll(world.repos, world.cipher, await deadChats('busy', 250, 1));

    await expect(run()).resolves.toMatchObject({ sent: 250, failed: [] });

    expect(world.messenger.delivered).toHaveLength(250);
    expect(world.logger.events('outbox.run')[0].fields).toMatchObject({ sent: 250 });
  });

  it('when one chat has 150 due messages ahead of another chat\'s one, then that one goes in the same run and the long chat keeps its order', async () => {
    const recipient = await channel('long');
    const long: MessageSpec[] = Array.from({ length: 150 }, (_, index) => ({ id: `long-${String(index).padStart(3, '0')}`, recipient, createdAt: new Date(Date.UTC(2026, 10, 30, 8, 0, index)).toISOString() }));
    await enqueueAll(world.repos, world.cipher, [...long, ...(await messagesTo('short', 1))]);

    await expect(run()).resolves.toMatchObject({ sent: 151 });

    expect(world.messenger.sequenceOf('conv-short')).toEqual(['short-0']);
    expect(world.messenger.sequenceOf('conv-long')).toEqual(long.map((spec) => spec.id));
  });
});

describe('deliverOutbox while chats wait out a Retry-After', () => {
  it('when every chat being served got a 429, then one more chat is delivered while they wait (they give up their sending slot), and each chat still gets its messages once and in order', async () => {
    // As many throttled chats as the run serves at once, so the last chat finds no slot unless a waiting chat gives its own up.
    const throttled = Array.from({ length: CONVERSATION_CONCURRENCY }, (_, index) => `t${index}`);
    const specs: MessageSpec[] = [];
    for (const [offset, name] of throttled.entries()) specs.push(...(await messagesTo(name, 2, offset)));
    // The last chat's message is the newest: it is handed out only once a slot is free.
    specs.push(...(await messagesTo('e', 1, 60)));
    await enqueueAll(world.repos, world.cipher, specs);
    for (const name of throttled) world.messenger.failWhen(seq(`${name}-0`), new DeliveryError(429, true, 5_000));
    // The waits end only once the last chat got its message: if a waiting chat kept its slot, this run would never end.
    const waiting: (() => void)[] = [];
    let eSent = false;
    const releaseAll = () => waiting.splice(0).forEach((resume) => resume());
    world.messenger.afterSend = (card) => {
      if (card.seq !== 'e-0') return;
      eSent = true;
      releaseAll();
    };
    world.deps.sleep = (ms) =>
      new Promise<void>((resolve) => {
        world.sleeps.push(ms);
        waiting.push(() => {
          world.clock.advance(ms);
          resolve();
        });
        if (eSent) releaseAll();
      });

    const report = await run();

    const total = 2 * throttled.length + 1;
    expect(report).toEqual({ sent: total, retried: 0, failed: [], uncertain: 0, errors: 0 });
    const calls = world.messenger.calls.map((call) => call.card.seq);
    // e-0 went out before any throttled chat's retry.
    for (const name of throttled) expect(calls.indexOf('e-0')).toBeLessThan(calls.lastIndexOf(`${name}-0`));
    for (const name of throttled) {
      expect(calls.filter((id) => id === `${name}-0`)).toHaveLength(2);
      expect(world.messenger.sequenceOf(`conv-${name}`)).toEqual([`${name}-0`, `${name}-1`]);
    }
    expect(world.messenger.delivered).toHaveLength(total);
    expect(world.sleeps).toEqual(throttled.map(() => 5_000));
  });

  it('when 40 chats of 3 messages each are delivered by two runs at once and every fourth first message is throttled, then every message goes exactly once and each chat keeps its order', async () => {
    const specs: MessageSpec[] = [];
    for (let chat = 0; chat < 40; chat += 1) specs.push(...(await messagesTo(`m${chat}`, 3, chat % 3)));
    await enqueueAll(world.repos, world.cipher, specs);
    for (let chat = 0; chat < 40; chat += 4) world.messenger.failWhen(seq(`m${chat}-0`), new DeliveryError(429, true, 1_000), new DeliveryError(429, true, 2_000));
    // Each wait yields to the other work (a real sleep would), while the manual clock moves on.
    world.deps.sleep = async (ms) => {
      world.sleeps.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
      world.clock.advance(ms);
    };

    const reports = await Promise.all([run(), run()]);

    expect(reports[0].sent + reports[1].sent).toBe(120);
    expect(reports[0].failed.length + reports[1].failed.length).toBe(0);
    expect(world.messenger.delivered).toHaveLength(120);
    for (let chat = 0; chat < 40; chat += 1) {
      expect(world.messenger.sequenceOf(`conv-m${chat}`)).toEqual([0, 1, 2].map((index) => `m${chat}-${index}`));
    }
    for (const spec of specs) expect(await stored(spec.id)).toMatchObject({ status: 'sent' });
  });
});

describe('deliverOwnItems (what a turn queued)', () => {
  it('when a turn queued two messages and other chats have a backlog, then only the turn\'s two are sent', async () => {
    await enqueueAll(world.repos, world.cipher, [...(await messagesTo('other', 3)), ...(await messagesTo('mine', 2, 1))]);

    const report = await deliverOwnItems(world.deps, ['mine-0', 'mine-1']);

    expect(report).toMatchObject({ sent: 2, retried: 0 });
    expect(world.messenger.calls.map((call) => call.card.seq)).toEqual(['mine-0', 'mine-1']);
    expect(await stored('other-0')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('when an older message of someone else waits in the same chat, then the turn sends nothing there and leaves the chat to the timer, in order', async () => {
    const recipient = await channel('shared');
    await enqueueAll(world.repos, world.cipher, [
      { id: 'older', recipient, createdAt: atMinute(0) },
      { id: 'mine', recipient, createdAt: atMinute(1) },
    ]);

    await expect(deliverOwnItems(world.deps, ['mine'])).resolves.toMatchObject({ sent: 0 });
    expect(world.messenger.calls).toEqual([]);

    await run();
    expect(world.messenger.sequenceOf('conv-shared')).toEqual(['older', 'mine']);
  });

  it('when the connector throttles the turn\'s message with a Retry-After, then the turn does not wait: the message is put back for the timer with that delay', async () => {
    await enqueueAll(world.repos, world.cipher, await messagesTo('mine', 1));
    world.messenger.failWhen(seq('mine-0'), new DeliveryError(429, true, 2_000));

    const report = await deliverOwnItems(world.deps, ['mine-0']);

    expect(report).toMatchObject({ sent: 0, retried: 1 });
    expect(world.sleeps).toEqual([]);
    expect(await stored('mine-0')).toMatchObject({ status: 'pending', attempts: 1, lastError: '429', notBefore: new Date(Date.parse(START) + 2_000).toISOString() });
  });
});
