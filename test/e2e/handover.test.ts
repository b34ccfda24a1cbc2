import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { t } from '../../cards/i18n';
import { actions, adaptiveCardsProblems, allObjects, elementAfterInput, inputs, PEOPLE_PICKER_QUERY, schemaErrors, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';
import { anouk, daan, esther, fatima, jeroen, lotte, REFERENCE, sophie } from '../fixtures/demoPeople';


// People of the demo organisation (config/directory.demo.json): Jeroen (compagniescommandant) is the manager of Daan and
// Sophie; Lotte succeeds him; Anouk coordinates CLAS, and so 11 Infanteriebataljon below it; Fatima is the central Meldpunt.

/** What the reporters type: none of it may reach a chat message or a log line. */
const TYPED = {
  description1: 'Tijdens de schietoefening pakte een collega steeds mijn uitrusting af en lachte erom.',
  involved1: 'Korporaal Smeets van het tweede peloton',
  description2: 'Bij het appèl werd ik uitgescholden waar iedereen bij stond.',
  involved2: 'Lotte Peters stond erbij en lachte mee',
  description3: 'A colleague keeps making jokes about my accent during lunch in the mess.',
  involved3: 'Soldaat Bakker',
  description4: 'Na de dienst werd mijn kluisje opengebroken en mijn telefoon meegenomen.',
  involved4: 'Onbekend, iemand van de nachtdienst',
};

/** Commandant of Zr.Ms. Evertsen (Commando Zeestrijdkrachten): outside the army's unit tree. */
const RIK_JACOBS = '00000000-0000-4000-8000-000000000020';
/** The second vertrouwenspersoon of 11 Luchtmobiele Brigade, beside Esther. */
const kevin: TeamsUser = { id: '29:1kevin', aadObjectId: '00000000-0000-4000-8000-000000000012', name: 'Kevin Vos', locale: 'nl-NL' };

function lineReport(involved: string, description: string): StepInputs {
  return {
    what: { categories: 'bullying' },
    want: { kind: 'report', preferMeldpunt: 'false' },
    identity: { identity: 'named' },
    involved: { involved, managerInvolved: 'no' },
    details: { description },
    support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
  };
}

/** Submits a named melding through the whole wizard and returns its reference. */
async function report(bot: BotHarness, user: TeamsUser, involved: string, description: string): Promise<string> {
  const receipt = dialogCardOf(await submitReview(bot, user, await walkToReview(bot, user, lineReport(involved, description))));
  return REFERENCE.exec(textIn(receipt))![0];
}

function storedCase(bot: BotHarness, reference: string): CaseRecord {
  return readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!;
}

/** All text of the cards in a person's 1:1 chat, each card checked to parse and validate. */
function chatText(bot: BotHarness, user: TeamsUser): string {
  const cards = bot.connector.cardsSentTo(personalConversationId(user));
  for (const card of cards) {
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(schemaErrors(card)).toEqual([]);
  }
  return cards.map((card) => textIn(card)).join('\n');
}

/** Types a message in the user's 1:1 chat and returns the card the bot answered with. */
async function type(bot: BotHarness, user: TeamsUser, text: string): Promise<Record<string, any>> {
  const before = bot.connector.cardsSentTo(personalConversationId(user)).length;
  await bot.send(personalMessage(user, bot.connector.serviceUrl, text));
  const cards = bot.connector.cardsSentTo(personalConversationId(user));
  expect(cards).toHaveLength(before + 1);
  return cards[before];
}

/** Opens the handover dialog with the chat card's button, as Teams does (`task/fetch` with the button's data). */
async function openHandover(bot: BotHarness, user: TeamsUser, chatCard: object): Promise<Record<string, any>> {
  const [button] = actions(chatCard);
  const { msteams: _msteams, ...data } = button.data as Record<string, unknown>;
  return dialogCardOf((await bot.send(taskFetch(user, bot.connector.serviceUrl, data))).body);
}

function picker(card: object, id: string): Record<string, any> | undefined {
  return inputs(card).find((input) => input.id === id);
}

function facts(card: object): { title: string; value: string }[] {
  return allObjects(card).find((item) => item.type === 'FactSet')!.facts as { title: string; value: string }[];
}

describe('overdracht: a coordinator hands a leaving commander’s open cases to his successor, through POST /api/messages', () => {
  let bot: BotHarness;
  const refs: Record<'plain' | 'namesLotte' | 'sophie' | 'later', string> = { plain: '', namesLotte: '', sophie: '', later: '' };

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [anouk, lotte, jeroen, daan, sophie, fatima]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    bot.connector.clear();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when Daan and Sophie report via the line, then their manager Jeroen handles all three cases', async () => {
    refs.plain = await report(bot, daan, TYPED.involved1, TYPED.description1);
    refs.namesLotte = await report(bot, daan, TYPED.involved2, TYPED.description2);
    refs.sophie = await report(bot, sophie, TYPED.involved3, TYPED.description3);
    const jeroensChat = chatText(bot, jeroen);
    for (const reference of [refs.plain, refs.namesLotte, refs.sophie]) {
      expect(jeroensChat).toContain(reference);
      expect(storedCase(bot, reference)).toMatchObject({ isOpen: true, routing: { rule: 'r8_line' }, assignment: { role: 'line_manager' } });
    }
  });

  it('when Daan, who coordinates nothing, asks for the handover, then he can only hand over his own cases, and handing over Jeroen’s is refused with nothing moved', async () => {
    const chatCard = await type(bot, daan, 'overdracht');
    const dialog = await openHandover(bot, daan, chatCard);
    expect(inputs(dialog).map((input) => input.id)).toEqual(['toPerson']);
    expect(textIn(dialog)).toContain(daan.name);
    expect(textIn(dialog)).toContain(t('nl', 'handover.ownOnly'));
    // The successors offered are people of his unit tree, not himself.
    const offered = (picker(dialog, 'toPerson')!.choices as { value: string }[]).map((choice) => choice.value);
    expect(offered).toEqual(expect.arrayContaining([jeroen.aadObjectId, lotte.aadObjectId]));
    expect(offered).not.toContain(daan.aadObjectId);

    const before = [refs.plain, refs.namesLotte, refs.sophie].map((reference) => storedCase(bot, reference));
    const lottesCards = bot.connector.cardsSentTo(personalConversationId(lotte)).length;
    // A forged submit: Teams would only send the inputs on the card, but anyone can post anything.
    const refused = dialogCardOf(
      (await bot.send(taskSubmit(daan, bot.connector.serviceUrl, { fromPerson: jeroen.aadObjectId, toPerson: lotte.aadObjectId, vm: buttonVm(dialog, 'submit') }))).body,
    );
    expect(textIn(refused)).toContain(t('nl', 'validation.handoverNotAllowed'));
    expect(inputs(refused).map((input) => input.id)).toEqual(['toPerson']);
    expect(picker(refused, 'toPerson')!.value).toBe(lotte.aadObjectId);

    expect([refs.plain, refs.namesLotte, refs.sophie].map((reference) => storedCase(bot, reference))).toEqual(before);
    expect(bot.connector.cardsSentTo(personalConversationId(lotte))).toHaveLength(lottesCards);
  });

  it('when Anouk types "overdracht", then her chat gets a card without content whose button opens the handover dialog', async () => {
    const chatCard = await type(bot, anouk, 'overdracht');
    expect(textIn(chatCard)).toContain(t('nl', 'notices.handover.title'));
    expect(inputs(chatCard)).toEqual([]);
    expect(actions(chatCard).map((action) => [action.type, action.title, action.data])).toEqual([
      ['Action.Submit', t('nl', 'handover.open'), { msteams: { type: 'task/fetch' }, vm: { dialog: 'handover', nav: 'next' } }],
    ]);
  });

  it('when Anouk opens the dialog, then she picks whose cases and the successor from people of her units, with the people picker too', async () => {
    const dialog = await openHandover(bot, anouk, bot.connector.cardsSentTo(personalConversationId(anouk)).at(-1)!);
    expect(textIn(dialog)).toContain(t('nl', 'handover.whatHappens.excluded'));
    for (const id of ['fromPerson', 'toPerson']) {
      const input = picker(dialog, id)!;
      expect(input['choices.data']).toEqual(PEOPLE_PICKER_QUERY);
      const names = (input.choices as { title: string }[]).map((choice) => choice.title);
      expect(names).toEqual(expect.arrayContaining([jeroen.name, lotte.name, daan.name]));
      // She may hand over her own cases, but never to herself.
      if (id === 'fromPerson') expect(names).toContain(anouk.name);
      else expect(names).not.toContain(anouk.name);
      // Not in a unit she coordinates (Commando Zeestrijdkrachten, the central staff).
      expect(names).not.toContain('Rik Jacobs');
      expect(names).not.toContain(fatima.name);
    }
  });

  it('when Anouk forgets the successor or picks the same person, then the form comes back with the message next to the field and her choice kept', async () => {
    const dialog = await openHandover(bot, anouk, bot.connector.cardsSentTo(personalConversationId(anouk)).at(-1)!);
    const submit = buttonVm(dialog, 'submit');
    const missing = dialogCardOf((await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { fromPerson: jeroen.aadObjectId, toPerson: '', vm: submit }))).body);
    expect(elementAfterInput(missing, 'toPerson')).toMatchObject({ color: 'attention', text: t('nl', 'validation.pickSuccessor') });
    expect(picker(missing, 'fromPerson')!.value).toBe(jeroen.aadObjectId);

    const same = dialogCardOf((await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { fromPerson: jeroen.aadObjectId, toPerson: jeroen.aadObjectId, vm: submit }))).body);
    expect(elementAfterInput(same, 'toPerson')).toMatchObject({ color: 'attention', text: t('nl', 'validation.sameAsHandler') });
    expect(picker(same, 'fromPerson')!.value).toBe(jeroen.aadObjectId);
    expect(storedCase(bot, refs.plain).history.map((event) => event.type)).not.toContain('reassigned');
  });

  it('when Anouk picks herself as the successor, then it is refused next to the field and nothing moves to her', async () => {
    const dialog = await openHandover(bot, anouk, bot.connector.cardsSentTo(personalConversationId(anouk)).at(-1)!);
    const before = [refs.plain, refs.namesLotte, refs.sophie].map((reference) => storedCase(bot, reference));
    const refused = dialogCardOf((await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { fromPerson: jeroen.aadObjectId, toPerson: anouk.aadObjectId, vm: buttonVm(dialog, 'submit') }))).body);
    expect(elementAfterInput(refused, 'toPerson')).toMatchObject({ color: 'attention', text: t('nl', 'validation.notYourself') });
    expect([refs.plain, refs.namesLotte, refs.sophie].map((reference) => storedCase(bot, reference))).toEqual(before);
    expect(chatText(bot, anouk)).not.toMatch(REFERENCE);
  });

  it('when Anouk hands Jeroen’s cases to Lotte, then two go to Lotte, the one naming her goes to the Meldpunt, and the dialog shows the counts and no reference', async () => {
    const dialog = await openHandover(bot, anouk, bot.connector.cardsSentTo(personalConversationId(anouk)).at(-1)!);
    const response = await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { fromPerson: jeroen.aadObjectId, toPerson: lotte.aadObjectId, vm: buttonVm(dialog, 'submit') }));
    const result = dialogCardOf(response.body);
    expect(response.body.task.value.title).toBe(t('nl', 'dialog.handoverTitle'));
    expect(textIn(result)).toContain(t('nl', 'handover.done.intro', { from: jeroen.name }));
    expect(facts(result)).toEqual([
      { title: t('nl', 'handover.done.toSuccessor', { to: lotte.name }), value: '2' },
      { title: t('nl', 'handover.done.toFallback'), value: '1' },
      { title: t('nl', 'handover.done.notMoved'), value: '0' },
    ]);
    // Counts only: which case went to the Meldpunt would tell Anouk whom that case excludes.
    expect(textIn(result)).not.toMatch(REFERENCE);
    expect(actions(result).map(vmOf)).toEqual([{ dialog: 'handover', nav: 'close' }]);

    for (const reference of [refs.plain, refs.sophie]) {
      expect(storedCase(bot, reference)).toMatchObject({ isOpen: true, assignment: { role: 'line_manager' } });
      expect(storedCase(bot, reference).history.at(-1)).toMatchObject({ type: 'reassigned', detail: { reason: 'handover' } });
    }
    expect(storedCase(bot, refs.namesLotte)).toMatchObject({ isOpen: true, assignment: { role: 'meldpunt' } });
    expect(storedCase(bot, refs.namesLotte).history.at(-1)).toMatchObject({ type: 'reassigned', detail: { reason: 'handover_successor_excluded' } });

    const lottesChat = chatText(bot, lotte);
    expect(lottesChat).toContain(refs.plain);
    expect(lottesChat).toContain(refs.sophie);
    expect(lottesChat).not.toContain(refs.namesLotte);
    expect(chatText(bot, fatima)).toContain(refs.namesLotte);
  });

  it('when the cases moved, then each reporter is told the new role, never the successor’s name', () => {
    const daansChat = chatText(bot, daan);
    expect(daansChat).toContain(t('nl', 'reporter.notice.reassigned.title', { role: t('nl', 'roles.line_manager') }));
    expect(daansChat).toContain(t('nl', 'reporter.notice.reassigned.title', { role: t('nl', 'roles.meldpunt') }));
    expect(chatText(bot, sophie)).toContain(t('en', 'reporter.notice.reassigned.title', { role: t('en', 'roles.line_manager') }));
    for (const reporter of [daan, sophie]) expect(chatText(bot, reporter)).not.toContain('Lotte');
  });

  it('when the handover is asked again, then nothing is left with Jeroen', async () => {
    const dialog = await openHandover(bot, anouk, bot.connector.cardsSentTo(personalConversationId(anouk)).at(-1)!);
    const again = dialogCardOf((await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { fromPerson: jeroen.aadObjectId, toPerson: lotte.aadObjectId, vm: buttonVm(dialog, 'submit') }))).body);
    expect(textIn(again)).toContain(t('nl', 'handover.done.none', { from: jeroen.name }));
  });

  it('when Jeroen, who coordinates nothing, names someone outside his unit tree (the navy) as successor, then it is refused and his new case stays with him', async () => {
    refs.later = await report(bot, daan, TYPED.involved4, TYPED.description4);
    expect(chatText(bot, jeroen)).toContain(refs.later);
    const dialog = await openHandover(bot, jeroen, await type(bot, jeroen, 'handover'));
    const refused = dialogCardOf((await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { toPerson: RIK_JACOBS, vm: buttonVm(dialog, 'submit') }))).body);
    expect(elementAfterInput(refused, 'toPerson')).toMatchObject({ color: 'attention', text: t('nl', 'validation.outsideUnitTree') });
    expect(storedCase(bot, refs.later).history.map((event) => event.type)).not.toContain('reassigned');
  });

  it('when Jeroen hands over his own new case himself, then it goes to Lotte', async () => {

    const chatCard = await type(bot, jeroen, 'handover');
    const dialog = await openHandover(bot, jeroen, chatCard);
    expect(inputs(dialog).map((input) => input.id)).toEqual(['toPerson']);
    expect(textIn(dialog)).toContain(jeroen.name);
    const result = dialogCardOf((await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { toPerson: lotte.aadObjectId, vm: buttonVm(dialog, 'submit') }))).body);
    expect(facts(result)).toEqual([
      { title: t('nl', 'handover.done.toSuccessor', { to: lotte.name }), value: '1' },
      { title: t('nl', 'handover.done.toFallback'), value: '0' },
      { title: t('nl', 'handover.done.notMoved'), value: '0' },
    ]);
    expect(storedCase(bot, refs.later).history.at(-1)).toMatchObject({ type: 'reassigned', detail: { reason: 'handover' } });
    expect(chatText(bot, lotte)).toContain(refs.later);
  });

  it('when the dialog is closed, then Teams gets no card back', async () => {
    const closed = await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'handover', nav: 'close' } }));
    expect(closed.status).toBe(200);
    expect(closed.body?.task).toBeUndefined();
  });

  it('when everything sent to a chat and every log line is read, then nothing the reporters typed is in it', () => {
    const sent = bot.connector.sentText();
    const logs = bot.logs.join('\n');
    for (const typed of Object.values(TYPED)) {
      expect(sent).not.toContain(typed);
      expect(logs).not.toContain(typed);
    }
  });
});

