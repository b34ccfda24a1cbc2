import type { CaseRecord } from '../../bot/app/cases/casePorts';
import type { TeamRecord } from '../../bot/app/agenda/agendaPorts';
import { t } from '../../cards/i18n';
import { adaptiveCardsProblems, allObjects, inputs, schemaErrors, textIn, visibleTexts, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botAddedToTeam, botInstalled, channelCardAction, personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsTeam, type TeamsUser } from '../fixtures/teamsActivities';
import { anouk, daan, jeroen, lotte, marieke, REFERENCE, sophie } from '../fixtures/demoPeople';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';

// The demo organisation (config/directory.demo.json): Daan's meldingen go via the line to Jeroen (his manager), who
// closes them; Anouk coordinates CLAS and the units below it (11 Infanteriebataljon, Daan's unit); Jeroen's team is of
// that battalion. People named below are in the directory, so a lesson naming them is refused.
const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };
const SETTINGS = { weekdays: '1', time: '09:00', everyWeeks: '1', leadWorkingDays: '1', language: 'nl', unitId: 'u-clas-11-inf', paused: 'false' };
const DAY = 86_400_000;

const LESSON = {
  first: 'LES-4410 Grappen over één collega die steeds terugkomen zijn geen grappen meer: spreek het de eerste keer aan.',
  firstEdited: 'LES-4410 Grappen over één collega die steeds terugkomen zijn geen grappen meer: spreek het meteen aan, ook als leidinggevende.',
  rejected: 'LES-5521 Een les die de coördinator afwijst.',
  held: 'LES-6632 Een les die de coördinator aanhoudt.',
  second: 'LES-7743 Wie buitengesloten wordt bij het indelen, merkt dat als eerste: let op wie steeds overblijft.',
};

function report(description: string): StepInputs {
  return {
    what: { categories: 'bullying' },
    want: { kind: 'report', preferMeldpunt: 'false' },
    identity: { identity: 'named' },
    involved: { involved: 'Korporaal Smeets', managerInvolved: 'no' },
    details: { description },
    support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
  };
}

function cases(bot: BotHarness): CaseRecord[] {
  return readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases');
}

function storedCase(bot: BotHarness, id: string): CaseRecord {
  return cases(bot).find((item) => item.id === id)!;
}

function storedTeam(bot: BotHarness): TeamRecord {
  return readEmbeddedDocuments<TeamRecord>(bot.dataDir, 'teams')[0];
}

/** Daan files a melding; it goes to Jeroen. */
async function fileReport(bot: BotHarness, n: number): Promise<CaseRecord> {
  const receipt = textIn(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, report(`Melding ${n}: een collega wordt steeds uitgelachen.`)))));
  return cases(bot).find((item) => item.reference === REFERENCE.exec(receipt)![0])!;
}

async function closeForm(bot: BotHarness, caseId: string): Promise<Record<string, any>> {
  return dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseClose', nav: 'next', caseId } }))).body);
}

/** Jeroen closes the case, with a lesson when given; the dialog's answer. */
async function closeAs(bot: BotHarness, caseId: string, lesson?: { text: string; unit?: string }): Promise<any> {
  const form = await closeForm(bot, caseId);
  const lessonInputs = lesson ? { lessonText: lesson.text, lessonCategory: 'bullying', lessonUnit: lesson.unit ?? 'u-clas-11-inf' } : {};
  return (await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { outcome: 'resolved', message: 'Besproken met betrokkene; het is gestopt.', ...lessonInputs, vm: buttonVm(form, 'submit') }))).body;
}

async function openReview(bot: BotHarness, user: TeamsUser): Promise<Record<string, any>> {
  return dialogCardOf((await bot.send(taskFetch(user, bot.connector.serviceUrl, { vm: { dialog: 'lessonReview', nav: 'next' } }))).body);
}

/** Presses a decision button of the review dialog (the text input sent along, as Teams does for approve). */
async function decide(bot: BotHarness, user: TeamsUser, card: object, decision: string, text?: string): Promise<Record<string, any>> {
  const button = allObjects(card).find((item) => item.type === 'Action.Submit' && (item.data as { decision?: string }).decision === decision)!;
  const data = { ...(button.data as object), ...(text !== undefined ? { lessonText: text } : {}) };
  return dialogCardOf((await bot.send(taskSubmit(user, bot.connector.serviceUrl, data))).body);
}

