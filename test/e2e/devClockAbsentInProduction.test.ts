import { startLocalHost, type LocalHost } from '../../local/localHost';

describe('POST /api/dev/clock outside local mode', () => {
  let host: LocalHost;
  const saved = process.env.MicrosoftAppId;

  beforeAll(async () => {
    process.env.MicrosoftAppId = '00000000-0000-0000-0000-00000000b07a';
    process.env.DRAFT_PURGE_SCHEDULE ??= '0 15 3 * * *';
    process.env.OUTBOX_SCHEDULE ??= '0 * * * * *';
    process.env.REMINDER_SCHEDULE ??= '0 */5 * * * *';
    process.env.DIGEST_SCHEDULE ??= '0 0 7 * * 1';
    process.env.HANDOVER_CHECK_SCHEDULE ??= '0 30 5 * * *';
    process.env.CASE_PURGE_SCHEDULE ??= '0 45 3 * * *';
    process.env.TEAM_TOPICS_SCHEDULE ??= '0 */15 * * * *';
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
