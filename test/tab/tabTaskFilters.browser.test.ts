import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { closeLocalHostSession, developerSignIn, localHostBot, startLocalHostSession } from '../fixtures/localHostSession';
import { browserTestsSkipped, launchChromium, seriousViolations } from '../fixtures/chromium';
import { t } from '../../cards/i18n';
import { chatPageServiceUrl } from '../../local/chatPage/localChatPageFor';
import { type LocalHost } from '../../local/localHost';
import { buildTab } from '../../tab/buildTab';
import enTab from '../../tab/locales/en.json';
import nlTab from '../../tab/locales/nl.json';
import { dialogCardOf, namedReportInputs, submitReview, walkToReview } from '../e2e/wizardJourney';
import type { BotHarness } from '../fakes/botHarness';
import { ManualClock } from '../fakes/manualClock';
import { daan, jeroen, REFERENCE } from '../fixtures/demoPeople';
import { botAddedToTeam, botInstalled, channelCardAction, type TeamsTeam } from '../fixtures/teamsActivities';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import type { TeamRecord } from '../../bot/app/agenda/agendaPorts';

const skipped = browserTestsSkipped('the My tasks filters');

const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };
const SETTINGS = { weekdays: '1', time: '09:00', everyWeeks: '1', leadWorkingDays: '1', language: 'nl', unitId: 'u-clas-11-inf', paused: 'false' };
const ACTION = 'TAB-ACTIE: uitleg geven over het steunnetwerk';


/*
 * My tasks' filters and My reports' withdraw and closing questions in Chromium against the local
 * host, with the developer sign-in: three of Daan's reports go to Jeroen (his manager), one is
 * acknowledged; Jeroen filters his list with the keyboard; Daan withdraws one (after the
 * confirmation) and answers the closing questions; a team meeting agrees an action for Daan, which
 * he gives a new date and marks done in My tasks.
 */
