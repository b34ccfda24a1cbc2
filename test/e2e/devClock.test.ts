import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf } from './wizardJourney';

const user: TeamsUser = { id: '29:1clock', aadObjectId: '6b1d2c3e-0000-4000-8000-0000000c10c4', name: 'Klok', locale: 'nl-NL' };

describe('POST /api/dev/clock (local mode)', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness();
  });

  afterAll(() => bot.stop({ removeData: true }));

  const advance = (body: unknown) =>
    fetch(`${bot.host.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('when the clock is moved 15 days ahead, then the application time moves and the draft purge runs', async () => {
    const card = dialogCardOf((await bot.send(taskFetch(user, bot.connector.serviceUrl, {}))).body);
    await bot.send(taskSubmit(user, bot.connector.serviceUrl, { categories: 'bullying', vm: buttonVm(card, 'next') }));
    const before = bot.clock.now().getTime();

    const response = await advance({ advance: 'P15D' });
    expect(response.status).toBe(200);
    const { now } = (await response.json()) as { now: string };
    expect(new Date(now).getTime() - before).toBe(15 * 86_400_000);
    expect(bot.logs.some((line) => line.includes('"event":"drafts.purged"'))).toBe(true);

    const fresh = dialogCardOf((await bot.send(taskFetch(user, bot.connector.serviceUrl, {}))).body);
    expect(buttonVm(fresh, 'next').step).toBe('what');
  });

  it.each([[{ advance: 'eight days' }], [{ advance: '-P1D' }], [{ advance: 'P2Y' }], [{}], ['P8D']])('when the body is %j, then the answer is 400 with what to send', async (body) => {
    const response = await advance(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_duration', message: expect.stringContaining('P8D') });
  });
});