/** Cards posted in the team's channel, each checked to parse and validate. */
function channelCards(bot: BotHarness): Record<string, any>[] {
  return bot.connector.sent
    .filter((item) => item.conversationId === team.id || item.conversationId.startsWith(`${team.id};`))
    .flatMap((item) => ((item.activity.attachments as { content: Record<string, any> }[] | undefined) ?? []).map((attachment) => attachment.content))
    .map((card) => {
      expect(adaptiveCardsProblems(card)).toEqual([]);
      expect(schemaErrors(card)).toEqual([]);
      return card;
    });
}

function lessonCards(bot: BotHarness): Record<string, any>[] {
  return channelCards(bot).filter((card) => textIn(card).includes('Geleerde les'));
}

/** Runs the posting timer at each team posting moment up to `until`, as the Functions host would on its schedule. */
async function runAgendaUntil(bot: BotHarness, until: number): Promise<void> {
  for (let guard = 0; guard < 60; guard += 1) {
    const nextPostAt = Date.parse(storedTeam(bot).nextPostAt!);
    if (nextPostAt > until) break;
    bot.clock.set(new Date(nextPostAt + 5 * 60_000));
    await bot.host.runTimer('postTeamTopics');
    await bot.host.runTimer('deliverOutbox');
  }
  bot.clock.set(new Date(until));
}

