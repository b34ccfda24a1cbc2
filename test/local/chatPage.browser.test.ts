import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { closeLocalHostSession } from '../fixtures/localHostSession';
import { browserTestsSkipped, launchChromium } from '../fixtures/chromium';
import { resetApplication } from '../../bot/composition';
import { t } from '../../cards/i18n';
import { chatPageServiceUrl, localChatPageFor } from '../../local/chatPage/localChatPageFor';
import { startLocalHost, type LocalHost } from '../../local/localHost';
import { daan, jeroen, REFERENCE, sophie } from '../fixtures/demoPeople';
import { ManualClock } from '../fakes/manualClock';
import { ChatPageDriver, waitForText } from './chatPageDriver';
import { TIMER_SCHEDULES, setTimerSchedules } from '../../local/timerSchedules';

const skipped = browserTestsSkipped('the chat page');

const team = { id: '19:demo-11inf-acie@thread.tacv2' };

(skipped ? describe.skip : describe)('the local chat page, in Chromium against the local host (npm start)', () => {
  let host: LocalHost;
  let context: BrowserContext;
  let page: Page;
  let chat: ChatPageDriver;
  const dataDir = mkdtempSync(join(tmpdir(), 'vm-chatpage-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'vm-chromium-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The local host resolves the timers' %SETTING% schedules from the environment, as local.settings.json provides them.
    setTimerSchedules();
    // As `npm start` composes it (local/startLocalHost.ts): the functions, plus the page and its connector endpoint.
    // As npm start does: the local host's opt-in comes first, so the functions register the dev clock route.
    await resetApplication({ localHostOptIn: true, env: { DATA_DIR: dataDir } });
    host = await startLocalHost({ port: 0, startTimers: false, handleOtherRequest: localChatPageFor({}) });
    await resetApplication({
      localHostOptIn: true,
      env: { DATA_DIR: dataDir, BOT_SERVICE_URL: chatPageServiceUrl(host.url), LOG_LEVEL: 'error', ...TIMER_SCHEDULES },
      // Monday 30 November 2026, 10:00 in Amsterdam; it moves only through the page's clock buttons.
      clock: new ManualClock('2026-11-30T09:00:00Z'),
      sleep: async () => undefined,
    });
    context = await launchChromium(userDataDir);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    chat = new ChatPageDriver(page);
    await page.goto(`${host.url}/`);
  }, 60_000);

  afterAll(() => closeLocalHostSession({ context, host, folders: [dataDir, userDataDir] }));

  afterEach(() => expect(pageErrors).toEqual([]));

  it('when the reporter walks the wizard in the page, then the dialog shows the receipt with the reference, and the chat the receipt card', async () => {
    // The page opens as the demo reporter (Daan), whose chat begins with the bot's welcome.
    await waitForText(chat.messages, t('nl', 'common.makeReport'));
    expect(await page.inputValue('#person')).toBe(daan.aadObjectId);
    await chat.press(t('nl', 'common.makeReport'), chat.messages);

    // The wizard's steps, each with the inputs a person changes (the rest keep their defaults), then Next.
    const steps: [string, string][][] = [
      [['categories', 'bullying']],
      [['kind', 'report']],
      [['identity', 'named']],
      [['managerInvolved', 'no']],
      [['incidentDate', '2026-11-20'], ['location', 'Kazerne Oirschot'], ['description', 'BROWSER-7781 wat er gebeurde, in mijn eigen woorden']],
      [],
    ];
    for (const inputs of steps) {
      for (const [id, value] of inputs) await chat.fill(chat.dialog, id, value);
      await chat.press(t('nl', 'common.next'), chat.dialog);
    }
    await chat.press(t('nl', 'review.submit'), chat.dialog);

    await waitForText(chat.dialog, t('nl', 'receipt.title'));
    const reference = REFERENCE.exec(await chat.dialog.innerText())?.[0];
    expect(reference).toBeDefined();
    await page.locator('#dialog-close').click();
    await waitForText(chat.messages, reference!);
  });

  it('when the page switches to the line manager, then the task card is in their own chat, and acknowledging updates it', async () => {
    await chat.actAs(jeroen.aadObjectId);
    const card = chat.messages.locator('.card', { hasText: t('nl', 'handler.task.title') });
    await card.first().waitFor();
    // The reporter's chat is not shown to anyone else, and what was reported is never in a chat.
    expect(await chat.messages.innerText()).not.toContain('Daan');
    expect(await chat.messages.innerText()).not.toContain('BROWSER-7781');

    await chat.press(t('nl', 'handler.task.acknowledge'), card);

    // The card is replaced (Action.Execute answers with the card in its new state): no more button to acknowledge.
    await chat.messages.getByRole('button', { name: t('nl', 'handler.task.acknowledge'), exact: true }).first().waitFor({ state: 'detached' });
    await waitForText(chat.messages.locator('.card', { hasText: t('nl', 'handler.task.title') }), t('nl', 'states.acknowledged.title'));
  });

  it('when the page switches back to the reporter, then the notice that the handler received the report is in the chat', async () => {
    await chat.actAs(daan.aadObjectId);
    await waitForText(chat.messages, t('nl', 'reporter.notice.acknowledged.title'));
    expect(await chat.messages.innerText()).not.toContain('BROWSER-7781');
  });

  it('when the team owner sets the meeting in the channel and a week is advanced, then the topic card is in the channel', async () => {
    await chat.actAs(jeroen.aadObjectId);
    await chat.openPlace(team.id);
    const settings = chat.messages.locator('.card', { hasText: t('nl', 'agenda.settings.title') }).last();
    await settings.first().waitFor();
    await chat.fill(settings, 'weekdays', '1');
    await chat.fill(settings, 'time', '09:00');
    await chat.press(t('nl', 'agenda.settings.save'), settings);
    await waitForText(chat.messages, '4 december');

    await page.getByRole('button', { name: '+1 week' }).click();

    await waitForText(page.locator('#clock-now'), '7 dec');
    await chat.messages.locator('.card', { hasText: t('nl', 'agenda.topic.questionsTitle') }).first().waitFor();
    // "Besproken" opens the form (Action.ShowCard); its action owner is a people picker, which Teams answers from the
    // tenant and the page from the directory file (Fatima is not in the team).
    await chat.press(t('nl', 'agenda.topic.discussed'), chat.messages);
    const picker = chat.messages.locator('[data-input-id="action1Owner"]').last();
    await picker.waitFor();
    const owners = await picker.locator('option').allTextContents();
    expect(owners).toEqual(expect.arrayContaining(['Daan Willems', 'Fatima El Amrani']));
  });

  it('when English is chosen, then the page speaks English and the bot answers in English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await chat.actAs(sophie.aadObjectId);

    expect(await page.getAttribute('#compose-text', 'placeholder')).toBe('Type a message');
    await waitForText(page.locator('[data-place="personal"]'), 'Chat with Veilig Melden');
    await waitForText(chat.messages, t('en', 'welcome.intro'));
    await chat.messages.getByRole('button', { name: t('en', 'common.makeReport'), exact: true }).first().waitFor();
  });
});
