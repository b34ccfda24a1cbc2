import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { closeLocalHostSession, developerSignIn, localHostBot, startLocalHostSession } from '../fixtures/localHostSession';
import { browserTestsSkipped, launchChromium, seriousViolations } from '../fixtures/chromium';
import { t } from '../../cards/i18n';
import { type LocalHost } from '../../local/localHost';
import { buildTab } from '../../tab/buildTab';
import nlTab from '../../tab/locales/nl.json';
import { anouk, daan, jeroen, REFERENCE, sophie } from '../fixtures/demoPeople';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { dialogCardOf, namedReportInputs, submitReview, walkToReview } from '../e2e/wizardJourney';
import type { BotHarness } from '../fakes/botHarness';
import { ManualClock } from '../fakes/manualClock';
import { ChatPageDriver, waitForText } from '../local/chatPageDriver';

const skipped = browserTestsSkipped('the tab');

/** Where the screenshots of each view go (`VM_TAB_SCREENSHOTS=docs/img` refreshes the README's). */
const SHOTS = process.env.VM_TAB_SCREENSHOTS ?? join(tmpdir(), 'vm-tab-screenshots');

const MARKER = 'TAB-5512 wat er gebeurde, in mijn eigen woorden';
const QUESTION = 'TAB-VRAAG: op welke dagen gebeurde dit?';
const ANSWER = 'TAB-ANTWOORD: op maandag en woensdag.';
const ANONYMOUS_INFORMATION = 'TAB-ANONIEM: het gebeurde gisteren weer.';
const SECRET = /[346789ABCDEFGHJKMNPQRTWXY]{4}(-[346789ABCDEFGHJKMNPQRTWXY]{4}){3}/;

/** Reports per month seeded for the insights over time, January to September 2026: busy months and quiet ones. */
const SEEDED_YEAR = [6, 1, 5, 2, 7, 0, 5, 3, 6];

/** `2026-02` as the tab writes it in Dutch ("feb 2026"). */
function dutchMonth(month: number): string {
  return new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month, 15)));
}

/** The e2e wizard's answers for an anonymous report. */
function anonymousReportInputs(description: string) {
  const inputs = namedReportInputs(description);
  return { ...inputs, identity: { identity: 'anonymous' } };
}


/** The seeded reports Jeroen closes, and Sophie's answers to the two closing questions of each (1–5). */
const CLOSED_WITH_FEEDBACK = [
  { takenSeriously: 4, wouldReportAgain: 5 },
  { takenSeriously: 5, wouldReportAgain: 4 },
  { takenSeriously: 3, wouldReportAgain: 3 },
  { takenSeriously: 4, wouldReportAgain: 4 },
  { takenSeriously: 5, wouldReportAgain: 5 },
  { takenSeriously: 2, wouldReportAgain: 4 },
];