describe('overdracht of a vertrouwenspersoon’s cases: only to someone who holds the role, and never depending on who reported', () => {
  let bot: BotHarness;
  let anonymousRef = '';

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [anouk, esther, kevin, jeroen, fatima]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    bot.connector.clear();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when Esther, herself a vertrouwenspersoon, asks for advice anonymously, then her colleague Kevin gets the case', async () => {
    const journey: StepInputs = {
      what: { categories: 'bullying' },
      want: { kind: 'advice', preferMeldpunt: 'false' },
      identity: { identity: 'anonymous' },
      involved: { involved: TYPED.involved3, managerInvolved: 'no' },
      details: { description: TYPED.description3 },
      support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
    };
    const receipt = dialogCardOf(await submitReview(bot, esther, await walkToReview(bot, esther, journey)));
    anonymousRef = REFERENCE.exec(textIn(receipt))![0];
    expect(storedCase(bot, anonymousRef)).toMatchObject({ identity: 'anonymous', assignment: { role: 'vertrouwenspersoon' } });
    expect(chatText(bot, kevin)).toContain(anonymousRef);
  });

  it('when Anouk hands Kevin’s cases to Esther, then the answer is the one any vertrouwenspersoon gets: the case goes to her, and the dialog names no reference', async () => {
    const dialog = await openHandover(bot, anouk, await type(bot, anouk, 'overdracht'));
    const result = dialogCardOf((await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { fromPerson: kevin.aadObjectId, toPerson: esther.aadObjectId, vm: buttonVm(dialog, 'submit') }))).body);
    // Today's answer would have been "1 to the Meldpunt" and the reference: Esther named as its anonymous reporter.
    expect(facts(result)).toEqual([
      { title: t('nl', 'handover.done.toSuccessor', { to: esther.name }), value: '1' },
      { title: t('nl', 'handover.done.toFallback'), value: '0' },
      { title: t('nl', 'handover.done.notMoved'), value: '0' },
    ]);
    expect(textIn(result)).not.toMatch(REFERENCE);
    expect(storedCase(bot, anonymousRef)).toMatchObject({ assignment: { role: 'vertrouwenspersoon', unitId: 'u-clas-11' } });
  });

  it('when Anouk hands Esther’s cases to Jeroen, who is no vertrouwenspersoon, then they go to the Meldpunt, not to him in her role', async () => {
    const dialog = await openHandover(bot, anouk, await type(bot, anouk, 'overdracht'));
    const result = dialogCardOf((await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { fromPerson: esther.aadObjectId, toPerson: jeroen.aadObjectId, vm: buttonVm(dialog, 'submit') }))).body);
    expect(facts(result)).toEqual([
      { title: t('nl', 'handover.done.toSuccessor', { to: jeroen.name }), value: '0' },
      { title: t('nl', 'handover.done.toFallback'), value: '1' },
      { title: t('nl', 'handover.done.notMoved'), value: '0' },
    ]);
    expect(storedCase(bot, anonymousRef)).toMatchObject({ assignment: { role: 'meldpunt' } });
    expect(chatText(bot, jeroen)).not.toContain(anonymousRef);
    expect(chatText(bot, fatima)).toContain(anonymousRef);
  });
});
