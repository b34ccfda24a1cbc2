import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamActionRecord, TeamRecord } from '../../bot/app/agenda/agendaPorts';
import { t } from '../../cards/i18n';
import { adaptiveCardsProblems, allObjects, inputs, schemaErrors, textIn } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import {
  botAddedToTeam,
  botInstalled,
  botRemovedFromTeam,
  cardAction,
  channelCardAction,
  channelMessage,
  personalConversationId,
  type TeamsTeam,
  type TeamsUser,
} from '../fixtures/teamsActivities';
import { daan, jeroen, sophie } from '../fixtures/demoPeople';

// The demo organisation (config/directory.demo.json): Jeroen owns the team of A-compagnie (unit 11 Infanteriebataljon),
// Daan and Sophie are members, Anouk coordinates CLAS (and so the units below it).
const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };

/** What the team types: notes and action texts are kept sealed, never in a log line or the raw store. */
const TYPED = {
  notes: 'NOTITIE-7731 we spraken over aanspreken na de oefening',
  action1: 'ACTIE-4410 veiligheidsronde over de schietbaan plannen',
  action2: 'ACTIE-5521 buddy-systeem voor nieuwe collega’s uitwerken',
};

const SETTINGS = { weekdays: '1', time: '09:00', everyWeeks: '1', leadWorkingDays: '1', language: 'nl', unitId: 'u-clas-11-inf', paused: 'false' };

function checked(card: Record<string, any>): Record<string, any> {
  expect(adaptiveCardsProblems(card)).toEqual([]);
  expect(schemaErrors(card)).toEqual([]);
  return card;
}

/** The card of an `adaptiveCard/action` answer. */
function answerCard(response: { status: number; body: any }): Record<string, any> {
  expect(response.status).toBe(200);
  expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
  return checked(response.body.value);
}

function executeVerbs(card: object): string[] {
  return allObjects(card)
    .filter((node) => node.type === 'Action.Execute')
    .map((node) => String(node.verb));
}

/** Cards posted in the channel: new posts, and replies in a thread (`<channel id>;messageid=…`). */
function channelCards(bot: BotHarness): Record<string, any>[] {
  const conversations = [...new Set(bot.connector.sent.map((item) => item.conversationId).filter((id) => id === team.id || id.startsWith(`${team.id};`)))];
  return bot.connector.sent
    .filter((item) => conversations.includes(item.conversationId))
    .flatMap((item) => bot.connector.cardsSentTo(item.conversationId).length > 0 ? [item] : [])
    .flatMap((item) => ((item.activity.attachments as { content: Record<string, any> }[] | undefined) ?? []).map((attachment) => attachment.content))
    .map(checked);
}

function chatCards(bot: BotHarness, user: TeamsUser): Record<string, any>[] {
  return bot.connector.cardsSentTo(personalConversationId(user)).map(checked);
}

function storedTeam(bot: BotHarness): TeamRecord | undefined {
  return readEmbeddedDocuments<TeamRecord>(bot.dataDir, 'teams')[0];
}

function storedActions(bot: BotHarness): TeamActionRecord[] {
  return readEmbeddedDocuments<TeamActionRecord>(bot.dataDir, 'teamActions');
}

/** Moves the clock to an instant and runs a timer, as the Functions host would on its schedule. */
async function at(bot: BotHarness, iso: string, timer: string): Promise<void> {
  bot.clock.set(iso);
  await bot.host.runTimer(timer);
}

