import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { closeLocalHostSession, developerSignIn, localHostBot, startLocalHostSession } from '../fixtures/localHostSession';
import { browserTestsSkipped, launchChromium, seriousViolations } from '../fixtures/chromium';
import { t } from '../../cards/i18n';
import { chatPageServiceUrl } from '../../local/chatPage/localChatPageFor';
import { type LocalHost } from '../../local/localHost';
import { buildTab } from '../../tab/buildTab';
import nlTab from '../../tab/locales/nl.json';
import { dialogCardOf, namedReportInputs, submitReview, walkToReview } from '../e2e/wizardJourney';
import { ManualClock } from '../fakes/manualClock';
import { anouk, daan, fatima, jeroen, REFERENCE } from '../fixtures/demoPeople';
import { botInstalled, personalConversationId } from '../fixtures/teamsActivities';

const skipped = browserTestsSkipped('the My tasks case panel and handler forms');

/** Where the screenshots go (`VM_TAB_SCREENSHOTS=docs/img` refreshes the README's). */
const SHOTS = process.env.VM_TAB_SCREENSHOTS ?? join(tmpdir(), 'vm-tab-screenshots');

const MARKER = 'TAB-ZAAK-7731: hij maakte weer grappen over mijn afkomst';
const QUESTION = 'TAB-HANDLERVRAAG: wie waren er nog meer bij?';
const CLOSING = 'TAB-AFSLUITING: we hebben met de betrokkene gesproken.';
const SECOND = 'TAB-ZAAK-7732: opnieuw opmerkingen in de kantine';
const UPDATE = 'TAB-UPDATE: ik spreek volgende week met de betrokkene.';
const COMPLAINT = 'TAB-KLACHT-7733: mijn verlof werd zonder reden ingetrokken';
const CONFIDENTIAL = 'TAB-VERTROUWELIJK-7734: ik durf mijn naam niet te noemen';
const IDENTITY_REASON = 'TAB-WAAROM: ik moet de melder kunnen horen als getuige.';
const EXTENSION_REASON = 'TAB-VERLENGING: ik wacht op de verklaring van een getuige.';

/*
 * The task card's other actions in My tasks, in Chromium against the local host with the developer
 * sign-in: Daan reports through the bot's wizard; Jeroen (his manager) opens the case in a dialog
 * (keyboard: focus in, Escape out, back on the button), asks a question (an empty one is refused
 * next to the field and nothing is sent; the chat notice has none of its text), and closes the case
 * in the dark theme, after which it leaves his list and Daan's chat gets the closing notice. A case
 * passed on meanwhile keeps what was typed; the complaints coordinator postpones a klacht; the
 * Meldpunt asks a confidential reporter who they are and passes the case on.
 */
