import { startLocalHost, type LocalHost } from '../../local/localHost';
import { setTimerSchedules } from '../../local/timerSchedules';

describe('POST /api/dev/clock outside local mode', () => {
  let host: LocalHost;
  const saved = process.env.MicrosoftAppId;

  beforeAll(async () => {
    process.env.MicrosoftAppId = '00000000-0000-0000-0000-00000000b07a';
    setTimerSchedules();
    host = await startLocalHost({ port: 0, startTimers: false });
  });

  afterAll(async () => {
    await host.close();
    if (saved === undefined) delete process.env.MicrosoftAppId;
    else process.env.MicrosoftAppId = saved;
  });

  it('when an app id is configured, then the route is not registered at all', async () => {
    expect(host.functions.map((fn) => fn.name)).not.toContain('devClock');
    const response = await fetch(`${host.url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advance: 'P8D' }) });
    expect(response.status).toBe(404);
  });
});