describe('team meeting agenda, end to end through /api/messages', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness();
    bot.connector.setRoster(team.id, [jeroen, daan, sophie].map((user) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId })), 2);
    for (const user of [jeroen, daan, sophie]) expect((await bot.send(botInstalled(user, bot.connector.serviceUrl))).status).toBe(200);
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
    await bot.connector.stop();
  });

  it('when the bot is added to a team, then it remembers the channel and posts the welcome with the settings form', async () => {
    expect((await bot.send(botAddedToTeam(jeroen, bot.connector.serviceUrl, team))).status).toBe(200);

    const [welcome] = channelCards(bot);
    expect(inputs(welcome).map((input) => input.id)).toEqual(expect.arrayContaining(['weekdays', 'time', 'everyWeeks', 'leadWorkingDays', 'language', 'unitId', 'paused']));
    expect(executeVerbs(welcome)).toContain('saveTeamSettings');
    const stored = storedTeam(bot);
    expect(stored).toMatchObject({ teamId: team.id, aadGroupId: team.aadGroupId, name: team.name });
    expect(stored?.settings).toBeUndefined();
    expect(stored?.nextPostAt).toBeUndefined();
    // The roster came in pages of two and was read to the end: three members, kept sealed.
    expect(bot.connector.rosterCalls.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(stored)).not.toContain('Sophie');
  });

  it('when a member who is not an owner saves the settings, then nothing changes and the card says who can', async () => {
    const card = answerCard(await bot.send(channelCardAction(daan, bot.connector.serviceUrl, team, 'saveTeamSettings', SETTINGS)));

    expect(executeVerbs(card)).not.toContain('saveTeamSettings');
    expect(textIn(card)).toContain('Jeroen van den Berg');
    expect(textIn(card)).toContain('Anouk Meijer');
    expect(storedTeam(bot)?.settings).toBeUndefined();
  });

  it('when the owner types "agenda" in the channel, then the settings form comes back', async () => {
    const before = channelCards(bot).length;
    expect((await bot.send(channelMessage(jeroen, bot.connector.serviceUrl, team, 'agenda'))).status).toBe(200);

    const cards = channelCards(bot);
    expect(cards).toHaveLength(before + 1);
    expect(executeVerbs(cards[before])).toContain('saveTeamSettings');
  });

  it('when the owner saves a wrong time, then the form comes back with the message and the other values kept', async () => {
    const card = answerCard(await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'saveTeamSettings', { ...SETTINGS, weekdays: '1,4', time: '9 uur' })));

    const byId = Object.fromEntries(inputs(card).map((input) => [input.id, input]));
    expect(byId.weekdays.value).toBe('1,4');
    expect(byId.time.value).toBe('9 uur');
    expect(textIn(card)).toContain('09:00');
    expect(storedTeam(bot)?.settings).toBeUndefined();
  });

  it.each([
    ['nl', jeroen],
    ['en', { ...jeroen, locale: 'en-US' }],
  ] as const)('when the owner picks a unit the team does not belong to, then the form comes back with the message (%s) and what was entered, and nothing is saved', async (locale, owner) => {
    // u-czsk exists but is neither Jeroen's unit, nor the team's unit in the directory, nor one he coordinates.
    const card = answerCard(await bot.send(channelCardAction(owner, bot.connector.serviceUrl, team, 'saveTeamSettings', { ...SETTINGS, weekdays: '2,4', time: '10:30', unitId: 'u-czsk' })));
    expect(textIn(card)).toContain(t(locale, 'validation.unitNotAllowed'));
    const byId = Object.fromEntries(inputs(card).map((input) => [input.id, input]));
    expect(byId.weekdays.value).toBe('2,4');
    expect(byId.time.value).toBe('10:30');
    expect(byId.unitId.value).toBe('u-czsk');
    // The list offers him only what he may pick: the team's unit in the directory, which is also his own.
    expect((byId.unitId.choices as { value: string }[]).map((choice) => choice.value)).toEqual(['u-clas-11-inf']);
    expect(storedTeam(bot)?.settings).toBeUndefined();
  });

  it('when the owner saves valid settings, then the next posting is planned one working day before the meeting', async () => {
    const card = answerCard(await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'saveTeamSettings', SETTINGS)));

    // Monday 7 December 09:00 in Amsterdam is the meeting; Friday 4 December 09:00 the posting.
    expect(storedTeam(bot)).toMatchObject({ nextMeetingAt: '2026-12-07T08:00:00.000Z', nextPostAt: '2026-12-04T08:00:00.000Z' });
    expect(textIn(card)).toContain('4 december');
  });

  it('when the clock reaches the lead time, then one topic card is posted in the channel, once', async () => {
    const before = channelCards(bot).length;
    await at(bot, '2026-12-04T07:55:00Z', 'postTeamTopics');
    expect(channelCards(bot)).toHaveLength(before);

    await at(bot, '2026-12-04T08:05:00Z', 'postTeamTopics');
    await at(bot, '2026-12-04T08:20:00Z', 'postTeamTopics');

    const cards = channelCards(bot);
    expect(cards).toHaveLength(before + 1);
    const topic = cards[before];
    expect(executeVerbs(topic)).toEqual(expect.arrayContaining(['topicDiscussed', 'topicOther', 'topicSkipped']));
    // A new post in the channel, not a reply in the thread of the settings card.
    expect(bot.connector.sent.filter((item) => item.conversationId === team.id).at(-1)?.replyToId).toBeUndefined();
    expect(storedTeam(bot)).toMatchObject({ nextMeetingAt: '2026-12-14T08:00:00.000Z', nextPostAt: '2026-12-11T08:00:00.000Z' });
    // The people picker (and the member list) for the action owners.
    const owner = inputs(topic).find((input) => input.id === 'action1Owner');
    expect(owner?.['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
    expect((owner?.choices as { title: string }[]).map((choice) => choice.title)).toEqual(expect.arrayContaining(['Daan Willems', 'Jeroen van den Berg', 'Sophie van Leeuwen']));
  });

  it('when "discussed" comes with an incomplete action, then the card shows what is missing, keeps the entries and stores nothing', async () => {
    const postingId = storedTeam(bot)!.postings.at(-1)!.id;
    const card = answerCard(
      await bot.send(
        channelCardAction(daan, bot.connector.serviceUrl, team, 'topicDiscussed', {
          postingId,
          notes: TYPED.notes,
          action1Text: TYPED.action1,
          action1Owner: daan.aadObjectId,
          action1Due: '2026-12-09',
          action2Text: TYPED.action2,
          action2Owner: sophie.aadObjectId,
        }),
      ),
    );

    const byId = Object.fromEntries(inputs(card).map((input) => [input.id, input]));
    expect(byId.notes.value).toBe(TYPED.notes);
    expect(byId.action2Text.value).toBe(TYPED.action2);
    expect(storedActions(bot)).toEqual([]);
    // The form with what was typed is shown to the one who pressed only: the channel message is not replaced.
    expect(JSON.stringify(bot.connector.updated)).not.toContain('NOTITIE-7731');
    expect(storedTeam(bot)!.postings.at(-1)!.status).toBe('posted');
  });

  it('when a member records "discussed" with two actions, then the card shows who and what, and both owners get a task card', async () => {
    const postingId = storedTeam(bot)!.postings.at(-1)!.id;
    const data = {
      postingId,
      notes: TYPED.notes,
      action1Text: TYPED.action1,
      action1Owner: daan.aadObjectId,
      action1Due: '2026-12-09',
      action2Text: TYPED.action2,
      action2Owner: sophie.aadObjectId,
      action2Due: '2026-12-18',
    };
    const updatesBefore = bot.connector.updated.length;
    const card = answerCard(await bot.send(channelCardAction(daan, bot.connector.serviceUrl, team, 'topicDiscussed', data)));

    expect(inputs(card)).toEqual([]);
    // Everyone in the channel sees it: the topic's message is replaced by the recorded card.
    const [update] = bot.connector.updated.slice(updatesBefore);
    expect(update).toMatchObject({ replyToId: '1700000000002' });
    expect(update.conversationId.startsWith(team.id)).toBe(true);
    const shared = checked((update.activity.attachments as { content: Record<string, any> }[])[0].content);
    expect(textIn(shared)).toContain('Daan Willems');
    expect(textIn(shared)).toContain(TYPED.action1);
    expect(textIn(shared)).not.toContain('NOTITIE-7731');
    expect(textIn(card)).toContain('Daan Willems');
    expect(textIn(card)).toContain(TYPED.action1);
    expect(textIn(card)).toContain('Sophie van Leeuwen');
    expect(textIn(card)).not.toContain('NOTITIE-7731');
    expect(storedActions(bot)).toHaveLength(2);

    // Pressed again (a double click, or another member): still two actions.
    answerCard(await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'topicDiscussed', data)));
    expect(storedActions(bot)).toHaveLength(2);

    const daanTask = chatCards(bot, daan).find((item) => textIn(item).includes(TYPED.action1));
    const sophieTask = chatCards(bot, sophie).find((item) => textIn(item).includes(TYPED.action2));
    expect(daanTask).toBeDefined();
    expect(sophieTask).toBeDefined();
    expect(executeVerbs(daanTask!)).toEqual(expect.arrayContaining(['actionDone', 'actionNewDate']));
    expect(daanTask!.lang).toBe('nl');
    expect(sophieTask!.lang).toBe('en');
  });

  it('when someone else presses "done" on an action, then it is refused; when its owner does, it is done', async () => {
    const sophieAction = storedActions(bot).find((action) => action.dueAt.startsWith('2026-12-18'))!;
    const refused = answerCard(await bot.send(cardAction(jeroen, bot.connector.serviceUrl, 'actionDone', { actionId: sophieAction.id })));
    expect(executeVerbs(refused)).not.toContain('actionDone');
    expect(storedActions(bot).find((action) => action.id === sophieAction.id)?.state).toBe('open');

    const done = answerCard(await bot.send(cardAction(sophie, bot.connector.serviceUrl, 'actionDone', { actionId: sophieAction.id })));
    expect(executeVerbs(done)).not.toContain('actionDone');
    expect(storedActions(bot).find((action) => action.id === sophieAction.id)).toMatchObject({ state: 'done', isOpen: false });
  });

  it('when an action nears its due date, then its owner is reminded once; when it goes late, the team owner is told', async () => {
    const daanBefore = chatCards(bot, daan).length;
    const jeroenBefore = chatCards(bot, jeroen).length;
    // Tuesday 8 December, 09:00 in Amsterdam: the working day before the due date.
    await at(bot, '2026-12-08T08:00:00Z', 'sendDueReminders');
    await at(bot, '2026-12-08T08:30:00Z', 'sendDueReminders');
    const reminders = chatCards(bot, daan).slice(daanBefore);
    expect(reminders).toHaveLength(1);
    expect(textIn(reminders[0])).toContain(TYPED.action1);

    // Wednesday 9 December after 18:00: late.
    await at(bot, '2026-12-09T17:05:00Z', 'sendDueReminders');
    const toOwner = chatCards(bot, jeroen).slice(jeroenBefore);
    expect(toOwner).toHaveLength(1);
    expect(textIn(toOwner[0])).toContain('Daan Willems');
    expect(textIn(toOwner[0])).toContain(team.name);
    // The late notice names the team and the owner, not what was agreed.
    expect(textIn(toOwner[0])).not.toContain(TYPED.action1);
    // Sophie's action was done: nobody hears about it.
    expect(chatCards(bot, sophie).filter((item) => textIn(item).includes(TYPED.action2))).toHaveLength(1);
  });

  it('when everything happened, then the notes and action texts are in no log line and nowhere in the raw store in plain text', () => {
    const raw = readdirSync(bot.dataDir)
      .filter((file) => file.endsWith('.jsonl'))
      .map((file) => readFileSync(join(bot.dataDir, file), 'utf8'))
      .join('\n');
    for (const typed of Object.values(TYPED)) {
      expect(raw).not.toContain(typed.slice(0, 12));
      expect(bot.logs.join('\n')).not.toContain(typed.slice(0, 12));
    }
    // Channel messages carry the topic and the actions, never the notes.
    expect(JSON.stringify(bot.connector.sent.filter((item) => item.conversationId.startsWith(team.id)))).not.toContain('NOTITIE-7731');
  });

  it('when the bot is removed from the team, then its schedule is deleted and nothing more is posted', async () => {
    expect((await bot.send(botRemovedFromTeam(jeroen, bot.connector.serviceUrl, team))).status).toBe(200);
    expect(storedTeam(bot)).toBeUndefined();

    const before = channelCards(bot).length;
    await at(bot, '2026-12-11T08:30:00Z', 'postTeamTopics');
    expect(channelCards(bot)).toHaveLength(before);
  });
});