(skipped ? describe.skip : describe)('My tasks filters and meeting actions, My reports withdraw and closing questions, in Chromium (developer sign-in)', () => {
  let host: LocalHost;
  let context: BrowserContext;
  let tab: Page;
  const references: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-tabfilters-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'vm-chromium-filters-'));
  const pageErrors: string[] = [];


  const seedingBot = (): BotHarness => localHostBot(host);

  const signInAs = (aadObjectId: string, words: typeof nlTab = nlTab): Promise<void> => developerSignIn(tab, aadObjectId, words);

  const taskCards = () => tab.locator('ul[aria-label] > li');

  beforeAll(async () => {
    await buildTab();
    const clock = new ManualClock('2026-11-30T09:00:00Z');
    host = await startLocalHostSession({ dataDir, clock });
    for (const user of [daan, jeroen]) await seedingBot().send(botInstalled(user, chatPageServiceUrl(host.url)));
    for (const index of [1, 2, 3]) {
      const receipt = JSON.stringify(dialogCardOf(await submitReview(seedingBot(), daan, await walkToReview(seedingBot(), daan, { ...namedReportInputs(`TAB-FILTER-${index}: het gebeurde weer.`), what: { categories: 'bullying' } }))));
      references.push(REFERENCE.exec(receipt)![0]);
    }
    // Jeroen acknowledges the first through the tab's API (the task card's action), so the states differ.
    const tasks = (await (await fetch(`${host.url}/api/tab/my-tasks`, { headers: { authorization: `Developer ${jeroen.aadObjectId}` } })).json()) as { tasks: { caseId: string; reference: string }[] };
    expect(tasks.tasks.map((task) => task.reference).sort()).toEqual([...references].sort());
    const first = tasks.tasks.find((task) => task.reference === references[0])!;
    expect((await fetch(`${host.url}/api/tab/my-tasks/${first.caseId}/acknowledge`, { method: 'POST', headers: { authorization: `Developer ${jeroen.aadObjectId}` } })).status).toBe(200);
    // A team meeting (through the bot, in the channel) agrees an action for Daan, due 18 December.
    const serviceUrl = chatPageServiceUrl(host.url);
    await seedingBot().send(botAddedToTeam(jeroen, serviceUrl, team));
    await seedingBot().send(channelCardAction(jeroen, serviceUrl, team, 'saveTeamSettings', SETTINGS));
    clock.set('2026-12-04T08:05:00Z');
    await host.runTimer('postTeamTopics');
    const postingId = readEmbeddedDocuments<TeamRecord>(dataDir, 'teams')[0].postings.at(-1)!.id;
    await seedingBot().send(channelCardAction(jeroen, serviceUrl, team, 'topicDiscussed', { postingId, action1Text: ACTION, action1Owner: daan.aadObjectId, action1Due: '2026-12-18' }));
    context = await launchChromium(userDataDir);
    tab = await context.newPage();
    tab.setDefaultTimeout(15_000);
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.emulateMedia({ reducedMotion: 'reduce' });
  }, 180_000);

  afterAll(() => closeLocalHostSession({ context, host, folders: [dataDir, userDataDir] }));

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('when the handler filters My tasks by state with the keyboard, then only those cases show, with a count; "Alles tonen" shows all again', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(jeroen.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.myTasks }).click();
    await tab.getByText(references[0]).first().waitFor();
    expect(await taskCards().filter({ hasText: 'VM-' }).count()).toBe(3);

    const state = tab.getByLabel(nlTab.tasks.filters.state);
    await state.focus();
    // The options: all, then the states present (Ontvangen, Verstuurd), by name.
    expect(await state.locator('option').allTextContents()).toEqual([nlTab.tasks.filters.all, t('nl', 'states.acknowledged.title'), t('nl', 'states.submitted.title')]);
    await tab.keyboard.press('ArrowDown');
    expect(await state.inputValue()).toBe('acknowledged');
    await tab.getByTestId('task-count').filter({ hasText: '1 van 3' }).waitFor();
    const shown = await taskCards().filter({ hasText: 'VM-' }).allInnerTexts();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain(references[0]);

    await tab.keyboard.press('ArrowDown');
    expect(await state.inputValue()).toBe('submitted');
    await tab.getByTestId('task-count').filter({ hasText: '2 van 3' }).waitFor();
    expect((await taskCards().filter({ hasText: 'VM-' }).allInnerTexts()).join('\n')).not.toContain(references[0]);

    // The unit filter names the unit (from the directory), never its id.
    const units = await tab.getByLabel(nlTab.tasks.filters.unit).locator('option').allTextContents();
    expect(units).toHaveLength(2);
    expect(units[1]).not.toMatch(/^u-/);

    expect(await seriousViolations(tab)).toEqual([]);
    await tab.getByRole('button', { name: nlTab.tasks.filters.clear, exact: true }).press('Enter');
    await tab.getByRole('button', { name: nlTab.tasks.filters.clear, exact: true }).waitFor({ state: 'detached' });
    expect(await taskCards().filter({ hasText: 'VM-' }).count()).toBe(3);
  });

  it('when the filters are shown in English, then their labels are English, and the (empty) list of meeting actions says so', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=en`);
    await signInAs(jeroen.aadObjectId, enTab);
    await tab.getByRole('tab', { name: enTab.nav.myTasks }).click();
    await tab.getByLabel(enTab.tasks.filters.kind).waitFor();
    expect(await tab.getByLabel(enTab.tasks.filters.state).locator('option').first().textContent()).toBe(enTab.tasks.filters.all);
    await tab.getByRole('heading', { name: enTab.actions.title, exact: true }).waitFor();
    await tab.getByText(enTab.actions.empty).waitFor();
  });

  it('when the reporter withdraws a report in My reports, then it asks first, and after "yes" the report is closed and the closing questions wait; she answers them with the keyboard', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(daan.aadObjectId);
    const card = tab.locator('ul[aria-label] > li').filter({ hasText: references[2] });
    await card.waitFor();
    await card.getByRole('button', { name: t('nl', 'reporter.case.withdraw'), exact: true }).click();
    await card.getByText(t('nl', 'reporter.withdraw.title')).waitFor();
    // "No" sends nothing.
    await card.getByRole('button', { name: t('nl', 'reporter.withdraw.cancel'), exact: true }).click();
    await card.getByText(t('nl', 'reporter.withdraw.title')).waitFor({ state: 'detached' });
    await card.getByRole('button', { name: t('nl', 'reporter.case.withdraw'), exact: true }).click();
    await card.getByRole('button', { name: t('nl', 'reporter.withdraw.confirm'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'reporter.withdrawn') }).first().waitFor();
    await card.getByText(t('nl', 'feedback.title')).waitFor();
    expect(await card.innerText()).toContain(t('nl', 'states.closed.title'));
    expect(await card.innerText()).toContain(nlTab.steps.withdrawn);
    expect(await seriousViolations(tab)).toEqual([]);

    const first = card.getByRole('radiogroup', { name: t('nl', 'feedback.takenSeriously') });
    await first.getByRole('radio').first().focus();
    await tab.keyboard.press('Space');
    await tab.keyboard.press('ArrowRight');
    await tab.keyboard.press('ArrowRight');
    await tab.keyboard.press('ArrowRight');
    await card.getByRole('button', { name: t('nl', 'feedback.send'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'feedback.thanks') }).first().waitFor();
    await card.getByText(t('nl', 'feedback.title')).waitFor({ state: 'detached' });
    const reports = (await (await fetch(`${host.url}/api/tab/my-reports`, { headers: { authorization: `Developer ${daan.aadObjectId}` } })).json()) as { reports: { reference: string; askFeedback: boolean; outcome?: string }[] };
    expect(reports.reports.find((report) => report.reference === references[2])).toMatchObject({ askFeedback: false, outcome: 'withdrawn' });
    expect(await card.innerText()).toContain(nlTab.steps.feedback);
  });

  it('when the owner of an agreed action opens My tasks, then it is listed with its due date, a past date is refused next to the field and kept, and a new date and "done" work', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(daan.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.myTasks }).click();
    const card = tab.locator('li').filter({ hasText: ACTION });
    await card.waitFor();
    expect(await card.innerText()).toContain(nlTab.actions.onTime);
    expect(await card.innerText()).toContain('18 december 2026');
    const date = card.getByLabel(t('nl', 'agenda.action.newDateLabel'));
    await date.fill('2026-12-01');
    await card.getByRole('button', { name: t('nl', 'agenda.action.saveNewDate'), exact: true }).click();
    await card.getByText(t('nl', 'validation.dateInPast')).waitFor();
    expect(await date.inputValue()).toBe('2026-12-01');
    expect(await seriousViolations(tab)).toEqual([]);
    await date.fill('2026-12-21');
    await card.getByRole('button', { name: t('nl', 'agenda.action.saveNewDate'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'agenda.action.news.newDate') }).first().waitFor();
    await tab.locator('li').filter({ hasText: ACTION }).filter({ hasText: '21 december 2026' }).waitFor();
    await tab.locator('li').filter({ hasText: ACTION }).getByRole('button', { name: t('nl', 'agenda.action.done'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'agenda.action.news.done') }).first().waitFor();
    await tab.getByText(nlTab.actions.empty).waitFor();
  });
});