describe('lessons from closed cases on the team agenda, end to end through /api/messages', () => {
  let bot: BotHarness;
  const ids: string[] = [];
  let references: string[] = [];

  beforeAll(async () => {
    bot = await startBotHarness();
    bot.connector.setRoster(team.id, [jeroen, daan, sophie].map((user) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId })), 10);
    for (const user of [jeroen, daan, sophie, anouk, lotte, marieke]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    await bot.send(botAddedToTeam(jeroen, bot.connector.serviceUrl, team));
    await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'saveTeamSettings', SETTINGS));
    expect(storedTeam(bot).settings?.unitId).toBe('u-clas-11-inf');
    for (let n = 1; n <= 5; n += 1) ids.push((await fileReport(bot, n)).id);
    references = ids.map((id) => storedCase(bot, id).reference);
  }, 120_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when Jeroen opens the close form, then it offers an optional lesson with its category and the unit levels of the case, and says nobody may be recognisable', async () => {
    const form = await closeForm(bot, ids[0]);
    const byId = Object.fromEntries(inputs(form).map((input) => [input.id, input]));
    expect(byId.lessonText).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 600 });
    expect(byId.lessonCategory.value).toBe('bullying');
    expect((byId.lessonUnit.choices as { value: string }[]).map((choice) => choice.value)).toEqual(['u-clas-11-inf', 'u-clas-11', 'u-clas', 'u-defensie']);
    expect(textIn(form)).toContain(t('nl', 'handler.action.close.lesson.anonymityNote'));
  });

  it.each([
    ['the name of someone in the directory', 'Jeroen van den Berg had eerder moeten ingrijpen.', 'validation.lessonNamesPerson'],
    ['the surname of the reporter', 'Willems werd steeds buitengesloten.', 'validation.lessonNamesPerson'],
    ['the person named as involved', 'Smeets maakte steeds grappen.', 'validation.lessonNamesPerson'],
    ['someone elsewhere in the directory', 'Net als bij Nadia Verbeek aan boord.', 'validation.lessonNamesPerson'],
  ] as const)('when the lesson contains %s, then the form comes back with the warning under the lesson, the typed text kept, and nothing is closed', async (_what, text, key) => {
    const answer = dialogCardOf(await closeAs(bot, ids[0], { text }));
    expect(textIn(answer)).toContain(t('nl', key));
    expect(inputs(answer).find((input) => input.id === 'lessonText')?.value).toBe(text);
    expect(storedCase(bot, ids[0])).toMatchObject({ state: 'submitted', isOpen: true });
    expect(storedCase(bot, ids[0]).lesson).toBeUndefined();
  });

  it('when the lesson contains the case reference (in lower case, without dashes), then the warning names the reference and the text is kept', async () => {
    const text = `Zie ${references[0].toLowerCase().replace(/-/g, '')} voor wat er misging.`;
    const answer = dialogCardOf(await closeAs(bot, ids[0], { text }));
    expect(textIn(answer)).toContain(t('nl', 'validation.lessonNamesCase'));
    expect(inputs(answer).find((input) => input.id === 'lessonText')?.value).toBe(text);
    expect(storedCase(bot, ids[0]).state).toBe('submitted');
  });

  it('when Jeroen closes with a clean lesson, then it is stored sealed as proposed and Anouk gets a content-free card to review it', async () => {
    bot.connector.clear();
    expect(await closeAs(bot, ids[0], { text: LESSON.first })).toEqual({ task: { type: 'message', value: t('nl', 'handler.done.closed') } });
    const stored = storedCase(bot, ids[0]);
    expect(stored).toMatchObject({ state: 'closed', lessonStatus: 'proposed', lesson: { status: 'proposed', category: 'bullying', unitId: 'u-clas-11-inf', sealedText: { ct: expect.any(String) } } });
    expect(JSON.stringify(cases(bot))).not.toContain('LES-4410');

    await bot.host.runTimer('deliverOutbox');
    const [notice, ...more] = bot.connector.cardsSentTo(personalConversationId(anouk));
    expect(more).toEqual([]);
    expect(textIn(notice)).toContain(t('nl', 'notices.lessonToReview.title'));
    expect(allObjects(notice).filter((item) => item.type === 'Action.Submit').map((action) => vmOf(action).dialog)).toEqual(['lessonReview']);
    expect(textIn(notice)).not.toContain('LES-4410');
    expect(textIn(notice)).not.toContain(references[0]);
    expect(bot.connector.sentText()).not.toContain('LES-4410');
    expect(bot.logs.join('\n')).not.toContain('LES-4410');
  });

  it('when Daan, who coordinates nothing, opens the review or presses approve, then he is refused and nothing changes', async () => {
    const opened = dialogCardOf((await bot.send(taskFetch(daan, bot.connector.serviceUrl, { vm: { dialog: 'lessonReview', nav: 'next' } }))).body);
    expect(textIn(opened)).toContain(t('nl', 'errors.forbidden'));
    expect(textIn(opened)).not.toContain('LES-4410');
    const lessonId = storedCase(bot, ids[0]).lesson!.id;
    const before = storedCase(bot, ids[0]);
    const pressed = dialogCardOf(
      (await bot.send(taskSubmit(daan, bot.connector.serviceUrl, { decision: 'approve', lessonText: 'LES-9999 van Daan', vm: { dialog: 'lessonReview', nav: 'submit', lessonId } }))).body,
    );
    expect(textIn(pressed)).toContain(t('nl', 'errors.forbidden'));
    expect(storedCase(bot, ids[0])).toEqual(before);
  });

  it('when Anouk types "lessen" in her chat, then a card with one button opens the review (nothing of the lesson in the chat)', async () => {
    bot.connector.clear();
    await bot.send(personalMessage(anouk, bot.connector.serviceUrl, 'lessen'));
    const [card] = bot.connector.cardsSentTo(personalConversationId(anouk));
    expect(allObjects(card).filter((item) => item.type === 'Action.Submit').map((action) => vmOf(action).dialog)).toEqual(['lessonReview']);
    expect(textIn(card)).not.toContain('LES-4410');
  });

  it('when Anouk opens the review, then she reads the lesson, its category and unit, and nothing of the case', async () => {
    const card = await openReview(bot, anouk);
    const text = textIn(card);
    expect(inputs(card).find((input) => input.id === 'lessonText')?.value).toBe(LESSON.first);
    expect(text).toContain(t('nl', 'categories.bullying.title'));
    expect(text).toContain('11 Infanteriebataljon');
    for (const reference of references) expect(text).not.toContain(reference);
    for (const name of ['Daan', 'Willems', 'Jeroen', 'Smeets']) expect(text).not.toContain(name);
  });

  it('when Anouk approves an edit that names Daan, then the warning comes under the lesson with her text kept, and it stays proposed', async () => {
    const edited = `${LESSON.firstEdited} Vraag het Daan Willems.`;
    const answer = await decide(bot, anouk, await openReview(bot, anouk), 'approve', edited);
    expect(textIn(answer)).toContain(t('nl', 'validation.lessonNamesPerson'));
    expect(inputs(answer).find((input) => input.id === 'lessonText')?.value).toBe(edited);
    expect(storedCase(bot, ids[0]).lessonStatus).toBe('proposed');
  });

  it('when Anouk approves her edit, then the lesson is approved with her text, sealed', async () => {
    const answer = await decide(bot, anouk, await openReview(bot, anouk), 'approve', LESSON.firstEdited);
    expect(textIn(answer)).toContain(t('nl', 'lessons.review.doneApproved'));
    expect(textIn(answer)).toContain(t('nl', 'lessons.review.none'));
    expect(storedCase(bot, ids[0])).toMatchObject({ lessonStatus: 'approved', lesson: { status: 'approved', reviewedAt: expect.any(String) } });
    expect(storedCase(bot, ids[0]).history.map((event) => event.type)).toEqual(expect.arrayContaining(['lesson_proposed', 'lesson_approved']));
    expect(JSON.stringify(cases(bot))).not.toContain('LES-4410');
  });

  it('when two more lessons come, then Anouk rejects one and holds the other, and a third case closes without a lesson', async () => {
    // Closed a minute apart: the review shows the oldest proposal first.
    await closeAs(bot, ids[1], { text: LESSON.rejected });
    bot.clock.advance(60_000);
    await closeAs(bot, ids[2], { text: LESSON.held });
    bot.clock.advance(60_000);
    await closeAs(bot, ids[3]);
    let card = await openReview(bot, anouk);
    expect(inputs(card).find((input) => input.id === 'lessonText')?.value).toBe(LESSON.rejected);
    card = await decide(bot, anouk, card, 'reject');
    expect(textIn(card)).toContain(t('nl', 'lessons.review.doneRejected'));
    expect(inputs(card).find((input) => input.id === 'lessonText')?.value).toBe(LESSON.held);
    card = await decide(bot, anouk, card, 'hold');
    expect(textIn(card)).toContain(t('nl', 'lessons.review.doneHeld'));
    // A held lesson comes back to her later.
    expect(textIn(card)).toContain(t('nl', 'lessons.review.statusHeld'));
    expect([storedCase(bot, ids[1]).lessonStatus, storedCase(bot, ids[2]).lessonStatus, storedCase(bot, ids[3]).lessonStatus]).toEqual(['rejected', 'held', undefined]);
  });

  it('when the delay has passed but only 4 cases of the category were closed in the unit, then no posting carries the lesson', async () => {
    const closedAt = Date.parse(storedCase(bot, ids[0]).closedAt!);
    await runAgendaUntil(bot, closedAt + 45 * DAY);
    expect(channelCards(bot).length).toBeGreaterThanOrEqual(6);
    expect(lessonCards(bot)).toEqual([]);
  });

  let secondClosedAt = 0;
  let postingsBefore = 0;

  it('when the fifth case closes (with a second lesson, approved), then the next posting is the first lesson, with no reference and no name', async () => {
    // Close the fifth so that the posting five weeks from the next one falls 29 days and 3 hours after it: the second lesson's delay minus one day.
    const nextPostAt = Date.parse(storedTeam(bot).nextPostAt!);
    secondClosedAt = nextPostAt + 5 * 60_000 + 5 * 7 * DAY - (29 * DAY + 3 * 3_600_000);
    await runAgendaUntil(bot, secondClosedAt);
    expect(lessonCards(bot)).toEqual([]);
    // Anouk has the held lesson open when the new proposal comes in.
    const heldCard = await openReview(bot, anouk);
    expect(inputs(heldCard).find((input) => input.id === 'lessonText')?.value).toBe(LESSON.held);
    expect((await closeAs(bot, ids[4], { text: LESSON.second, unit: 'u-clas-11' })).task.type).toBe('message');
    // Her approval of the held one with a name comes back on the held one (its buttons, her text), not on the new proposal.
    const warned = await decide(bot, anouk, heldCard, 'approve', `${LESSON.held} Met Anouk Meijer.`);
    expect(textIn(warned)).toContain(t('nl', 'validation.lessonNamesPerson'));
    expect(inputs(warned).find((input) => input.id === 'lessonText')?.value).toBe(`${LESSON.held} Met Anouk Meijer.`);
    const heldId = storedCase(bot, ids[2]).lesson!.id;
    expect(allObjects(warned).filter((item) => item.type === 'Action.Submit' && (item.data as { decision?: string }).decision).map((action) => vmOf(action).lessonId)).toEqual([heldId, heldId, heldId]);
    expect(storedCase(bot, ids[2]).lessonStatus).toBe('held');
    expect(storedCase(bot, ids[4]).closedAt).toBe(new Date(secondClosedAt).toISOString());
    await decide(bot, anouk, await openReview(bot, anouk), 'approve', LESSON.second);
    expect(storedCase(bot, ids[4]).lessonStatus).toBe('approved');
    postingsBefore = channelCards(bot).length;

    await runAgendaUntil(bot, Date.parse(storedTeam(bot).nextPostAt!) + 10 * 60_000);
    const posted = channelCards(bot).slice(postingsBefore);
    expect(posted).toHaveLength(1);
    const [lesson] = posted;
    const text = textIn(lesson);
    expect(text).toContain('Geleerde les');
    expect(text).toContain(LESSON.firstEdited);
    expect(text).not.toContain(LESSON.second);
    // Only the action-owner choices name the team's own members; the lesson and everything around it name nobody and no case.
    const shown = visibleTexts(lesson).join('\n');
    for (const reference of references) expect(JSON.stringify(lesson)).not.toContain(reference);
    for (const name of ['Daan', 'Willems', 'Jeroen', 'van den Berg', 'Smeets', 'Anouk', 'Meijer', 'Lotte']) expect(shown).not.toContain(name);
    expect(JSON.stringify(lesson)).not.toContain(ids[0]);
  });

  it('when the second lesson is one day short of its delay (29 days after its case closed), then the posting is another topic', async () => {
    await runAgendaUntil(bot, secondClosedAt + 29 * DAY + 4 * 3_600_000);
    const justBefore = storedTeam(bot).postings.find((posting) => Date.parse(posting.postedAt) >= secondClosedAt + 29 * DAY && Date.parse(posting.postedAt) < secondClosedAt + 30 * DAY);
    expect(justBefore).toBeDefined();
    expect(justBefore!.topicId).not.toMatch(/^lesson\//);
    expect(channelCards(bot).filter((card) => textIn(card).includes(LESSON.second))).toEqual([]);
  });

  it('when the delay has passed, then the next posting is the second lesson (for the brigade, so also this battalion team)', async () => {
    const before = channelCards(bot).length;
    await runAgendaUntil(bot, Date.parse(storedTeam(bot).nextPostAt!) + 10 * 60_000);
    expect(Date.parse(storedTeam(bot).postings.at(-1)!.postedAt)).toBeGreaterThanOrEqual(secondClosedAt + 30 * DAY);
    const posted = channelCards(bot).slice(before);
    expect(posted).toHaveLength(1);
    expect(textIn(posted[0])).toContain(LESSON.second);
    expect(storedTeam(bot).postings.at(-1)!.topicId).toMatch(/^lesson\//);
  });

  it('when the team’s owner opens the team agenda in the tab, then both posted lessons show their card’s title, and nothing of their text or cases', async () => {
    const response = await fetch(`${bot.host.url}/api/tab/team-agenda`, { headers: { authorization: `Developer ${jeroen.aadObjectId}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { teams: { postings: { postingId: string; topicTitle?: { nl: string; en: string } }[] }[] };

    const shown = body.teams[0].postings;
    const lessonPostingIds = storedTeam(bot)
      .postings.filter((posting) => posting.topicId.startsWith('lesson/'))
      .map((posting) => posting.id);
    expect(lessonPostingIds).toHaveLength(2);
    expect(shown.filter((posting) => lessonPostingIds.includes(posting.postingId)).map((posting) => posting.topicTitle)).toEqual([
      { nl: 'Geleerde les', en: 'Lesson learned' },
      { nl: 'Geleerde les', en: 'Lesson learned' },
    ]);
    // Every posting shown has its title: none is "no longer in the library".
    expect(shown.every((posting) => posting.topicTitle !== undefined)).toBe(true);
    const everything = JSON.stringify(body);
    for (const secret of [...references, ...ids, 'LES-', 'Korporaal Smeets']) expect(everything).not.toContain(secret);
  });

  it('when the team records the lesson as discussed, then it counts like any topic, and rejected or held lessons were never posted', async () => {
    const postingId = storedTeam(bot).postings.at(-1)!.id;
    const response = await bot.send(channelCardAction(daan, bot.connector.serviceUrl, team, 'topicDiscussed', { postingId }));
    expect(response.status).toBe(200);
    expect(storedTeam(bot).postings.at(-1)).toMatchObject({ id: postingId, status: 'discussed' });
    await runAgendaUntil(bot, Date.parse(storedTeam(bot).nextPostAt!) + 30 * 7 * DAY);
    const everything = channelCards(bot).map((card) => JSON.stringify(card)).join('\n');
    expect(everything).not.toContain(LESSON.rejected);
    expect(everything).not.toContain(LESSON.held);
    expect(everything).not.toContain('LES-9999');
  });
});
