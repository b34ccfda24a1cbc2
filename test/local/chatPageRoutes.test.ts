import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetApplication } from '../../bot/composition';
import { chatPageServiceUrl, localChatPageFor } from '../../local/chatPage/localChatPageFor';
import { startLocalHost, type LocalHost } from '../../local/localHost';
import { ManualClock } from '../fakes/manualClock';
import { daan, jeroen } from '../fixtures/demoPeople';
import { TIMER_SCHEDULES, setTimerSchedules } from '../../local/timerSchedules';

const evertsen = '19:demo-evertsen@thread.tacv2';

describe('the chat page routes in local mode (no browser)', () => {
  let host: LocalHost;
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-chatpage-routes-'));

  const call = async (method: string, path: string, body?: string) => {
    const response = await fetch(`${host.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, text };
  };
  const messagesOf = async (conversationId: string) => (await call('GET', `/chat/api/messages?conversation=${encodeURIComponent(conversationId)}`)).body.messages as any[];

  beforeAll(async () => {
    setTimerSchedules();
    // As npm start does: the local host's opt-in comes first, so the functions register the dev clock route.
    await resetApplication({ localHostOptIn: true, env: { DATA_DIR: dataDir } });
    host = await startLocalHost({ port: 0, startTimers: false, handleOtherRequest: localChatPageFor({}) });
    await resetApplication({ localHostOptIn: true, env: { DATA_DIR: dataDir, BOT_SERVICE_URL: chatPageServiceUrl(host.url), LOG_LEVEL: 'error', ...TIMER_SCHEDULES }, clock: new ManualClock('2026-11-30T09:00:00Z'), sleep: async () => undefined });
  });

  afterAll(async () => {
    await resetApplication();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when the page is asked for, then it loads the official renderer from this host, no CDN', async () => {
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script src="/chat/adaptivecards.js"></script>');
    expect(page.text).not.toMatch(/src="https?:/);
    const bundle = await fetch(`${host.url}/chat/adaptivecards.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toContain('AdaptiveCard');
  });

  it('when a person opens their chat, then the bot is installed through /api/messages and its welcome arrives at the page\'s connector', async () => {
    const opened = await call('POST', '/chat/api/open', JSON.stringify({ person: daan.aadObjectId, place: 'personal' }));
    expect(opened).toMatchObject({ status: 200, body: { conversationId: `a:local-${daan.aadObjectId}` } });

    const [welcome] = await messagesOf(`a:local-${daan.aadObjectId}`);
    expect(welcome).toMatchObject({ from: 'bot', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
  });

  it('when a person types in their chat, then the text is shown as theirs and the bot answers in the same chat', async () => {
    const before = (await messagesOf(`a:local-${daan.aadObjectId}`)).length;
    const sent = await call('POST', '/chat/api/activity', JSON.stringify({ person: daan.aadObjectId, place: 'personal', action: { kind: 'message', text: 'help' } }));
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe(200);

    const messages = await messagesOf(`a:local-${daan.aadObjectId}`);
    expect(messages[before]).toMatchObject({ from: 'user', authorName: daan.name, text: 'help' });
    expect(messages.length).toBeGreaterThan(before + 1);
    expect(messages.at(-1).from).toBe('bot');
  });

  it('when the bot opens a chat with someone itself, then the connector answers with that person\'s 1:1 chat on the page', async () => {
    const created = await call('POST', '/connector/v3/conversations', JSON.stringify({ isGroup: false, members: [{ id: jeroen.aadObjectId }] }));
    expect(created).toMatchObject({ status: 201, body: { id: `a:local-${jeroen.aadObjectId}`, serviceUrl: chatPageServiceUrl(host.url) } });
  });

  it.each([
    ['not JSON', '{', 400],
    ['an unknown person', JSON.stringify({ person: 'nobody', place: 'personal', action: { kind: 'message', text: 'hoi' } }), 400],
    ['a team the person is not in', JSON.stringify({ person: daan.aadObjectId, place: evertsen, action: { kind: 'message', text: 'hoi' } }), 400],
    ['an unknown kind of action', JSON.stringify({ person: daan.aadObjectId, place: 'personal', action: { kind: 'hack' } }), 400],
    ['an empty message', JSON.stringify({ person: daan.aadObjectId, place: 'personal', action: { kind: 'message', text: '  ' } }), 400],
  ])('when the page posts %s, then it gets a clear 4xx and nothing reaches the bot', async (_case, body, status) => {
    const before = (await messagesOf(`a:local-${daan.aadObjectId}`)).length;
    const answer = await call('POST', '/chat/api/activity', body);
    expect(answer.status).toBe(status);
    expect(typeof answer.body.error).toBe('string');
    expect((await messagesOf(`a:local-${daan.aadObjectId}`)).length).toBe(before);
  });

  it.each([
    ['GET', '/chat/api/nothing'],
    ['PUT', '/chat/api/activity'],
    ['GET', '/chat/../package.json'],
    ['GET', '/chat/chatPageServer.ts'],
    ['DELETE', '/connector/v3/conversations'],
    ['GET', '/chat/constructor'],
  ])('when %s %s is asked (not declared), then it is refused with 404', async (method, path) => {
    expect((await call(method, path)).status).toBe(404);
  });

  it('when a path is not validly encoded, then the answer is 400, not 5xx', async () => {
    expect((await call('GET', '/connector/v3/conversations/%E0%A4%A/members')).status).toBe(400);
  });

  it('when the clock is advanced through the page, then the local clock route moves it', async () => {
    const answer = await call('POST', '/chat/api/clock', JSON.stringify({ advance: 'P1D' }));
    expect(answer).toMatchObject({ status: 200, body: { now: '2026-12-01T09:00:00.000Z' } });
    expect((await call('POST', '/chat/api/clock', JSON.stringify({ advance: 'soon' }))).status).toBe(400);
  });
});
