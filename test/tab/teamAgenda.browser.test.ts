import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { closeLocalHostSession, startLocalHostSession } from '../fixtures/localHostSession';
import { browserTestsSkipped, launchChromium, seriousViolations } from '../fixtures/chromium';
import type { TeamRecord } from '../../bot/app/agenda/agendaPorts';
import { chatPageServiceUrl } from '../../local/chatPage/localChatPageFor';
import { type LocalHost } from '../../local/localHost';
import { buildTab } from '../../tab/buildTab';
import enTab from '../../tab/locales/en.json';
import nlTab from '../../tab/locales/nl.json';
import { ManualClock } from '../fakes/manualClock';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { esther, jeroen, sophie } from '../fixtures/demoPeople';
import { botAddedToTeam, botInstalled, channelCardAction, type TeamsTeam } from '../fixtures/teamsActivities';
import { waitForText } from '../local/chatPageDriver';

const skipped = browserTestsSkipped('the team agenda');

/** Where the screenshots go (`VM_TAB_SCREENSHOTS=docs/img` refreshes the README's). */
const SHOTS = process.env.VM_TAB_SCREENSHOTS ?? join(tmpdir(), 'vm-tab-screenshots');

const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };
const SETTINGS = { weekdays: '1', time: '09:00', everyWeeks: '1', leadWorkingDays: '1', language: 'nl', unitId: 'u-clas-11-inf', paused: 'false' };
const ACTION = 'TAB-AGENDA-ACTIE uitleg over het steunnetwerk geven';


(skipped ? describe.skip : describe)('the team agenda of the Teams tab in Chromium against the local host, with the developer sign-in', () => {
  let host: LocalHost;
  let context: BrowserContext;
  let tab: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-tab-agenda-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'vm-chromium-agenda-'));
  const pageErrors: string[] = [];
  const policyViolations: string[] = [];
  const clock = new ManualClock('2026-11-30T09:00:00Z');


  /** An activity through the same /api/messages the chat page uses. */
  async function send(activity: unknown): Promise<void> {
    const response = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBeLessThan(300);
  }

  async function openAs(aadObjectId: string, query: string): Promise<void> {
    await tab.goto(`${host.url}/api/tab/ui/index.html?${query}`);
    await tab.locator('#developer-person').selectOption(aadObjectId);
    await tab.getByRole('button', { name: (query.includes('lang=en') ? enTab : nlTab).signIn.button, exact: true }).click();
  }

  beforeAll(async () => {
    await buildTab();
    mkdirSync(SHOTS, { recursive: true });
    // As `npm start` composes it (startLocalHostSession).
    host = await startLocalHostSession({ dataDir, clock });
    const serviceUrl = chatPageServiceUrl(host.url);
    // The team, as in its channel: installed and set up by Jeroen, a topic discussed with an action for Esther, due 9 December.
    for (const user of [jeroen, sophie, esther]) await send(botInstalled(user, serviceUrl));
    await send(botAddedToTeam(jeroen, serviceUrl, team));
    await send(channelCardAction(jeroen, serviceUrl, team, 'saveTeamSettings', SETTINGS));
    clock.set('2026-12-04T08:05:00Z');
    await host.runTimer('postTeamTopics');
    const postingId = readEmbeddedDocuments<TeamRecord>(dataDir, 'teams')[0].postings.at(-1)!.id;
    await send(channelCardAction(sophie, serviceUrl, team, 'topicDiscussed', { postingId, action1Text: ACTION, action1Owner: esther.aadObjectId, action1Due: '2026-12-09' }));
    expect(readEmbeddedDocuments<TeamRecord>(dataDir, 'teams')[0].postings.at(-1)?.status).toBe('discussed');
    // Past the due date: the action is late.
    clock.set('2026-12-10T09:00:00Z');
    context = await launchChromium(userDataDir);
    tab = await context.newPage();
    tab.setDefaultTimeout(15_000);
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    tab.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
    await tab.emulateMedia({ reducedMotion: 'reduce' });
  }, 240_000);

  afterAll(() => closeLocalHostSession({ context, host, folders: [dataDir, userDataDir] }));

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  });

  it.each(['default', 'dark'])('when the owner opens the team agenda (%s theme), then his team shows its rhythm, its topic and the late action, without serious accessibility problems', async (theme) => {
    await openAs(jeroen.aadObjectId, `lang=nl&theme=${theme}`);
    await tab.getByRole('tab', { name: nlTab.nav.teamAgenda }).click();
    await waitForText(tab.locator('#panel'), team.name);
    const panel = await tab.locator('#panel').innerText();
    expect(panel).toContain(ACTION);
    expect(panel).toContain(esther.name);
    expect(panel).toContain(nlTab.agenda.late);
    expect(panel).toContain(nlTab.agenda.status.discussed);
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(SHOTS, theme === 'dark' ? 'tab-team-agenda-dark.png' : 'tab-team-agenda.png'), fullPage: true });
  });

  it('when the view is reached with the keyboard, then the arrow keys move to it and it opens', async () => {
    await openAs(jeroen.aadObjectId, 'lang=en');
    await tab.getByRole('tab', { name: enTab.nav.myTasks }).waitFor();
    await tab.getByRole('tab', { name: enTab.nav.myTasks }).focus();
    await tab.keyboard.press('ArrowRight');
    await tab.keyboard.press('Enter');
    expect(await tab.getByRole('tab', { name: enTab.nav.teamAgenda }).getAttribute('aria-selected')).toBe('true');
    await waitForText(tab.locator('#panel'), enTab.agenda.actionsTitle);
  });

  it('when a team member opens the tab, then there is no team agenda', async () => {
    await openAs(sophie.aadObjectId, 'lang=nl');
    await tab.getByRole('tab', { name: nlTab.nav.myReports }).waitFor();
    expect(await tab.getByRole('tab', { name: nlTab.nav.teamAgenda }).count()).toBe(0);
  });
});
