/**
 * The Teams messenger with the real Agents SDK CloudAdapter, built with an empty auth
 * configuration as in local mode, against the fake Bot Connector on loopback. Time is a manual
 * clock moved only by the messenger's injected sleep.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter } from '@microsoft/agents-hosting';
import { DeliveryError } from '../../bot/app/outbox/messengerPorts';
import { TeamsProactiveMessenger } from '../../bot/teams/teamsProactiveMessenger';
import { FakeBotConnector } from '../fakes/fakeBotConnector';
import { ManualClock } from '../fakes/manualClock';
import { numberedCard } from '../fakes/outboxMessages';
import { BOT_ID, TENANT_ID } from '../fixtures/teamsActivities';

let connector: FakeBotConnector;
let adapter: CloudAdapter;
let clock: ManualClock;
let sleeps: number[];
let turnErrors: unknown[];

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
});

afterAll(async () => {
  await connector.stop();
});

beforeEach(() => {
  connector.clear();
  adapter = new CloudAdapter({});
  turnErrors = [];
  adapter.onTurnError = async (_context, error) => {
    turnErrors.push(error);
  };
  clock = new ManualClock('2026-11-30T09:00:00Z');
  sleeps = [];
});

function messenger(options: { appId?: string; serviceUrl?: string } = {}): TeamsProactiveMessenger {
  return new TeamsProactiveMessenger(adapter, {
    appId: options.appId,
    tenantId: TENANT_ID,
    serviceUrl: options.serviceUrl ?? connector.serviceUrl,
    clock: () => clock.now().getTime(),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
  });
}

/** A stored 1:1 chat reference, as `activity.getConversationReference()` gives it for an incoming Teams message. */
function personalReference(conversationId: string, serviceUrl = connector.serviceUrl) {
  return {
    activityId: 'f:incoming-1',
    user: { id: '29:user-1', aadObjectId: 'aad-user-1' },
    agent: { id: BOT_ID, name: 'Veilig Melden' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    channelId: 'msteams',
    locale: 'nl-NL',
    serviceUrl,
  };
}

/** The most events in any window [t, t + windowMs) that starts at an event. */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length));
}

/** A loopback server that records method, path and headers of every request and answers 200. */
async function startRecordingServer(): Promise<{ server: Server; url: string; requests: { method?: string; url?: string; headers: IncomingHttpHeaders; body: any }[] }> {
  const requests: { method?: string; url?: string; headers: IncomingHttpHeaders; body: any }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body: text ? JSON.parse(text) : undefined });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'activity-from-recorder' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

