/**
 * Messages a turn sends (chat receipt, notices, welcome and settings cards) when the Bot Connector
 * throttles them (429 with Retry-After, as Teams does under load), through POST /api/messages:
 * the user still gets their normal answer and no error card, and the throttled message arrives
 * once the outbox timer runs after the wait, the same card as without throttling.
 */
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { t } from '../../cards/i18n';
import { textIn } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { daan, jeroen, REFERENCE } from '../fixtures/demoPeople';
import { botAddedToTeam, botInstalled, cardAction, channelMessage, personalConversationId, personalMessage, type TeamsTeam, type TeamsUser } from '../fixtures/teamsActivities';
import { dialogCardOf, namedReportInputs, submitReview, walkToReview, type StepInputs } from './wizardJourney';

const THROTTLED = { status: 429, retryAfterSeconds: 1 };
const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };
const eva: TeamsUser = { id: '29:1eva', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000e001', name: 'Eva', locale: 'nl-NL' };

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness();
});

afterAll(async () => {
  await bot.stop({ removeData: true });
});

/** The texts of the cards sent to a conversation (and its threads) so far. */
function textsIn(conversationId: string): string[] {
  return bot.connector.sent
    .filter((item) => item.conversationId === conversationId || item.conversationId.startsWith(`${conversationId};`))
    .flatMap((item) => (item.activity.attachments as { content: object }[] | undefined) ?? [])
    .map((attachment) => textIn(attachment.content));
}

function expectNoErrorCard(): void {
  expect(bot.connector.sentText()).not.toContain(t('nl', 'errors.title'));
  expect(bot.connector.sentText()).not.toContain(t('en', 'errors.title'));
}

/** Past the Retry-After, the outbox timer runs. */
async function afterTheWait(): Promise<void> {
  bot.clock.advance(1_000);
  await bot.host.runTimer('deliverOutbox');
}

/** Sends `activity` once unthrottled and once with its in-turn send throttled; returns what the chat got each time. */
async function normalAndThrottled(conversationId: string, activity: () => Record<string, unknown>): Promise<{ normal: string[]; atOnce: string[]; afterWait: string[] }> {
  const before = textsIn(conversationId).length;
  expect((await bot.send(activity())).status).toBe(200);
  const normal = textsIn(conversationId).slice(before);
  expect(normal.length).toBeGreaterThan(0);

  const start = textsIn(conversationId).length;
  bot.connector.failNextSend(THROTTLED, normal.length);
  expect((await bot.send(activity())).status).toBe(200);
  const atOnce = textsIn(conversationId).slice(start);
  await afterTheWait();
  return { normal, atOnce, afterWait: textsIn(conversationId).slice(start) };
}

describe('when the Bot Connector throttles the messages a turn sends', () => {
  it('when the chat receipt of a named report is throttled, then the reporter still sees the receipt in the dialog, no error, and the chat receipt arrives after the wait', async () => {
    const review = await walkToReview(bot, eva, namedReportInputs('Hij roept steeds naar me tijdens de dienst.'));
    bot.connector.failNextSend(THROTTLED);

    const receipt = dialogCardOf(await submitReview(bot, eva, review));

    const reference = REFERENCE.exec(textIn(receipt))?.[0];
    expect(reference).toBeDefined();
    expect(textIn(receipt)).not.toContain(t('nl', 'errors.title'));
    expect(textsIn(personalConversationId(eva))).toEqual([]);
    expect(bot.logs.join('\n')).toContain('turn.send_queued');

    await afterTheWait();

    const chat = textsIn(personalConversationId(eva));
    expect(chat).toHaveLength(1);
    expect(chat[0]).toContain(reference);
    expect(bot.connector.sentText()).not.toContain('roept steeds');
    expectNoErrorCard();
  });

  it('when someone else\'s message is due in the outbox, then a card press sends only what that press queued: the other message waits for the outbox timer', async () => {
    const review = await walkToReview(bot, eva, namedReportInputs('Er wordt steeds over mij geroddeld.'));
    bot.connector.failNextSend(THROTTLED);
    const reference = REFERENCE.exec(textIn(dialogCardOf(await submitReview(bot, eva, review))))![0];
    bot.clock.advance(1_000);
    const evaBefore = textsIn(personalConversationId(eva)).filter((text) => text.includes(reference));
    expect(evaBefore).toEqual([]);

    const press = await bot.send(cardAction(daan, bot.connector.serviceUrl, 'showMyCases'));

    expect(press.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textsIn(personalConversationId(eva)).filter((text) => text.includes(reference))).toEqual([]);
    await bot.host.runTimer('deliverOutbox');
    expect(textsIn(personalConversationId(eva)).filter((text) => text.includes(reference))).toHaveLength(1);
  });

  it.each([
    ['status', 'status'],
    ['stop', 'stop'],
    ['hallo', 'hallo'],
    ['melden', 'melden'],
    ['overdracht', 'overdracht'],
    ['audit with a reference', 'audit VM-3467-89AB'],
    ['audit without one', 'audit'],
    ['inzichten', 'inzichten'],
    ['a long text typed in the chat', 'x'.repeat(400)],
  ])(
    'when the answer to the chat command "%s" is throttled, then no error card comes and the same answer arrives after the wait',
    async (_label, command) => {
      const { normal, atOnce, afterWait } = await normalAndThrottled(personalConversationId(daan), () => personalMessage(daan, bot.connector.serviceUrl, command));

      expect(atOnce).toEqual([]);
      expect(afterWait).toEqual(normal);
      expectNoErrorCard();
    },
  );

  it('when the welcome after installing the bot is throttled, then it arrives after the wait', async () => {
    const { normal, atOnce, afterWait } = await normalAndThrottled(personalConversationId(eva), () => botInstalled(eva, bot.connector.serviceUrl));

    expect(atOnce).toEqual([]);
    expect(afterWait).toEqual(normal);
    expectNoErrorCard();
  });

  it('when the settings card in a team channel (on install, and on "agenda") is throttled, then it is posted in the channel after the wait', async () => {
    for (const activity of [() => botAddedToTeam(jeroen, bot.connector.serviceUrl, team), () => channelMessage(jeroen, bot.connector.serviceUrl, team, 'agenda'), () => channelMessage(jeroen, bot.connector.serviceUrl, team, 'hallo')]) {
      const { normal, atOnce, afterWait } = await normalAndThrottled(team.id, activity);

      expect(atOnce).toEqual([]);
      expect(afterWait).toEqual(normal);
    }
    expectNoErrorCard();
  });

  it('when a handler presses acknowledge and the notice to the reporter is throttled, then the handler sees the new state and the reporter gets the notice after the wait', async () => {
    const lineReport: StepInputs = { ...namedReportInputs('Hij pakt steeds mijn spullen af.'), involved: { involved: 'Korporaal Smeets', managerInvolved: 'no' } };
    const receipt = dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, lineReport)));
    const reference = REFERENCE.exec(textIn(receipt))![0];
    const caseId = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!.id;
    const before = textsIn(personalConversationId(daan)).length;
    bot.connector.failNextSend(THROTTLED);

    const response = await bot.send(cardAction(jeroen, bot.connector.serviceUrl, 'acknowledgeCase', { caseId }));

    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textIn(response.body.value)).toContain(t('nl', 'states.acknowledged.title'));
    expect(textsIn(personalConversationId(daan)).slice(before)).toEqual([]);

    await afterTheWait();

    const notices = textsIn(personalConversationId(daan)).slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(t('nl', 'reporter.notice.acknowledged.title'));
    expectNoErrorCard();
  });
});
