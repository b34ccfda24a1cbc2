import { join } from 'node:path';
import { loadHelpContacts } from '../../bot/help/loadHelpContacts';
import { CATEGORIES } from '../../bot/domain/report';
import { t } from '../../cards/i18n';
import { actions, inputs, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf, namedReportInputs, walkToReview } from './wizardJourney';

describe.each([
  ['nl', 'nl-NL'],
  ['en', 'en-US'],
] as const)('the report wizard: safety first, honest drafts, back to the review (%s), through POST /api/messages', (lang, teamsLocale) => {
  let bot: BotHarness;
  let number = 0;

  /** A new reporter (each test starts without a draft). */
  function newReporter(): TeamsUser {
    number += 1;
    const suffix = String(number).padStart(4, '0');
    return { id: `29:1journey${suffix}`, aadObjectId: `6b1d2c3e-0000-4000-8000-00000001${suffix}`, name: `Reporter ${suffix}`, locale: teamsLocale };
  }

  beforeAll(async () => {
    bot = await startBotHarness();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  async function open(user: TeamsUser): Promise<Record<string, any>> {
    return dialogCardOf((await bot.send(taskFetch(user, bot.connector.serviceUrl, { vm: { dialog: 'wizard', nav: 'next' } }))).body);
  }

  async function press(user: TeamsUser, vm: Record<string, unknown>, inputValues: Record<string, unknown> = {}): Promise<any> {
    const response = await bot.send(taskSubmit(user, bot.connector.serviceUrl, { ...inputValues, vm }));
    expect(response.status).toBe(200);
    return response.body;
  }

  async function welcomeText(user: TeamsUser): Promise<string> {
    bot.connector.clear();
    await bot.send(personalMessage(user, bot.connector.serviceUrl, 'help'));
    const cards = bot.connector.cardsSentTo(personalConversationId(user));
    return textIn(cards[cards.length - 1]);
  }

  it('when the wizard is opened and stopped without an answer, then nothing is stored, the dialog says so and nothing is announced as kept', async () => {
    const user = newReporter();
    await bot.send(botInstalled(user, bot.connector.serviceUrl));
    const first = await open(user);
    expect(buttonVm(first, 'next').step).toBe('what');
    expect(readEmbeddedDocuments(bot.dataDir, 'drafts')).toEqual([]);

    const stopped = await press(user, buttonVm(first, 'stop'));
    expect(stopped.task).toEqual({ type: 'message', value: t(lang, 'notices.nothingKept.text') });
    expect(readEmbeddedDocuments(bot.dataDir, 'drafts')).toEqual([]);

    const again = await open(user);
    expect(textIn(again)).not.toContain(t(lang, 'wizard.resumed'));
    expect(await welcomeText(user)).not.toContain(t(lang, 'welcome.draft'));
  });

  it('when one answer is given, then the draft is kept and announced in the dialog and on the welcome card', async () => {
    const user = newReporter();
    const first = await open(user);
    await press(user, buttonVm(first, 'next'), { categories: 'bullying', immediateDanger: 'false' });
    expect(readEmbeddedDocuments(bot.dataDir, 'drafts')).toHaveLength(1);
    expect(textIn(await open(user))).toContain(t(lang, 'wizard.resumed'));
    expect(await welcomeText(user)).toContain(t(lang, 'welcome.draft'));
  });

  it('when the only answer is taken away again and the reporter stops, then the draft is removed', async () => {
    const user = newReporter();
    const first = await open(user);
    const second = dialogCardOf(await press(user, buttonVm(first, 'next'), { categories: 'bullying' }));
    const back = dialogCardOf(await press(user, buttonVm(second, 'back')));
    const before = readEmbeddedDocuments(bot.dataDir, 'drafts').length;
    await press(user, buttonVm(back, 'stop'), {});
    expect(readEmbeddedDocuments(bot.dataDir, 'drafts')).toHaveLength(before - 1);
    expect(await welcomeText(user)).not.toContain(t(lang, 'welcome.draft'));
  });

  it('when the wizard opens, then its first question is whether someone is in danger right now; "yes" shows the help at once, and only once', async () => {
    const user = newReporter();
    const first = await open(user);
    expect(inputs(first).map((input) => input.id)[0]).toBe('immediateDanger');
    // Step 1 lists each category once: the explanation is part of the choice, not a list above it.
    const categories = inputs(first).find((input) => input.id === 'categories')!;
    expect((categories.choices as { title: string }[]).map((choice) => choice.title)).toEqual(
      CATEGORIES.map((category) => `${t(lang, `categories.${category}.title`)} — ${t(lang, `categories.${category}.hint`)}`),
    );
    for (const category of CATEGORIES) expect(textIn(first)).not.toContain(t(lang, `categories.${category}.hint`));

    const help = dialogCardOf(await press(user, buttonVm(first, 'next'), { immediateDanger: 'true', categories: 'aggression' }));
    expect(textIn(help)).toContain(t(lang, 'dangerHelp.title'));
    expect(textIn(help)).toContain('112');
    // The demo organisation's help file: real ways to get help, with numbers and links, in the reporter's language.
    for (const contact of loadHelpContacts(join(__dirname, '../../config/help.demo.json'))) {
      expect(textIn(help)).toContain(contact.text[lang]);
      if (contact.url) expect(JSON.stringify(help)).toContain(contact.url);
      if (contact.phone) expect(textIn(help)).toContain(contact.phone);
    }
    const resume = actions(help).map(vmOf).find((vm) => vm.nav === 'resume')!;
    const second = dialogCardOf(await press(user, resume));
    expect(buttonVm(second, 'next').step).toBe('want');

    // Back to the first step and on again, still "yes": the help is not shown a second time.
    const back = dialogCardOf(await press(user, buttonVm(second, 'back'), {}));
    expect(inputs(back).find((input) => input.id === 'immediateDanger')?.value).toBe('true');
    const onAgain = dialogCardOf(await press(user, buttonVm(back, 'next'), { immediateDanger: 'true', categories: 'aggression' }));
    expect(textIn(onAgain)).not.toContain(t(lang, 'dangerHelp.title'));
    expect(buttonVm(onAgain, 'next').step).toBe('want');
  });

  it('when "Wijzig" is pressed on the review, then Next returns to the review with the change, not through the rest of the wizard', async () => {
    const user = newReporter();
    const review = await walkToReview(bot, user, namedReportInputs('Hij lacht me elke dag uit tijdens het appel.'));
    const change = actions(review).map(vmOf).find((vm) => vm.nav === 'goto' && vm.goto === 'involved')!;
    const involved = dialogCardOf(await press(user, change));
    expect(buttonVm(involved, 'next')).toMatchObject({ step: 'involved', returnTo: 'review' });

    // A missing answer brings the step back, still on its way to the review.
    const missing = dialogCardOf(await press(user, buttonVm(involved, 'next'), { involved: 'de kok' }));
    expect(buttonVm(missing, 'next')).toMatchObject({ step: 'involved', returnTo: 'review' });

    const back = dialogCardOf(await press(user, buttonVm(missing, 'next'), { involved: 'de kok', managerInvolved: 'yes' }));
    expect(actions(back).map(vmOf).some((vm) => vm.nav === 'submit')).toBe(true);
    expect(textIn(back)).toContain('de kok');
    expect(textIn(back)).toContain(t(lang, 'review.title'));
  });
});