describe('TeamsProactiveMessenger', () => {
  it('when a card is sent to a stored chat, then it is a new message with the Adaptive Card in that conversation, and its activity id comes back', async () => {
    const result = await messenger().sendCard(personalReference('a:1chat'), numberedCard('m-1'));

    expect(result).toEqual({ activityId: expect.stringMatching(/^sent-/) });
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]).toMatchObject({ conversationId: 'a:1chat', replyToId: undefined });
    expect(connector.sent[0].activity).toMatchObject({ type: 'message', from: { id: BOT_ID }, conversation: { id: 'a:1chat' } });
    expect(connector.sent[0].activity).not.toHaveProperty('replyToId');
    expect(connector.cardsSentTo('a:1chat')).toEqual([numberedCard('m-1')]);
  });

  it('when there is no app id (local mode), then sends and updates go to the reference serviceUrl without a token', async () => {
    const recorder = await startRecordingServer();
    try {
      const reference = personalReference('a:1chat', recorder.url);
      await messenger().sendCard(reference, numberedCard('m-1'));
      await messenger().updateCard(reference, 'activity-7', numberedCard('m-1-updated'));

      expect(recorder.requests.map(({ method, url }) => [method, url])).toEqual([
        ['POST', '/v3/conversations/a:1chat/activities'],
        ['PUT', '/v3/conversations/a:1chat/activities/activity-7'],
      ]);
      expect(recorder.requests.every(({ headers }) => headers.authorization === undefined)).toBe(true);
      expect(recorder.requests[1].body).toMatchObject({ id: 'activity-7', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: numberedCard('m-1-updated') }] });
    } finally {
      await new Promise((resolve) => recorder.server.close(resolve));
    }
  });

  it.each([
    [429, 2, true, 2_000],
    [412, undefined, true, undefined],
    [502, undefined, true, undefined],
    [503, 1, true, 1_000],
    [504, undefined, true, undefined],
    [403, undefined, false, undefined],
    [404, undefined, false, undefined],
  ])('when the connector answers %d (Retry-After %p), then sendCard throws a DeliveryError with retryable %p, and no error message reaches the chat', async (status, retryAfterSeconds, retryable, retryAfterMs) => {
    connector.failNext({ status, retryAfterSeconds });

    const failure = await messenger().sendCard(personalReference('a:1chat'), numberedCard('m-1')).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ status, retryable, retryAfterMs });
    expect(connector.sent).toEqual([]);
    expect(turnErrors).toEqual([]);
  });

  it('when the connector cannot be reached, then it is a retryable DeliveryError without a status', async () => {
    const closed = await startRecordingServer();
    await new Promise((resolve) => closed.server.close(resolve));

    const failure = await messenger().sendCard(personalReference('a:1chat', closed.url), numberedCard('m-1')).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ status: undefined, retryable: true });
    expect(turnErrors).toEqual([]);
  });

  it('when the stored reference is not a conversation reference, then it is a DeliveryError that is not retried, and nothing is sent', async () => {
    await expect(messenger().sendCard({ conversation: {} }, numberedCard('m-1'))).rejects.toMatchObject({ name: 'DeliveryError', retryable: false });
    expect(connector.sent).toEqual([]);
  });

  it('when a 1:1 chat is created for a user, then the connector gets a personal conversation with their Entra id in the tenant, and the reference returned reaches it', async () => {
    // The fake's clear() forgets sent activities only: count the conversations created from here.
    const before = connector.createdConversations.length;
    const reference = await messenger().createPersonalConversation('aad-user-9');

    expect(connector.createdConversations.slice(before)).toEqual([{
      isGroup: false,
      agent: { id: 'veilig-melden-local' },
      members: [{ id: 'aad-user-9' }],
      tenantId: TENANT_ID,
      channelData: { tenant: { id: TENANT_ID } },
    }]);
    expect(reference).toMatchObject({ channelId: 'msteams', serviceUrl: connector.serviceUrl, conversation: { id: expect.stringMatching(/^a:created-/) }, user: { id: 'aad-user-9' } });
    expect(reference).not.toHaveProperty('activityId');

    await messenger().sendCard(reference, numberedCard('first'));
    const conversationId = (reference as { conversation: { id: string } }).conversation.id;
    expect(connector.cardsSentTo(conversationId)).toEqual([numberedCard('first')]);
  });

  it('when the bot has an app id, then it joins new chats as 28:<app id>', async () => {
    await messenger({ appId: 'app-id-1' }).createPersonalConversation('aad-user-9');
    expect(connector.createdConversations.at(-1)).toMatchObject({ agent: { id: '28:app-id-1' } });
  });

  it('when creating a chat is throttled, then it is a retryable DeliveryError with the Retry-After', async () => {
    connector.failNext({ status: 429, retryAfterSeconds: 4 });
    await expect(messenger().createPersonalConversation('aad-user-9')).rejects.toMatchObject({ name: 'DeliveryError', status: 429, retryable: true, retryAfterMs: 4_000 });
  });

  it('when 20 cards go to one chat, then the messenger waits so that no second has more than 7 and no 2 seconds more than 8, and all arrive in order', async () => {
    const teams = messenger();
    const times: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      await teams.sendCard(personalReference('a:busy'), numberedCard(`m-${index}`));
      times.push(clock.now().getTime());
    }

    expect(connector.cardsSentTo('a:busy').map((card) => card.seq)).toEqual(Array.from({ length: 20 }, (_, index) => `m-${index}`));
    expect(busiestWindow(times, 1_000)).toBe(7);
    expect(busiestWindow(times, 2_000)).toBe(8);
    expect(sleeps.length).toBeGreaterThan(0);
    // 8 per 2 s sets the pace: the 20th card goes 4 s after the first, not later.
    expect(times[19] - times[0]).toBe(4_000);
  });

  it('when a send may wait at most 500 ms and the chat\'s limit needs longer, then nothing is sent and it is a retryable DeliveryError with that wait', async () => {
    const teams = messenger();
    for (let index = 0; index < 7; index += 1) await teams.sendCard(personalReference('a:hurried'), numberedCard(`h-${index}`), { maxWaitMs: 500 });

    const refused = await teams.sendCard(personalReference('a:hurried'), numberedCard('h-7'), { maxWaitMs: 500 }).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(DeliveryError);
    expect(refused).toMatchObject({ status: undefined, retryable: true, retryAfterMs: 1_000 });
    expect(connector.cardsSentTo('a:hurried')).toHaveLength(7);
    expect(sleeps).toEqual([]);
  });

  it('when a send is refused with 429, then it does not use up the tenant\'s 30 per second: 30 more cards to other chats go in that same second without waiting', async () => {
    const teams = messenger();
    connector.failNext({ status: 429, retryAfterSeconds: 1 });
    await expect(teams.sendCard(personalReference('a:throttled'), numberedCard('t-0'))).rejects.toMatchObject({ status: 429, retryable: true });
    const start = clock.now().getTime();

    for (let index = 0; index < 30; index += 1) await teams.sendCard(personalReference(`a:other-${index}`), numberedCard(`o-${index}`));

    expect(connector.sent).toHaveLength(30);
    expect(sleeps).toEqual([]);
    expect(clock.now().getTime()).toBe(start);
    // The 31st would wait for the window: the budget was 30, not 31.
    await teams.sendCard(personalReference('a:other-30'), numberedCard('o-30'));
    expect(sleeps).toEqual([1_000]);
  });

  it('when five sends in a row are refused with 429, then only three a second are given back: the other two still count against the 30', async () => {
    const teams = messenger();
    connector.failNext({ status: 429, retryAfterSeconds: 1 }, 5);
    for (let index = 0; index < 5; index += 1) await expect(teams.sendCard(personalReference(`a:refused-${index}`), numberedCard(`r-${index}`))).rejects.toMatchObject({ status: 429 });

    for (let index = 0; index < 28; index += 1) await teams.sendCard(personalReference(`a:next-${index}`), numberedCard(`n-${index}`));
    expect(sleeps).toEqual([]);
    await teams.sendCard(personalReference('a:next-28'), numberedCard('n-28'));
    expect(sleeps).toEqual([1_000]);
  });

  it('when cards go to 40 different chats, then no second has more than 30 requests for the tenant', async () => {
    const teams = messenger();
    const times: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      await teams.sendCard(personalReference(`a:chat-${index}`), numberedCard(`m-${index}`));
      times.push(clock.now().getTime());
    }

    expect(connector.sent).toHaveLength(40);
    expect(busiestWindow(times, 1_000)).toBe(30);
    expect(times[39] - times[0]).toBe(1_000);
  });
});