(skipped ? describe.skip : describe)('the Teams tab in Chromium against the local host (npm start), with the developer sign-in', () => {
  let host: LocalHost;
  let context: BrowserContext;
  let chatPage: Page;
  let tab: Page;
  let chat: ChatPageDriver;
  let reference = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-tab-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'vm-chromium-'));
  const pageErrors: string[] = [];
  const policyViolations: string[] = [];


  const seedingBot = (): BotHarness => localHostBot(host);

  const signInAs = (aadObjectId: string): Promise<void> => developerSignIn(tab, aadObjectId);

  /**
   * A message a tab action sends to someone's chat: sent at once after the action; when that send is
   * slow on a loaded machine it stays in the outbox, whose timer sends it (`npm start` runs it every
   * minute; this host runs no timers of its own, so the test runs it, as the timer would).
   */
  async function waitForSentMessage(text: string): Promise<void> {
    const message = chat.messages.filter({ hasText: text }).first();
    if (await message.isVisible()) return;
    try {
      await message.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      await host.runTimer('deliverOutbox');
      await message.waitFor({ state: 'visible', timeout: 30_000 });
    }
  }

  beforeAll(async () => {
    // The same build `npm run build` (and so `npm start`) runs: dist/tab-ui, which the tabFiles function serves.
    await buildTab();
    mkdirSync(SHOTS, { recursive: true });
    // As `npm start` composes it (startLocalHostSession).
    const clock = new ManualClock('2026-11-30T09:00:00Z');
    host = await startLocalHostSession({ dataDir, clock });
    // A year of reports through the bot's own wizard, January to September 2026 (Sophie, in a unit Anouk coordinates),
    // for the insights over time; then back to 30 November, where the rest of the story plays.
    for (const [month, count] of SEEDED_YEAR.entries()) {
      const mm = String(month + 1).padStart(2, '0');
      for (let index = 0; index < count; index += 1) {
        clock.set(`2026-${mm}-${10 + index}T09:00:00Z`);
        const inputs = namedReportInputs(`TAB-JAAR-${mm}-${index}: opmerkingen over mijn afkomst.`);
        // Every second report of a month confidential (15 of the 35), the others named, so the identity chart has bars.
        const seeded = {
          ...inputs,
          what: { categories: index % 3 === 2 ? 'discrimination' : 'bullying' },
          identity: { identity: index % 2 === 1 ? 'confidential' : 'named' },
          details: { ...inputs.details, incidentDate: `2026-${mm}-01` },
        };
        expect(JSON.stringify(dialogCardOf(await submitReview(seedingBot(), sophie, await walkToReview(seedingBot(), sophie, seeded))))).toMatch(REFERENCE);
      }
    }
    clock.set('2026-11-30T09:00:00Z');
    // Jeroen (Sophie's manager) acknowledges the seeded year's named reports from the tab (the task card's action), so
    // the insights' lead times to acknowledgement rest on enough cases to be drawn.
    const asJeroen = { authorization: `Developer ${jeroen.aadObjectId}` };
    const seededTasks = ((await (await fetch(`${host.url}/api/tab/my-tasks`, { headers: asJeroen })).json()) as { tasks: { caseId: string }[] }).tasks;
    expect(seededTasks).toHaveLength(SEEDED_YEAR.reduce((sum, count) => sum + Math.ceil(count / 2), 0));
    for (const task of seededTasks) expect((await fetch(`${host.url}/api/tab/my-tasks/${task.caseId}/acknowledge`, { method: 'POST', headers: asJeroen })).status).toBe(200);
    // He closes six of them from the tab (the close form), and Sophie answers the two closing questions of each from
    // hers, so the time to closing and the feedback rest on enough cases to be drawn too.
    const closeHeaders = { ...asJeroen, 'content-type': 'application/json' };
    const asSophie = { authorization: `Developer ${sophie.aadObjectId}`, 'content-type': 'application/json' };
    for (const [index, task] of seededTasks.slice(0, CLOSED_WITH_FEEDBACK.length).entries()) {
      const close = { outcome: 'resolved', message: 'Besproken met de betrokkenen; er zijn afspraken gemaakt.' };
      expect((await fetch(`${host.url}/api/tab/my-tasks/${task.caseId}/forms/close`, { method: 'POST', headers: closeHeaders, body: JSON.stringify(close) })).status).toBe(200);
      const feedback = JSON.stringify(CLOSED_WITH_FEEDBACK[index]);
      expect((await fetch(`${host.url}/api/tab/my-reports/${task.caseId}/feedback`, { method: 'POST', headers: asSophie, body: feedback })).status).toBe(200);
    }
    context = await launchChromium(userDataDir);
    chatPage = await context.newPage();
    tab = await context.newPage();
    for (const page of [chatPage, tab]) {
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
    }
    tab.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
    // No transitions half-way when axe measures contrast (Fluent UI honours the reduced-motion preference).
    await tab.emulateMedia({ reducedMotion: 'reduce' });
    chat = new ChatPageDriver(chatPage);
    await chatPage.goto(`${host.url}/`);
  }, 240_000);

  afterAll(() => closeLocalHostSession({ context, host, folders: [dataDir, userDataDir] }));

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  });

  it('when the reporter files a report through the bot, then the chat has its receipt', async () => {
    await waitForText(chat.messages, t('nl', 'common.makeReport'));
    await chat.actAs(daan.aadObjectId);
    await chat.press(t('nl', 'common.makeReport'), chat.messages);
    const steps: [string, string][][] = [
      [['categories', 'bullying']],
      [['kind', 'report']],
      [['identity', 'named']],
      [['managerInvolved', 'no']],
      [['incidentDate', '2026-11-20'], ['location', 'Kazerne Oirschot'], ['description', MARKER]],
      [],
    ];
    for (const inputs of steps) {
      for (const [id, value] of inputs) await chat.fill(chat.dialog, id, value);
      await chat.press(t('nl', 'common.next'), chat.dialog);
    }
    await chat.press(t('nl', 'review.submit'), chat.dialog);
    await waitForText(chat.dialog, t('nl', 'receipt.title'));
    reference = REFERENCE.exec(await chat.dialog.innerText())?.[0] ?? '';
    expect(reference).not.toBe('');
    await chatPage.locator('#dialog-close').click();
  });

  it('when the tab is opened outside Teams, then only the clearly marked developer sign-in is offered, and the page is served with its policy', async () => {
    const response = await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    expect(response?.headers()['content-security-policy']).toContain('frame-ancestors');
    await waitForText(tab.locator('body'), nlTab.signIn.developerTitle);
    expect(await tab.locator('#developer-person option').allTextContents()).toEqual(expect.arrayContaining([daan.name, jeroen.name]));
    expect(await seriousViolations(tab)).toEqual([]);
  });

  it('when the reporter signs in, then My reports shows the report with its timeline and the next step, and no serious accessibility problem', async () => {
    await signInAs(daan.aadObjectId);
    await waitForText(tab.locator('#signed-in-as'), daan.name);
    const card = tab.getByRole('listitem').filter({ hasText: reference });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(t('nl', 'states.submitted.title'));
    expect(text).toContain(nlTab.steps.received);
    expect(text).toContain(nlTab.reports.next.split(':')[0]);
    expect(text).toContain(t('nl', 'clocks.acknowledge'));
    // What was reported is not in the list (the timeline and messages only), nor in the page's address.
    expect(text).not.toContain(MARKER);
    expect(tab.url()).not.toContain(reference);
    await tab.screenshot({ path: join(SHOTS, 'tab-my-reports.png'), fullPage: true });
    // Nothing is kept in the browser: no storage, no cookies.
    expect(await tab.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    expect(await seriousViolations(tab)).toEqual([]);
  });

  it('when the handler signs in, then My tasks lists the case with its deadline and time left, and acknowledging confirms it', async () => {
    await signInAs(jeroen.aadObjectId);
    await waitForText(tab.locator('#signed-in-as'), jeroen.name);
    await tab.getByRole('tab', { name: nlTab.nav.myTasks }).click();
    const card = tab.getByRole('listitem').filter({ hasText: reference }).first();
    await card.waitFor();
    expect(await card.innerText()).toMatch(/nog \d+ dag\(en\), waarvan \d+ werkdag\(en\)/);
    await tab.screenshot({ path: join(SHOTS, 'tab-my-tasks.png'), fullPage: true });
    expect(await seriousViolations(tab)).toEqual([]);

    await card.getByRole('button', { name: t('nl', 'handler.task.acknowledge'), exact: true }).click();
    await waitForText(tab.locator('[aria-live]'), nlTab.tasks.acknowledged.replace('{reference}', reference));
    await card.getByRole('button', { name: t('nl', 'handler.task.acknowledge'), exact: true }).waitFor({ state: 'detached' });
    expect(await card.innerText()).toContain(t('nl', 'states.acknowledged.title'));
  });

  it('when the reporter looks again, then the chat has the notice and My reports the confirmed receipt', async () => {
    await chat.actAs(daan.aadObjectId);
    await waitForSentMessage(t('nl', 'reporter.notice.acknowledged.title'));
    await signInAs(daan.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.myReports }).click();
    const card = tab.getByRole('listitem').filter({ hasText: reference });
    await waitForText(card, nlTab.steps.acknowledged);
    expect(await card.innerText()).toContain(t('nl', 'states.acknowledged.title'));
  }, 150_000);

  it('when the handler asks a question in the chat, then the reporter answers it in My reports (a refused text is kept), and the handler reads the answer in the case dialog', async () => {
    await chat.actAs(jeroen.aadObjectId);
    await chat.press(t('nl', 'handler.task.question'), chat.messages);
    await chat.fill(chat.dialog, 'message', QUESTION);
    await chat.press(t('nl', 'handler.action.question.submit'), chat.dialog);
    // The dialog closes with the bot's message (a toast on the chat page).
    await waitForText(chatPage.locator('#toast'), t('nl', 'handler.done.questionSent'));

    await signInAs(daan.aadObjectId);
    const card = tab.getByRole('listitem').filter({ hasText: reference });
    await waitForText(card, nlTab.reports.openQuestion);
    expect(await card.innerText()).toContain(QUESTION);
    const answer = card.getByRole('textbox', { name: nlTab.reply.answerLabel });
    // Too long: refused next to the field, in Dutch, and what was typed stays.
    const tooLong = 'x'.repeat(CASE_MESSAGE_MAX_LENGTH + 1);
    await answer.fill(tooLong);
    await card.getByRole('button', { name: nlTab.reply.sendAnswer, exact: true }).click();
    await waitForText(card, t('nl', 'validation.tooLong', { max: CASE_MESSAGE_MAX_LENGTH }));
    expect(await answer.inputValue()).toBe(tooLong);
    expect(await seriousViolations(tab)).toEqual([]);

    await answer.fill(ANSWER);
    await card.getByRole('button', { name: nlTab.reply.sendAnswer, exact: true }).click();
    await waitForText(tab.locator('[aria-live]'), nlTab.reply.sentAnswer);
    const answered = tab.getByRole('listitem').filter({ hasText: reference });
    await waitForText(answered, ANSWER);
    expect(await answered.innerText()).not.toContain(nlTab.reports.openQuestion);
    await answered.getByRole('textbox', { name: nlTab.reply.informationLabel }).waitFor();
    await tab.screenshot({ path: join(SHOTS, 'tab-my-reports-answered.png'), fullPage: true });
    expect(await tab.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);

    await chat.actAs(jeroen.aadObjectId);
    await waitForSentMessage(t('nl', 'handler.news.answered'));
    await chat.press(t('nl', 'handler.task.open'), chat.messages);
    await waitForText(chat.dialog, ANSWER);
    await chatPage.locator('#dialog-close').click();
  }, 150_000);

  it.each(['dark', 'contrast'])('when the tab is shown in the Teams %s theme, then both views have no serious accessibility problem', async (theme) => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl&theme=${theme}`);
    await signInAs(jeroen.aadObjectId);
    // The handler has no reports of his own: the empty state.
    await waitForText(tab.locator('main'), nlTab.reports.empty);
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.getByRole('tab', { name: nlTab.nav.myTasks }).click();
    await tab.getByRole('listitem').filter({ hasText: reference }).waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(SHOTS, `tab-my-tasks-${theme}.png`), fullPage: true });
  });

  it('when the views are walked with the keyboard only, then the tabs and the actions are reachable', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=en`);
    await tab.locator('#developer-person').focus();
    await tab.keyboard.press('Tab');
    await tab.keyboard.press('Enter');
    await tab.getByRole('tab', { name: 'My reports' }).waitFor();
    await tab.getByRole('tab', { name: 'My reports' }).focus();
    await tab.keyboard.press('ArrowRight');
    await tab.keyboard.press('Enter');
    expect(await tab.getByRole('tab', { name: 'My tasks' }).getAttribute('aria-selected')).toBe('true');
  });

  it('when five more reports came in through the bot last month, then they count once the month has ended', async () => {
    const bot = seedingBot();
    for (let index = 0; index < 5; index += 1) {
      const receipt = dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, namedReportInputs(`TAB-SEED-${index}: steeds weer uitgelachen in de kantine.`))));
      expect(JSON.stringify(receipt)).toMatch(REFERENCE);
    }
    // Insights count complete months only: into December, November is counted. The clock's jobs run on the way (reminders
    // and escalations of the seeded year's cases, all overdue by now: this takes a while).
    const moved = await fetch(`${host.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: 'P2D' }) });
    expect(moved.status).toBe(200);
  }, 180_000);

  it('when a coordinator signs in, then Inzicht shows the figures of her units with "<5" where the numbers are small, a table for every chart, and no serious accessibility problem', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(anouk.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.insights }).click();
    const main = tab.locator('main');
    await waitForText(main, t('nl', 'insights.totalTitle'));
    expect(await main.getByRole('table').count()).toBeGreaterThanOrEqual(4);
    expect(await main.innerText()).toContain('<5');
    // Bullying has 6 reports: a bar in the chart, and 6 in its table.
    await main.locator('svg rect').first().waitFor();
    expect(await main.getByRole('row').filter({ hasText: t('nl', 'categories.bullying.title') }).first().innerText()).toContain('6');
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(SHOTS, 'tab-insights.png'), fullPage: true });
  });

  it.each(['default', 'dark'])('when the coordinator picks this year (%s theme), then the charts over time show the seeded months, "<5" for the quiet ones, a table for each chart, and the CSV downloads', async (theme) => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl&theme=${theme}&view=insights`);
    await signInAs(anouk.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.insights }).click();
    const main = tab.locator('main');
    await main.getByRole('combobox', { name: nlTab.insights.period }).selectOption('thisYear');
    const months = main.getByRole('table', { name: nlTab.insights.chartMonths });
    await months.waitFor();
    // Counted up to November (complete months); January to September as seeded, one row a month.
    const cellOf = async (month: number) => (await months.getByRole('row').filter({ hasText: dutchMonth(month) }).first().getByRole('cell').nth(1).innerText()).trim();
    for (const [month, count] of SEEDED_YEAR.entries()) {
      const shown = await cellOf(month);
      if (count < 5) expect(shown).toBe('<5');
      // A busy month shows its count, unless it is hidden ("×") so that a quiet one cannot be worked out from the year.
      else expect([String(count), '×']).toContain(shown);
    }
    const busyShown = await Promise.all(SEEDED_YEAR.map(async (count, month) => (count >= 5 ? (await cellOf(month)) === String(count) : false)));
    expect(busyShown.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    // How people reported: of the seeded year every second report of a month confidential, the rest named, and Daan's six
    // of November named (his first report and five more); none anonymous. The named share is shown; the confidential one is
    // hidden ("×"), as reports − named − confidential would give the anonymous 0.
    const seeded = SEEDED_YEAR.reduce((sum, count) => sum + count, 0);
    const confidential = SEEDED_YEAR.reduce((sum, count) => sum + Math.floor(count / 2), 0);
    const named = seeded - confidential + 6;
    const identity = main.getByRole('table', { name: nlTab.insights.chartIdentity });
    const allUnits = identity.getByRole('row').filter({ hasText: t('nl', 'insights.totalTitle') }).first().getByRole('cell');
    const namedPct = `${Math.round((named / (seeded + 6)) * 100)}%`;
    expect(await allUnits.allInnerTexts()).toEqual([t('nl', 'insights.totalTitle'), namedPct, '×', '<5']);
    // In the chart, a bar for the named share only (the bars are read out as "mode. mode, share.").
    const bar = (mode: string, value: string) => main.locator(`[role="option"][aria-label="${mode}. ${mode}, ${value}."]`);
    expect(await bar(t('nl', 'identity.named.title'), namedPct).count()).toBe(1);
    expect(await main.locator(`[role="option"][aria-label^="${t('nl', 'identity.confidential.title')}."]`).count()).toBe(0);
    // The lead times: the days to acknowledgement (the seeded named reports, acknowledged on 30 November) in the table and
    // as bars, the same value; six were closed on 30 November, so the days to closing are shown and drawn too.
    const times = main.getByRole('table', { name: nlTab.insights.chartTimes }).getByRole('row').filter({ hasText: t('nl', 'insights.totalTitle') }).first().getByRole('cell');
    const [, medianToAcknowledge, p90ToAcknowledge, medianToClose, p90ToClose] = await times.allInnerTexts();
    expect([medianToAcknowledge, p90ToAcknowledge]).toEqual([expect.stringMatching(/^\d+(,\d)? dagen$/), expect.stringMatching(/^\d+(,\d)? dagen$/)]);
    expect([medianToClose, p90ToClose]).toEqual([expect.stringMatching(/^\d+(,\d)? dagen$/), expect.stringMatching(/^\d+(,\d)? dagen$/)]);
    const groupBar = (figure: string, value: string) => main.locator(`[role="option"][aria-label="${t('nl', 'insights.totalTitle')}. ${figure}, ${value}."]`);
    expect(await groupBar(t('nl', 'insights.medianDaysToAcknowledge'), medianToAcknowledge).count()).toBe(1);
    expect(await groupBar(t('nl', 'insights.p90DaysToAcknowledge'), p90ToAcknowledge).count()).toBe(1);
    expect(await groupBar(t('nl', 'insights.medianDaysToClose'), medianToClose).count()).toBe(1);
    // The feedback: six answered, so the averages are shown (one decimal) and drawn as bars, the same values.
    const average = (name: 'takenSeriously' | 'wouldReportAgain') => CLOSED_WITH_FEEDBACK.reduce((sum, answer) => sum + answer[name], 0) / CLOSED_WITH_FEEDBACK.length;
    const feedback = main.getByRole('table', { name: nlTab.insights.chartFeedback }).getByRole('row').filter({ hasText: t('nl', 'insights.totalTitle') }).first().getByRole('cell');
    const [, takenSeriously, wouldReportAgain] = await feedback.allInnerTexts();
    // Shown as "3,8 van 5": one decimal, in Dutch with a comma.
    expect([takenSeriously, wouldReportAgain].map((text) => Number(/^(\d+(?:,\d)?) van 5$/.exec(text)?.[1].replace(',', '.')))).toEqual([Math.round(average('takenSeriously') * 10) / 10, Math.round(average('wouldReportAgain') * 10) / 10]);
    expect(await groupBar(t('nl', 'insights.takenSeriously'), takenSeriously).count()).toBe(1);
    expect(await groupBar(t('nl', 'insights.wouldReportAgain'), wouldReportAgain).count()).toBe(1);
    expect(await main.getByText(nlTab.insights.noBars, { exact: true }).count()).toBe(0);
    await main.locator('svg rect').first().waitFor();
    // Every bar of the categories' chart keeps its label under it (none hidden as "overlapping").
    for (const category of ['bullying', 'discrimination'] as const) {
      expect(await main.locator('svg text', { hasText: t('nl', `categories.${category}.title`) }).count()).toBeGreaterThan(0);
    }
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(SHOTS, theme === 'dark' ? 'tab-insights-year-dark.png' : 'tab-insights-year.png'), fullPage: true });

    const [download] = await Promise.all([tab.waitForEvent('download'), main.getByRole('button', { name: nlTab.insights.downloadCsv, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('veilig-melden-inzicht-2026.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('"period","scope","unitId","unitName","measure","value"');
    expect(csv).toContain('"2026","total","","","cases"');
    expect(csv).toContain('"<5"');
  });

  it('when someone who coordinates nothing signs in, then there is no Inzicht view, and the insights API refuses her with 403', async () => {
    await signInAs(daan.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.myReports }).waitFor();
    expect(await tab.getByRole('tab', { name: nlTab.nav.insights }).count()).toBe(0);
    const refused = await fetch(`${host.url}/api/tab/insights?period=thisYear`, { headers: { authorization: `Developer ${daan.aadObjectId}` } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'forbidden' });
  });

  it('when an anonymous case is opened with a wrong secret, then it is refused as an unknown reference is; with the right one it shows, information can be added, and closing forgets it', async () => {
    const receipt = JSON.stringify(dialogCardOf(await submitReview(seedingBot(), sophie, await walkToReview(seedingBot(), sophie, anonymousReportInputs('TAB-ANON: steeds weer uitgelachen.')))));
    const anonymous = { reference: REFERENCE.exec(receipt)![0], secret: SECRET.exec(receipt)![0] };
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(sophie.aadObjectId);
    const section = tab.getByRole('region', { name: nlTab.anonymous.title });
    await section.waitFor();
    const tryOpen = async (typedReference: string, typedSecret: string) => {
      await section.getByRole('textbox', { name: t('nl', 'anonymousStatus.referenceLabel') }).fill(typedReference);
      await section.getByLabel(t('nl', 'anonymousStatus.secretLabel')).fill(typedSecret);
      await section.getByRole('button', { name: t('nl', 'anonymousStatus.check'), exact: true }).click();
    };
    await tryOpen(anonymous.reference, 'AAAA-BBBB-CCCC-DDDD');
    await waitForText(section, t('nl', 'validation.referenceOrSecretWrong'));
    const wrongSecret = await section.innerText();
    await tryOpen('VM-AAAA-AAAA', 'AAAA-BBBB-CCCC-DDDD');
    await waitForText(section, t('nl', 'validation.referenceOrSecretWrong'));
    expect((await section.innerText()).replace('VM-AAAA-AAAA', anonymous.reference)).toBe(wrongSecret);
    expect(await seriousViolations(tab)).toEqual([]);

    await tryOpen(anonymous.reference, anonymous.secret);
    await waitForText(section, t('nl', 'identity.anonymous.title'));
    expect(await section.innerText()).toContain(anonymous.reference);
    expect(tab.url()).not.toContain(anonymous.reference);
    expect(await tab.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    expect(await seriousViolations(tab)).toEqual([]);
    // Adding information with reference + secret (held in the view's memory only), as the status dialog does.
    await section.getByRole('textbox', { name: nlTab.reply.informationLabel }).fill(ANONYMOUS_INFORMATION);
    await section.getByRole('button', { name: nlTab.reply.sendInformation, exact: true }).click();
    await waitForText(section.locator('[aria-live]'), nlTab.reply.sentInformation);
    await waitForText(section, ANONYMOUS_INFORMATION);
    expect(await tab.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    // The section only: Sophie also has the seeded year's named reports above it.
    await section.screenshot({ path: join(SHOTS, 'tab-anonymous-case.png') });
    await section.getByRole('button', { name: nlTab.anonymous.close, exact: true }).click();
    await section.getByRole('button', { name: t('nl', 'anonymousStatus.check'), exact: true }).waitFor();
    expect(await section.innerText()).not.toContain(anonymous.reference);
  });
  it.each(['default', 'dark'])('when every view is opened in the %s theme, with what each person has, then axe finds no serious or critical problem', async (theme) => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl&theme=${theme}`);
    await waitForText(tab.locator('body'), nlTab.signIn.developerTitle);
    expect(await seriousViolations(tab)).toEqual([]);
    // My reports with a report, its timeline, messages and the form to add information; and the anonymous form.
    await signInAs(daan.aadObjectId);
    await tab.getByRole('listitem').filter({ hasText: reference }).getByRole('textbox', { name: nlTab.reply.informationLabel }).waitFor();
    await tab.getByRole('region', { name: nlTab.anonymous.title }).waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    if (theme === 'dark') await tab.screenshot({ path: join(SHOTS, 'tab-my-reports-dark.png'), fullPage: true });
    // My tasks with the acknowledged case.
    await signInAs(jeroen.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.myTasks }).click();
    await tab.getByRole('listitem').filter({ hasText: reference }).first().waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    // Inzicht with the year's charts and tables.
    await signInAs(anouk.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.insights }).click();
    await tab.locator('main').getByRole('combobox', { name: nlTab.insights.period }).selectOption('thisYear');
    await tab.locator('main').getByRole('table', { name: nlTab.insights.chartMonths }).waitFor();
    await tab.locator('main svg rect').first().waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
  });
});
