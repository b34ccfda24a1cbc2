/**
 * The tab's insights API in local mode (developer sign-in): the figures per month and the CSV
 * download, for a coordinator only. Reports are filed through the bot's wizard.
 */
import { PROTECTED, SUPPRESSED } from '../../bot/domain/insights/caseInsights';
import { submitReview, walkToReview, namedReportInputs } from '../e2e/wizardJourney';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { anouk, daan } from '../fixtures/demoPeople';
import { botInstalled } from '../fixtures/teamsActivities';

describe('the tab\'s insights API: months and the CSV, coordinators only', () => {
  let bot: BotHarness;

  const get = (path: string, who = anouk) => fetch(`${bot.host.url}${path}`, { headers: { authorization: `Developer ${who.aadObjectId}` } });

  beforeAll(async () => {
    bot = await startBotHarness();
    await bot.send(botInstalled(daan, bot.connector.serviceUrl));
    // Six reports in November 2026, two in October; then into December, so both months are counted.
    bot.clock.set(new Date('2026-10-12T09:00:00Z'));
    for (let index = 0; index < 2; index += 1) {
      const inputs = namedReportInputs(`TAB-INZ-OKT-${index}: steeds weer uitgelachen.`);
      await submitReview(bot, daan, await walkToReview(bot, daan, { ...inputs, details: { ...inputs.details, incidentDate: '2026-10-01' } }));
    }
    bot.clock.set(new Date('2026-11-12T09:00:00Z'));
    for (let index = 0; index < 6; index += 1) {
      const inputs = namedReportInputs(`TAB-INZ-NOV-${index}: steeds weer uitgelachen.`);
      await submitReview(bot, daan, await walkToReview(bot, daan, { ...inputs, details: { ...inputs.details, incidentDate: '2026-11-01' } }));
    }
    bot.clock.set(new Date('2026-12-02T09:00:00Z'));
  }, 120_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when the coordinator asks this quarter, then each counted month is there: "<5" for October, and November (6) hidden with it, as 8 − 6 would give October', async () => {
    const response = await get('/api/tab/insights?period=thisQuarter');
    expect(response.status).toBe(200);
    const { insights } = (await response.json()) as { insights: { total: { cases: unknown; identityShares: unknown }; months: { month: string; cases: unknown }[] } };
    expect(insights.total.cases).toBe(8);
    // All 8 named: 100% would say that none reported confidentially or anonymously, a count below 5.
    expect(insights.total.identityShares).toEqual([
      { mode: 'named', pct: SUPPRESSED },
      { mode: 'confidential', pct: SUPPRESSED },
      { mode: 'anonymous', pct: SUPPRESSED },
    ]);
    expect(insights.months.map((month) => month.month)).toEqual(['2026-10', '2026-11']);
    expect(insights.months[0].cases).toBe(SUPPRESSED);
    // November's 6 would give October's 2 (8 − 6): it is hidden with it.
    expect(insights.months[1].cases).toBe(PROTECTED);
  });

  it('when the coordinator downloads the CSV, then it is the dialog\'s CSV as a file, never cached', async () => {
    const response = await get('/api/tab/insights/csv?period=thisQuarter');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="veilig-melden-inzicht-2026-Q4.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csv = await response.text();
    expect(csv.split('\n')[0]).toBe('"period","scope","unitId","unitName","measure","value"');
    expect(csv).toContain('"2026-Q4","total","","","cases","8"');
    // Per month for the annual report, protected as in the view: October "<5", November hidden with it.
    expect(csv).toContain('"2026-Q4","month.2026-10","","","cases","<5"');
    expect(csv).toContain('"2026-Q4","month.2026-11","","","cases","×"');
    expect(csv).toContain('"2026-Q4","month.2026-11","","","category.bullying","×"');
    expect(csv).toContain('"2026-Q4","total","","","identityPct.named","<5"');
    expect(csv).not.toContain('TAB-INZ');
  });

  it.each([
    ['someone who coordinates nothing', '/api/tab/insights/csv?period=thisYear', daan, 403, { error: 'forbidden' }],
    ['a period that does not exist', '/api/tab/insights/csv?period=always', anouk, 400, { error: 'validation', fields: { period: 'invalidValue' } }],
  ])('when %s asks for the CSV, then it is refused with a code, as JSON', async (_label, path, who, status, body) => {
    const response = await get(path, who);
    expect({ status: response.status, body: await response.json() }).toEqual({ status, body });
  });
});
