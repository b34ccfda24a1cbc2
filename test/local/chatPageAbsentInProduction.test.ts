import { LOCAL_PAGE_ACCESS } from '../../bot/teams/accessTable';
import { localChatPageFor } from '../../local/chatPage/localChatPageFor';
import { startLocalHost, type LocalHost } from '../../local/localHost';
import { setTimerSchedules } from '../../local/timerSchedules';

describe('the chat page outside local mode', () => {
  let host: LocalHost;
  const saved = process.env.MicrosoftAppId;

  beforeAll(async () => {
    process.env.MicrosoftAppId = '00000000-0000-0000-0000-00000000b07a';
    setTimerSchedules();
    // Composed as `npm start` composes it (local/startLocalHost.ts), with an app id: production mode.
    host = await startLocalHost({ port: 0, startTimers: false, handleOtherRequest: localChatPageFor(process.env) });
  });

  afterAll(async () => {
    await host.close();
    if (saved === undefined) delete process.env.MicrosoftAppId;
    else process.env.MicrosoftAppId = saved;
  });

  it('when an app id is configured (or the host is not bound to loopback), then there is no page to compose', () => {
    expect(localChatPageFor({ MicrosoftAppId: '00000000-0000-0000-0000-00000000b07a' })).toBeUndefined();
    expect(localChatPageFor({ HOST: '0.0.0.0' })).toBeUndefined();
    expect(localChatPageFor({})).toBeDefined();
  });

  it.each([
    ['GET', '/'],
    ['GET', '/chat/chatPage.js'],
    ['GET', '/chat/adaptivecards.js'],
    ['GET', '/chat/api/organisation'],
    ['POST', '/chat/api/activity'],
    ['POST', '/chat/api/clock'],
    ['POST', '/connector/v3/conversations'],
    ['POST', '/connector/v3/conversations/a%3A1/activities'],
    ['PUT', '/connector/v3/conversations/a%3A1/activities/sent-1'],
    ['GET', '/connector/v3/conversations/19%3Ateam/pagedmembers'],
  ])('when %s %s is asked in production mode, then it is not there (404)', async (method, path) => {
    const response = await fetch(`${host.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Veilig Melden');
  });

  it('when the declared page routes are listed, then each is local-only and none is an /api route of the function app', () => {
    for (const [route, rule] of Object.entries(LOCAL_PAGE_ACCESS)) {
      expect(rule.roles).toEqual(['localDeveloper']);
      expect(route.split(' ')[1].startsWith('/api/')).toBe(false);
    }
    expect(host.functions.map((fn) => fn.route)).not.toContain('dev/clock');
  });
});
