import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { t } from '../../cards/i18n';
import { dumpEmbeddedStore } from '../../bot/storage/dumpEmbeddedStore';
import { actions, adaptiveCardsProblems, inputs, schemaErrors, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, cardAction, personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf, namedReportInputs, submitReview, walkToReview, type StepInputs } from './wizardJourney';
import { REFERENCE } from '../fixtures/demoPeople';


const anna: TeamsUser = { id: '29:1anna', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000a001', name: 'Anna de Vries', locale: 'nl-NL' };
const ben: TeamsUser = { id: '29:1ben', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000b002', name: 'Ben Bakker', locale: 'en-US' };
const chris: TeamsUser = { id: '29:1chris', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000c003', name: 'Chris Smit', locale: 'nl-NL' };

/** Every card the bot sent to the chat parses and validates. */
function expectChatCardsValid(bot: BotHarness): void {
  for (const sent of bot.connector.sent) {
    for (const attachment of (sent.activity.attachments as { content: object }[] | undefined) ?? []) {
      expect(adaptiveCardsProblems(attachment.content)).toEqual([]);
      expect(schemaErrors(attachment.content)).toEqual([]);
    }
  }
}

/** The typed free text of a journey: none of it may ever reach a chat message or a log line. */
function typedTexts(journey: StepInputs): string[] {
  return [journey.involved.involved, journey.details.location, journey.details.description].filter(Boolean);
}

describe('report intake through POST /api/messages (Teams-shaped activities, fake connector)', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  beforeEach(() => bot.connector.clear());

  it('when the bot is installed in a personal chat, then it sends a welcome card whose button opens the report dialog', async () => {
    const response = await bot.send(botInstalled(anna, bot.connector.serviceUrl));
    expect(response.status).toBe(200);
    const [welcome] = bot.connector.cardsSentTo(personalConversationId(anna));
    expect(textIn(welcome)).toContain('Veilig Melden');
    const open = actions(welcome).find((action) => (action.data as any)?.msteams?.type === 'task/fetch');
    expect(vmOf(open!)).toMatchObject({ dialog: 'wizard' });
    expectChatCardsValid(bot);
  });

  it('when a Dutch reporter goes through every step and submits, then the case is stored, the dialog shows the receipt and the chat gets a receipt without any of the typed text', async () => {
    const journey = namedReportInputs('Hij maakt elke ochtend grappen over mijn afkomst tijdens het appel.');
    const review = await walkToReview(bot, anna, journey);
    expect(textIn(review)).toContain('Hij maakt elke ochtend grappen over mijn afkomst');
    expect(bot.connector.sent).toEqual([]);

    const receiptDialog = dialogCardOf(await submitReview(bot, anna, review));
    const reference = REFERENCE.exec(textIn(receiptDialog))?.[0];
    expect(reference).toBeDefined();

    const stored = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference);
    expect(stored).toMatchObject({ kind: 'report', identity: 'named', categories: ['bullying', 'discrimination'], state: 'submitted', locale: 'nl' });
    expect(stored!.history.map((event) => event.type)).toEqual(['submitted', 'routed', 'assigned']);

    const chatCards = bot.connector.cardsSentTo(personalConversationId(anna));
    expect(chatCards).toHaveLength(1);
    expect(textIn(chatCards[0])).toContain(reference);
    for (const typed of typedTexts(journey)) {
      expect(bot.connector.sentText()).not.toContain(typed);
      expect(bot.logs.join('\n')).not.toContain(typed);
    }
    expect(bot.connector.sentText()).not.toContain('Jansen');
    expectChatCardsValid(bot);
  });

  it('when an English reporter does the same, then every card is in English and the description stays out of the chat', async () => {
    const journey = namedReportInputs('He keeps shouting at me in front of the platoon.');
    const review = await walkToReview(bot, ben, journey);
    expect(actions(review).map((action) => action.title)).toContain(t('en', 'review.change'));
    const receipt = dialogCardOf(await submitReview(bot, ben, review));
    expect(textIn(receipt)).toMatch(REFERENCE);
    const [chatReceipt] = bot.connector.cardsSentTo(personalConversationId(ben));
    expect(textIn(chatReceipt)).toMatch(/report/i);
    expect(textIn(chatReceipt)).not.toMatch(/melding ontvangen/i);
    expect(bot.connector.sentText()).not.toContain('shouting');
  });

  it('when Teams delivers the same submit twice, then there is one case and the second answer shows the same reference', async () => {
    const review = await walkToReview(bot, chris, namedReportInputs('Dubbel verzonden melding.'));
    const submitVm = buttonVm(review, 'submit');
    const first = dialogCardOf((await bot.send(taskSubmit(chris, bot.connector.serviceUrl, { vm: submitVm }))).body);
    const second = dialogCardOf((await bot.send(taskSubmit(chris, bot.connector.serviceUrl, { vm: submitVm }))).body);
    const reference = REFERENCE.exec(textIn(first))![0];
    expect(REFERENCE.exec(textIn(second))![0]).toBe(reference);
    expect(readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').filter((item) => item.reference === reference)).toHaveLength(1);
    expect(bot.connector.cardsSentTo(personalConversationId(chris))).toHaveLength(1);
  });

  it('when a step is submitted with a missing description, then the same step comes back with the message next to the field and the other answers kept, and nothing goes to the chat', async () => {
    const opened = dialogCardOf((await bot.send(taskFetch(chris, bot.connector.serviceUrl, { vm: { dialog: 'wizard', nav: 'next' } }))).body);
    let card = opened;
    const journey = namedReportInputs('');
    for (const step of ['what', 'want', 'identity', 'involved'] as const) {
      card = dialogCardOf((await bot.send(taskSubmit(chris, bot.connector.serviceUrl, { ...journey[step], vm: buttonVm(card, 'next') }))).body);
    }
    const details = { incidentDate: '2026-11-20', location: 'Den Helder', description: '   ' };
    const again = dialogCardOf((await bot.send(taskSubmit(chris, bot.connector.serviceUrl, { ...details, vm: buttonVm(card, 'next') }))).body);
    expect(buttonVm(again, 'next').step).toBe('details');
    expect(textIn(again)).toContain(t('nl', 'wizard.details.descriptionError'));
    expect(inputs(again).find((input) => input.id === 'location')?.value).toBe('Den Helder');
    expect(bot.connector.sent).toEqual([]);
  });

  it('when hostile text is typed (markup, template syntax, 100 kB), then it is refused or kept as plain text and never evaluated', async () => {
    const dave: TeamsUser = { id: '29:1dave', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000d004', name: 'Dave', locale: 'nl-NL' };
    let card = dialogCardOf((await bot.send(taskFetch(dave, bot.connector.serviceUrl, {}))).body);
    const journey = namedReportInputs('');
    for (const step of ['what', 'want', 'identity', 'involved'] as const) {
      card = dialogCardOf((await bot.send(taskSubmit(dave, bot.connector.serviceUrl, { ...journey[step], vm: buttonVm(card, 'next') }))).body);
    }
    const hostile = '<script>alert(1)</script> ${$root.draftId} [klik](https://evil.example) ' + 'x'.repeat(100_000);
    const response = await bot.send(taskSubmit(dave, bot.connector.serviceUrl, { description: hostile, location: { $ne: 1 }, vm: buttonVm(card, 'next') }));
    expect(response.status).toBe(200);
    const again = dialogCardOf(response.body);
    const description = inputs(again).find((input) => input.id === 'description')!.value as string;
    expect(description.startsWith('<script>alert(1)</script> ${$root.draftId}')).toBe(true);
    expect(description).toHaveLength(10_000);
    expect(textIn(again)).toMatch(/te lang|10\.000/);
  });

  it('when the reporter stops half-way and comes back, then the dialog opens at the same step with the same answers', async () => {
    const eve: TeamsUser = { id: '29:1eve', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000e005', name: 'Eve', locale: 'nl-NL' };
    let card = dialogCardOf((await bot.send(taskFetch(eve, bot.connector.serviceUrl, {}))).body);
    const journey = namedReportInputs('');
    for (const step of ['what', 'want', 'identity'] as const) {
      card = dialogCardOf((await bot.send(taskSubmit(eve, bot.connector.serviceUrl, { ...journey[step], vm: buttonVm(card, 'next') }))).body);
    }
    const stopped = await bot.send(taskSubmit(eve, bot.connector.serviceUrl, { involved: 'de kok', managerInvolved: 'yes', vm: buttonVm(card, 'stop') }));
    expect(stopped.body.task).toMatchObject({ type: 'message' });

    bot.clock.advance(3 * 86_400_000);
    const resumed = dialogCardOf((await bot.send(taskFetch(eve, bot.connector.serviceUrl, { vm: { dialog: 'wizard', nav: 'next' } }))).body);
    expect(buttonVm(resumed, 'next').step).toBe('involved');
    expect(inputs(resumed).find((input) => input.id === 'involved')?.value).toBe('de kok');
    expect(inputs(resumed).find((input) => input.id === 'managerInvolved')?.value).toBe('yes');
    expect(textIn(resumed)).toContain('Welkom terug');

    const back = dialogCardOf((await bot.send(taskSubmit(eve, bot.connector.serviceUrl, { involved: 'de kok', managerInvolved: 'yes', vm: buttonVm(resumed, 'back') }))).body);
    expect(buttonVm(back, 'next').step).toBe('identity');
    expect(inputs(back).find((input) => input.id === 'identity')?.value).toBe('named');
  });

  it('when a draft is older than 14 days, then it is gone and a new report starts at step 1', async () => {
    const fay: TeamsUser = { id: '29:1fay', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000f006', name: 'Fay', locale: 'nl-NL' };
    const card = dialogCardOf((await bot.send(taskFetch(fay, bot.connector.serviceUrl, {}))).body);
    await bot.send(taskSubmit(fay, bot.connector.serviceUrl, { categories: 'bullying', vm: buttonVm(card, 'next') }));
    bot.clock.advance(15 * 86_400_000);
    await bot.host.runTimer('purgeExpiredDrafts');
    const fresh = dialogCardOf((await bot.send(taskFetch(fay, bot.connector.serviceUrl, {}))).body);
    expect(buttonVm(fresh, 'next').step).toBe('what');
    expect(inputs(fresh).find((input) => input.id === 'categories')?.value ?? '').toBe('');
  });

  it('when the reporter types "status", then the chat lists their cases by reference and state only', async () => {
    const response = await bot.send(personalMessage(anna, bot.connector.serviceUrl, 'status'));
    expect(response.status).toBe(200);
    const [list] = bot.connector.cardsSentTo(personalConversationId(anna));
    expect(textIn(list)).toMatch(REFERENCE);
    expect(textIn(list)).not.toContain('afkomst');
    expectChatCardsValid(bot);
  });

  it('when the reporter presses "my reports" on a chat card, then the card is replaced in place by the list', async () => {
    const response = await bot.send(cardAction(anna, bot.connector.serviceUrl, 'showMyCases'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textIn(response.body.value)).toMatch(REFERENCE);
    expect(adaptiveCardsProblems(response.body.value)).toEqual([]);
  });

  it('when an unknown verb is pressed, then a friendly refusal in the user language comes back, not an error status', async () => {
    const response = await bot.send(cardAction(ben, bot.connector.serviceUrl, 'deleteEverything'));
    expect(response.status).toBe(200);
    expect(textIn(response.body.value)).toContain(t('en', 'errors.forbidden'));
  });

  it('when the reporter types their story into the chat, then the bot asks them to use the form and repeats nothing', async () => {
    const story = 'Mijn commandant heeft mij gisteren uitgescholden en bedreigd waar iedereen bij was.';
    await bot.send(personalMessage(anna, bot.connector.serviceUrl, story));
    const [notice] = bot.connector.cardsSentTo(personalConversationId(anna));
    expect(textIn(notice)).toContain(t('nl', 'notices.notInChat.title'));
    expect(bot.connector.sentText()).not.toContain('uitgescholden');
  });

  it('when the body is not an activity, then the answer is 400, never 5xx', async () => {
    for (const body of ['not json', '[]', '{"type":"message"}', JSON.stringify({ type: 'message', serviceUrl: 1, conversation: {} })]) {
      const response = await bot.sendRaw(body);
      expect(response.status).toBe(400);
    }
  });

  it('when a raw dump of the store is taken, then no typed text or reporter name is in it in plaintext', async () => {
    const dump = await dumpEmbeddedStore(bot.dataDir);
    for (const secret of ['afkomst', 'shouting', 'Jansen', 'Oirschot', 'Anna de Vries', 'Ben Bakker', anna.aadObjectId, ben.aadObjectId, anna.id]) {
      expect(dump).not.toContain(secret);
    }
  });
});
