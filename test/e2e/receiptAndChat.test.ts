import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOCK_KINDS } from '../../bot/domain/deadlines/deadlinePolicies';
import { t } from '../../cards/i18n';
import { HANDLER_ROLES } from '../../bot/domain/chooseRoute';
import { actions, adaptiveCardsProblems, schemaErrors, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { daan } from '../fixtures/demoPeople';
import { botInstalled, personalConversationId, personalMessage, taskFetch, type TeamsUser } from '../fixtures/teamsActivities';
import { dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';

/** Every person's name in the demo organisation: none may appear on a reporter's receipt or list. */
const PEOPLE_NAMES = (JSON.parse(readFileSync(join(__dirname, '../../config/directory.demo.json'), 'utf8')) as { people: { name: string }[] }).people.map((person) => person.name);

function report(overrides: Partial<StepInputs>): StepInputs {
  return {
    what: { categories: 'bullying' },
    want: { kind: 'report', preferMeldpunt: 'false' },
    identity: { identity: 'named' },
    involved: { managerInvolved: 'no' },
    details: { description: 'Er wordt elke dag gelachen om mijn accent.' },
    support: { wantsCounsellorContact: 'false' },
    ...overrides,
  };
}

/** Each route of DOMAIN.md, the report that takes it, and the one deadline that applies first. */
const ROUTES = [
  { route: 'line_manager', clock: 'acknowledge', inputs: report({}) },
  { route: 'meldpunt', clock: 'acknowledge', inputs: report({ identity: { identity: 'confidential' } }) },
  { route: 'vertrouwenspersoon', clock: 'contact', inputs: report({ want: { kind: 'advice' }, identity: { identity: 'confidential' } }) },
  { route: 'klachtencoordinator', clock: 'acknowledge', inputs: report({ want: { kind: 'complaint' } }) },
  { route: 'ago', clock: 'acknowledge', inputs: report({ want: { kind: 'mediation' } }) },
  { route: 'veiligheidsfunctionaris', clock: 'acknowledge', inputs: report({ what: { categories: 'unsafe_situation' } }) },
] as const;

function expectValid(card: object): void {
  expect(adaptiveCardsProblems(card)).toEqual([]);
  expect(schemaErrors(card)).toEqual([]);
}

/** Route and deadline sentences on a card: which of them it holds. */
function routesOn(lang: 'nl' | 'en', text: string): string[] {
  return HANDLER_ROLES.filter((role) => text.includes(t(lang, `receipt.route.${role}`)));
}
function deadlinesOn(lang: 'nl' | 'en', text: string): string[] {
  const prefixes = CLOCK_KINDS.map((clock) => [clock, t(lang, `receipt.deadline.${clock}`, { date: '\u0000' }).split('\u0000')] as const);
  return prefixes.filter(([, [before, after]]) => text.split('\n').some((line) => line.startsWith(before) && line.endsWith(after))).map(([clock]) => clock);
}

describe.each([
  ['nl', 'nl-NL'],
  ['en', 'en-US'],
] as const)('where the report went, "my reports" and what is typed or pasted in the chat (%s), through POST /api/messages', (lang, teamsLocale) => {
  let bot: BotHarness;
  const reporter: TeamsUser = { ...daan, locale: teamsLocale };
  const references: Record<string, string> = {};

  beforeAll(async () => {
    bot = await startBotHarness();
    await bot.send(botInstalled(reporter, bot.connector.serviceUrl));
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it.each(ROUTES)('when a report goes to $route, then the dialog and chat receipts say so in the reporter\'s words, with the one deadline that applies and no name', async ({ route, clock, inputs }) => {
    bot.connector.clear();
    const receipt = dialogCardOf(await submitReview(bot, reporter, await walkToReview(bot, reporter, inputs)));
    const text = textIn(receipt);
    references[route] = /VM-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)![0];
    expect(text).toContain(t(lang, `receipt.routeShort.${route}`));
    expect(routesOn(lang, text)).toEqual([route]);
    expect(deadlinesOn(lang, text)).toEqual([clock]);
    expect(text).not.toContain(t(lang, 'kinds.report.next'));
    for (const name of PEOPLE_NAMES) expect(text).not.toContain(name);

    const [chatReceipt] = bot.connector.cardsSentTo(personalConversationId(reporter));
    expectValid(chatReceipt);
    expect(routesOn(lang, textIn(chatReceipt))).toEqual([route]);
    expect(deadlinesOn(lang, textIn(chatReceipt))).toEqual([clock]);
    for (const name of PEOPLE_NAMES) expect(textIn(chatReceipt)).not.toContain(name);
  });

  it('when a confidential request goes to a counsellor, then who contacts you and who knows your name do not contradict each other', async () => {
    bot.connector.clear();
    const receipt = dialogCardOf(await submitReview(bot, reporter, await walkToReview(bot, reporter, ROUTES[2].inputs)));
    expect(textIn(receipt)).toContain(t(lang, 'receipt.identity.confidential'));
    expect(textIn(receipt)).toContain(t(lang, 'receipt.deadline.contact', { date: '' }).split(' ')[0]);
    expect(textIn(receipt)).not.toMatch(/Alleen het Meldpunt|Only the Meldpunt/);
  });

  it('when the reporter types "mijn meldingen", then each report shows where it went, the next deadline and a button that opens its dialog', async () => {
    bot.connector.clear();
    await bot.send(personalMessage(reporter, bot.connector.serviceUrl, lang === 'nl' ? 'mijn meldingen' : 'my reports'));
    const [list] = bot.connector.cardsSentTo(personalConversationId(reporter));
    expectValid(list);
    const text = textIn(list);
    for (const { route } of ROUTES) {
      expect(text).toContain(references[route]);
      expect(text).toContain(t(lang, `receipt.routeShort.${route}`));
    }
    expect(deadlinesOn(lang, text).sort()).toEqual(['acknowledge', 'contact']);
    for (const name of PEOPLE_NAMES) expect(text).not.toContain(name);

    const open = actions(list).find((action) => action.title === t(lang, 'myCases.open', { reference: references.line_manager }))!;
    expect(vmOf(open)).toMatchObject({ dialog: 'caseMessages', nav: 'next' });
    const dialog = dialogCardOf((await bot.send(taskFetch(reporter, bot.connector.serviceUrl, open.data as Record<string, unknown>))).body);
    expect(textIn(dialog)).toContain(references.line_manager);
    expect(actions(dialog).map(vmOf).map((vm) => vm.dialog)).toEqual(expect.arrayContaining(['caseMessages', 'caseWithdraw']));
  });

  it.each(['mijn sergeant pest mij elke dag', 'he hits me', 'wat moet ik doen?'])('when "%s" is typed, then the warning and the button to start a report come back, and the text is not repeated', async (typed) => {
    bot.connector.clear();
    await bot.send(personalMessage(reporter, bot.connector.serviceUrl, typed));
    const [notice] = bot.connector.cardsSentTo(personalConversationId(reporter));
    expectValid(notice);
    expect(textIn(notice)).toContain(t(lang, 'notices.notInChat.title'));
    expect(textIn(notice)).toContain(t(lang, 'notices.notInChat.text'));
    expect(actions(notice).map(vmOf)).toContainEqual({ dialog: 'wizard', nav: 'next' });
    expect(bot.connector.sentText()).not.toContain(typed);
  });

  it('when a known command is typed, then it is not taken for a report', async () => {
    bot.connector.clear();
    await bot.send(personalMessage(reporter, bot.connector.serviceUrl, 'hallo'));
    const [welcome] = bot.connector.cardsSentTo(personalConversationId(reporter));
    expect(textIn(welcome)).not.toContain(t(lang, 'notices.notInChat.title'));
  });

  it.each([
    ['a pasted image', [{ contentType: 'image/*', contentUrl: 'https://smba.example/v3/attachments/0-abc/views/original' }, { contentType: 'text/html', content: '<div><img src="https://x/y" itemtype="http://schema.skype.com/AMSImage"></div>' }], ''],
    ['a file', [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'screenshot.png', content: { downloadUrl: 'https://x/y', fileType: 'png' } }], 'kijk maar'],
  ])('when %s is sent, then the bot says it cannot take files here, what to do with evidence and to delete it', async (_what, attachments, text) => {
    bot.connector.clear();
    const response = await bot.send({ ...personalMessage(reporter, bot.connector.serviceUrl, text), attachments });
    expect(response.status).toBe(200);
    const [notice] = bot.connector.cardsSentTo(personalConversationId(reporter));
    expectValid(notice);
    expect(textIn(notice)).toContain(t(lang, 'notices.fileNotTaken.title'));
    expect(textIn(notice)).toContain(t(lang, 'notices.fileNotTaken.text'));
    expect(bot.connector.sentText()).not.toContain('screenshot.png');
  });

  it('when the manifest is read, then it says the bot takes no files, as it does', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../manifest/manifest.json'), 'utf8')) as { bots: { supportsFiles: boolean }[] };
    expect(manifest.bots.map((bot) => bot.supportsFiles)).toEqual([false]);
  });
});