(skipped ? describe.skip : describe)('My tasks: open the case and the handler forms, in Chromium (developer sign-in)', () => {
  let host: LocalHost;
  let context: BrowserContext;
  let tab: Page;
  let reference = '';
  let secondReference = '';
  let complaintReference = '';
  let confidentialReference = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-tabcase-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'vm-chromium-case-'));
  const pageErrors: string[] = [];
  const consoleLines: string[] = [];

  const signInAs = (aadObjectId: string): Promise<void> => developerSignIn(tab, aadObjectId);

  /** Everything the bot sent to Daan's chat so far (the local host's chat log), as text. */
  async function daansChat(): Promise<string> {
    const response = await fetch(`${host.url}/chat/api/messages?conversation=${encodeURIComponent(personalConversationId(daan))}`);
    return JSON.stringify(((await response.json()) as { messages: unknown[] }).messages);
  }

  /** Waits for a message in Daan's chat; a send that was slow stays in the outbox, whose timer (run here, as `npm start` would) sends it. */
  async function waitForDaansChat(text: string): Promise<string> {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const chat = await daansChat();
      if (chat.includes(text)) return chat;
      if (attempt === 20) await host.runTimer('deliverOutbox');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`Daan's chat never got: ${text}`);
  }

  async function openMyTasks(of = reference): Promise<Locator> {
    await tab.getByRole('tab', { name: nlTab.nav.myTasks }).click();
    const card = tab.getByRole('listitem').filter({ hasText: of }).first();
    await card.waitFor();
    return card;
  }

  beforeAll(async () => {
    await buildTab();
    mkdirSync(SHOTS, { recursive: true });
    const clock = new ManualClock('2026-11-30T09:00:00Z');
    host = await startLocalHostSession({ dataDir, clock });
    const bot = localHostBot(host);
    for (const user of [daan, jeroen]) await bot.send(botInstalled(user, chatPageServiceUrl(host.url)));
    const receipt = JSON.stringify(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, namedReportInputs(MARKER)))));
    reference = REFERENCE.exec(receipt)![0];
    const second = JSON.stringify(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, namedReportInputs(SECOND)))));
    secondReference = REFERENCE.exec(second)![0];
    // A klacht goes to the complaints coordinator of Daan's unit (Anouk): only a klacht can be postponed.
    const complaint = JSON.stringify(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, { ...namedReportInputs(COMPLAINT), want: { kind: 'complaint', preferMeldpunt: 'false' } }))));
    complaintReference = REFERENCE.exec(complaint)![0];
    // A confidential report goes to the Meldpunt (Fatima), who may ask who reported.
    const confidential = JSON.stringify(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, { ...namedReportInputs(CONFIDENTIAL), identity: { identity: 'confidential' } }))));
    confidentialReference = REFERENCE.exec(confidential)![0];
    context = await launchChromium(userDataDir);
    tab = await context.newPage();
    tab.setDefaultTimeout(15_000);
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    tab.on('console', (message) => consoleLines.push(message.text()));
    await tab.emulateMedia({ reducedMotion: 'reduce' });
  }, 180_000);

  afterAll(() => closeLocalHostSession({ context, host, folders: [dataDir, userDataDir] }));

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    // Nothing of the report in the console, the address or the browser's storage.
    expect(consoleLines.join('\n')).not.toContain('TAB-');
    expect(tab.url()).not.toContain(reference);
  });

  it('when the handler opens the case from My tasks, then a dialog shows what was reported; Escape closes it, focus returns to the button and nothing is kept', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(jeroen.aadObjectId);
    const card = await openMyTasks();
    // Nothing of the content is in the list before the handler asks for it.
    expect(await tab.locator('body').innerText()).not.toContain(MARKER);
    const open = card.getByRole('button', { name: nlTab.taskCase.open, exact: true });
    await open.click();
    const dialog = tab.getByRole('dialog', { name: t('nl', 'handler.details.title', { reference }) });
    await dialog.getByText(MARKER).waitFor();
    const text = await dialog.innerText();
    expect(text).toContain(t('nl', 'handler.details.confidential'));
    expect(text).toContain(daan.name);
    expect(text).toContain(t('nl', 'history.content_opened'));
    expect(await dialog.evaluate((element) => element.contains(element.ownerDocument.activeElement))).toBe(true);
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(SHOTS, 'tab-my-tasks-case.png') });

    await tab.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await open.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    expect(await tab.locator('body').innerText()).not.toContain(MARKER);
    expect(await tab.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
  });

  it('when the handler sends an empty question, then the field says so and nothing is sent; the typed question is sent, and the reporter is told without its text', async () => {
    const card = await openMyTasks();
    const chatBefore = await daansChat();
    await card.getByRole('button', { name: t('nl', 'handler.task.question'), exact: true }).click();
    const dialog = tab.getByRole('dialog', { name: t('nl', 'handler.action.question.title') });
    const message = dialog.getByRole('textbox', { name: t('nl', 'handler.action.question.messageLabel') });
    await message.waitFor();
    expect(await dialog.innerText()).toContain(t('nl', 'handler.action.maxLength', { max: '4.000' }));
    await dialog.getByRole('button', { name: t('nl', 'handler.action.question.submit'), exact: true }).click();
    await dialog.getByText(t('nl', 'validation.messageRequired')).waitFor();
    expect(await message.getAttribute('aria-invalid')).toBe('true');
    // The focus goes to the refused field, so the keyboard user lands where the problem is.
    // (CSS `:focus` in the locator: waitForFunction's polling evaluates a string, which the tab's CSP refuses.)
    await dialog.locator('textarea:focus').waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    expect(await daansChat()).toBe(chatBefore);

    await message.fill(QUESTION);
    await dialog.getByRole('button', { name: t('nl', 'handler.action.question.submit'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'handler.done.questionSent') }).first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The list reloads; the keyboard focus goes to this case's heading, not to the start of the page.
    await tab.locator('h2:focus', { hasText: reference }).waitFor();
    const chat = await waitForDaansChat(t('nl', 'reporter.notice.question.title'));
    expect(chat).not.toContain(QUESTION);
    // The question is the case's: the handler sees it when he opens the case again.
    await (await openMyTasks()).getByRole('button', { name: nlTab.taskCase.open, exact: true }).click();
    const details = tab.getByRole('dialog', { name: t('nl', 'handler.details.title', { reference }) });
    await details.getByText(QUESTION).waitFor();
    await tab.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
  });

  it('when the reporter opens My reports, then the question waits for her answer there', async () => {
    await signInAs(daan.aadObjectId);
    await tab.getByRole('tab', { name: nlTab.nav.myReports }).click();
    const card = tab.getByRole('listitem').filter({ hasText: reference }).first();
    await card.getByText(nlTab.reports.openQuestion).waitFor();
    expect(await card.innerText()).toContain(QUESTION);
  });

  it('when the case is passed on while the handler writes an update, then sending says what to do and what he typed stays', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(jeroen.aadObjectId);
    const card = await openMyTasks(secondReference);
    const button = card.getByRole('button', { name: t('nl', 'handler.task.update'), exact: true });
    await button.click();
    const dialog = tab.getByRole('dialog', { name: t('nl', 'handler.action.update.title') });
    const message = dialog.getByRole('textbox', { name: t('nl', 'handler.action.update.messageLabel') });
    await message.fill(UPDATE);
    // Meanwhile (another window, the same API) the case is passed on to the Meldpunt.
    const developer = { authorization: `Developer ${jeroen.aadObjectId}`, 'content-type': 'application/json' };
    const { tasks } = (await (await fetch(`${host.url}/api/tab/my-tasks`, { headers: developer })).json()) as { tasks: { caseId: string; reference: string }[] };
    const caseId = tasks.find((task) => task.reference === secondReference)!.caseId;
    const passedOn = await fetch(`${host.url}/api/tab/my-tasks/${caseId}/forms/reassign`, { method: 'POST', headers: developer, body: JSON.stringify({ targetRole: 'meldpunt', message: 'Hoort bij het Meldpunt.' }) });
    expect(await passedOn.json()).toMatchObject({ done: 'reassigned', task: null });

    await dialog.getByRole('button', { name: t('nl', 'handler.action.update.submit'), exact: true }).click();
    await dialog.getByText(nlTab.taskForm.notYours).waitFor();
    expect(await message.inputValue()).toBe(UPDATE);
    await tab.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await button.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    expect(await daansChat()).not.toContain(UPDATE);
  });

  it('when the handler closes the case in the dark theme, then the panel and the form pass axe, the task leaves the list and the reporter gets the closing notice', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl&theme=dark`);
    await signInAs(jeroen.aadObjectId);
    let card = await openMyTasks();
    await card.getByRole('button', { name: nlTab.taskCase.open, exact: true }).click();
    const details = tab.getByRole('dialog', { name: t('nl', 'handler.details.title', { reference }) });
    await details.getByText(MARKER).waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(SHOTS, 'tab-my-tasks-case-dark.png') });
    await details.getByRole('button', { name: t('nl', 'common.close'), exact: true }).click();
    await details.waitFor({ state: 'detached' });

    card = await openMyTasks();
    await card.getByRole('button', { name: t('nl', 'handler.task.close'), exact: true }).click();
    const dialog = tab.getByRole('dialog', { name: t('nl', 'handler.action.close.title') });
    const message = dialog.getByRole('textbox', { name: t('nl', 'handler.action.close.messageLabel') });
    await message.waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: join(SHOTS, 'tab-my-tasks-close-dark.png') });
    // No outcome chosen: refused next to the choice, the closing message kept.
    await message.fill(CLOSING);
    await dialog.getByRole('button', { name: t('nl', 'handler.action.close.submit'), exact: true }).click();
    await dialog.getByText(t('nl', 'validation.pickOutcome')).waitFor();
    expect(await message.inputValue()).toBe(CLOSING);
    await dialog.getByRole('radio', { name: new RegExp(t('nl', 'outcomes.resolved')) }).check();
    await dialog.getByRole('button', { name: t('nl', 'handler.action.close.submit'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'handler.done.closed') }).first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    await tab.getByText(nlTab.tasks.empty).waitFor();
    expect(await tab.getByRole('listitem').filter({ hasText: reference }).count()).toBe(0);
    // The case left the list: the focus goes to the view's introduction.
    await tab.locator('#my-tasks-intro:focus').waitFor();
    const chat = await waitForDaansChat(t('nl', 'reporter.notice.closed.title'));
    expect(chat).not.toContain(CLOSING);
  });

  it('when the complaints coordinator postpones the decision on a klacht, then the form shows the current decision date, a missing number of days is refused next to the field and more than 4 weeks with the Awb rule (what was typed kept), and the postponement is confirmed', async () => {
    // In Teams' high-contrast theme (light and dark are the other scenarios').
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl&theme=contrast`);
    await signInAs(anouk.aadObjectId);
    const card = await openMyTasks(complaintReference);
    // Jeroen's cases are not hers: only the klacht is in her list, with the postpone form.
    expect(await tab.getByRole('listitem').filter({ hasText: reference }).count()).toBe(0);
    await card.getByRole('button', { name: t('nl', 'handler.task.extend'), exact: true }).click();
    const dialog = tab.getByRole('dialog', { name: t('nl', 'handler.action.extend.title') });
    await dialog.getByText(t('nl', 'handler.action.extend.currentDueLabel')).waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    // The decision is due six weeks after the report came in (30 November): 11 January 2027.
    expect(await dialog.innerText()).toContain('11 januari 2027');
    const days = dialog.getByRole('spinbutton', { name: t('nl', 'handler.action.extend.daysLabel') });
    const reason = dialog.getByRole('textbox', { name: t('nl', 'handler.action.extend.messageLabel') });
    // No number of days: refused next to the field, the reason kept.
    await reason.fill(EXTENSION_REASON);
    await dialog.getByRole('button', { name: t('nl', 'handler.action.extend.submit'), exact: true }).click();
    await dialog.getByText(t('nl', 'validation.daysOutOfRange')).waitFor();
    expect(await reason.inputValue()).toBe(EXTENSION_REASON);
    expect(await seriousViolations(tab)).toEqual([]);
    // More than 4 weeks: the Awb's rule, as the case dialog says it, and what was typed stays.
    await days.fill('40');
    await dialog.getByRole('button', { name: t('nl', 'handler.action.extend.submit'), exact: true }).click();
    await dialog.getByText(t('nl', 'errors.extensionRefused')).waitFor();
    expect([await days.inputValue(), await reason.inputValue()]).toEqual(['40', EXTENSION_REASON]);

    await days.fill('14');
    await dialog.getByRole('button', { name: t('nl', 'handler.action.extend.submit'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'handler.done.extended') }).first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    const chat = await waitForDaansChat(t('nl', 'reporter.notice.extended.title'));
    expect(chat).not.toContain(EXTENSION_REASON);
    // The new date (25 January 2027) is the one the form shows now.
    await (await openMyTasks(complaintReference)).getByRole('button', { name: t('nl', 'handler.task.extend'), exact: true }).click();
    await tab.getByRole('dialog', { name: t('nl', 'handler.action.extend.title') }).getByText('25 januari 2027').waitFor();
    await tab.keyboard.press('Escape');
  });

  it('when the Meldpunt handles a confidential report, then the case does not name the reporter, and asking who reported and passing the case on work from the tab', async () => {
    await tab.goto(`${host.url}/api/tab/ui/index.html?lang=nl`);
    await signInAs(fatima.aadObjectId);
    let card = await openMyTasks(confidentialReference);
    await card.getByRole('button', { name: nlTab.taskCase.open, exact: true }).click();
    const details = tab.getByRole('dialog', { name: t('nl', 'handler.details.title', { reference: confidentialReference }) });
    await details.getByText(CONFIDENTIAL).waitFor();
    const text = await details.innerText();
    expect(text).toContain(t('nl', 'handler.details.reporterConfidential'));
    expect(text).toContain(t('nl', 'handler.details.identityAvailable'));
    expect(text).not.toContain(daan.name);
    await tab.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });

    await card.getByRole('button', { name: t('nl', 'handler.details.requestIdentity'), exact: true }).click();
    const ask = tab.getByRole('dialog', { name: t('nl', 'handler.action.identity.title') });
    await ask.getByRole('textbox', { name: t('nl', 'handler.action.identity.messageLabel') }).fill(IDENTITY_REASON);
    await ask.getByRole('button', { name: t('nl', 'handler.action.identity.submit'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'handler.done.identityRequested') }).first().waitFor();
    expect(await waitForDaansChat(t('nl', 'reporter.notice.identityRequested.title'))).not.toContain(IDENTITY_REASON);
    // Asked once: the task no longer offers it.
    card = await openMyTasks(confidentialReference);
    await card.getByRole('button', { name: t('nl', 'handler.task.reassign'), exact: true }).waitFor();
    expect(await card.getByRole('button', { name: t('nl', 'handler.details.requestIdentity'), exact: true }).count()).toBe(0);

    await card.getByRole('button', { name: t('nl', 'handler.task.reassign'), exact: true }).click();
    const passOn = tab.getByRole('dialog', { name: t('nl', 'handler.action.reassign.title') });
    const why = passOn.getByRole('textbox', { name: t('nl', 'handler.action.reassign.messageLabel') });
    await why.fill('Hoort bij de vertrouwenspersoon.');
    await passOn.getByRole('button', { name: t('nl', 'handler.action.reassign.submit'), exact: true }).click();
    await passOn.getByText(t('nl', 'validation.pickRole')).waitFor();
    expect(await seriousViolations(tab)).toEqual([]);
    await passOn.getByRole('radio', { name: t('nl', 'roles.vertrouwenspersoon'), exact: true }).check();
    await passOn.getByRole('button', { name: t('nl', 'handler.action.reassign.submit'), exact: true }).click();
    await tab.locator('[aria-live]').filter({ hasText: t('nl', 'handler.done.reassigned') }).first().waitFor();
    // It leaves her list; the case Jeroen passed on to the Meldpunt earlier is still there.
    await openMyTasks(secondReference);
    expect(await tab.getByRole('listitem').filter({ hasText: confidentialReference }).count()).toBe(0);
  });
});
