import type { CaseRecord } from '../../bot/app/cases/casePorts';
import type { OutboxItem } from '../../bot/app/outbox/outboxPorts';
import { t } from '../../cards/i18n';
import { actions, adaptiveCardsProblems, schemaErrors, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, cardAction, personalConversationId, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';
import { daan, fatima, jeroen, lotte, REFERENCE, sophie } from '../fixtures/demoPeople';

const SECRET = /[346789ABCDEFGHJKMNPQRTWXY]{4}(-[346789ABCDEFGHJKMNPQRTWXY]{4}){3}/;

// People of the demo organisation (config/directory.demo.json): Daan's manager is Jeroen; Lotte is Jeroen's manager; Fatima is the central Meldpunt.

const TYPED = {
  description: 'Een collega neemt steeds mijn spullen af en lacht me uit in de kantine.',
  involved: 'Korporaal Smeets',
  question: 'Kun je vertellen op welke dagen dit gebeurde en of er getuigen waren?',
  answer: 'Maandag en woensdag, twee collega van de keuken zagen het.',
  closing: 'Ik heb met de korporaal gesproken; hij biedt excuses aan en het stopt.',
};

const lineReport: StepInputs = {
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'named' },
  involved: { involved: TYPED.involved, managerInvolved: 'no' },
  details: { description: TYPED.description },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
};

/** The newest card the bot sent to a person's 1:1 chat, checked to parse and validate. */
function lastCardTo(bot: BotHarness, user: TeamsUser): Record<string, any> {
  const cards = bot.connector.cardsSentTo(personalConversationId(user));
  expect(cards.length).toBeGreaterThan(0);
  const card = cards[cards.length - 1];
  expect(adaptiveCardsProblems(card)).toEqual([]);
  expect(schemaErrors(card)).toEqual([]);
  return card;
}

function storedCase(bot: BotHarness, reference: string): CaseRecord {
  return readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!;
}

function expectNoTypedTextSent(bot: BotHarness): void {
  const sent = bot.connector.sentText();
  for (const typed of Object.values(TYPED)) expect(sent).not.toContain(typed);
}

describe('a case from submission to feedback, through POST /api/messages', () => {
  let bot: BotHarness;
  let reference = '';
  let caseId = '';

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [daan, jeroen, lotte, fatima]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    bot.connector.clear();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when Daan submits a named melding, then his manager Jeroen gets a task card with the reference but none of the content', async () => {
    const receipt = dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, lineReport)));
    reference = REFERENCE.exec(textIn(receipt))![0];
    const card = lastCardTo(bot, jeroen);
    expect(textIn(card)).toContain(reference);
    expect(card.refresh).toMatchObject({ action: { verb: 'refreshCase' }, userIds: [jeroen.id] });
    caseId = card.refresh.action.data.caseId;
    expect(storedCase(bot, reference)).toMatchObject({ state: 'submitted', routing: { role: 'line_manager', rule: 'r8_line' }, assignment: { role: 'line_manager' } });
    expectNoTypedTextSent(bot);
  });

  it('when someone else presses Jeroen\'s acknowledge button, then they are refused and nothing changes', async () => {
    const before = storedCase(bot, reference);
    const response = await bot.send(cardAction(lotte, bot.connector.serviceUrl, 'acknowledgeCase', { caseId }));
    expect(response.status).toBe(200);
    expect(textIn(response.body.value)).toContain(t('nl', 'handler.task.notForYou'));
    expect(actions(response.body.value).filter((action) => action.verb !== 'refreshCase')).toEqual([]);
    const opened = await bot.send(taskFetch(lotte, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId } }));
    expect(textIn(dialogCardOf(opened.body))).toContain(t('nl', 'errors.forbidden'));
    expect(textIn(dialogCardOf(opened.body))).not.toContain(TYPED.description);
    const after = storedCase(bot, reference);
    expect(after.state).toBe('submitted');
    expect(after.history).toEqual(before.history);
  });

  it('when someone else presses a button on Jeroen\'s case, or the card refreshes for them, then nothing in the answer says who handles it', async () => {
    for (const verb of ['acknowledgeCase', 'refreshCase']) {
      const response = await bot.send(cardAction(lotte, bot.connector.serviceUrl, verb, { caseId }));
      expect(textIn(response.body.value)).toContain(t('nl', 'handler.task.notForYou'));
      const answer = JSON.stringify(response.body);
      expect(answer).not.toContain(jeroen.aadObjectId);
      expect(answer).not.toContain(jeroen.id);
      expect(response.body.value.refresh.userIds).toEqual([lotte.id]);
    }
  });

  it('when Jeroen acknowledges, then his card shows the new state and Daan\'s chat gets a notice without content', async () => {
    bot.connector.clear();
    const response = await bot.send(cardAction(jeroen, bot.connector.serviceUrl, 'acknowledgeCase', { caseId }));
    expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textIn(response.body.value)).toContain(t('nl', 'states.acknowledged.title'));
    const notice = lastCardTo(bot, daan);
    expect(textIn(notice)).toContain(reference);
    expect(textIn(notice)).toContain(t('nl', 'reporter.notice.acknowledged.title'));
    expect(storedCase(bot, reference).state).toBe('acknowledged');
  });

  it('when Jeroen opens the case, then the dialog shows the report and the opening is in the history', async () => {
    const opened = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId } }))).body);
    expect(textIn(opened)).toContain(TYPED.description);
    expect(textIn(opened)).toContain(TYPED.involved);
    expect(textIn(opened)).toContain('Daan Willems');
    expect(storedCase(bot, reference).history.at(-1)).toMatchObject({ type: 'content_opened' });
  });

  it('when Jeroen asks a question without text, then the form comes back with the message next to the field', async () => {
    const form = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseQuestion', nav: 'next', caseId } }))).body);
    const submit = actions(form).map(vmOf).find((vm) => vm.nav === 'submit')!;
    const again = dialogCardOf((await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { message: '  ', vm: submit }))).body);
    expect(textIn(again)).toContain(t('nl', 'validation.messageRequired'));
  });

  it('when Jeroen closes with an outcome that is not offered and no message, then the close form comes back with both messages and the case stays open; Lotte, who is not the handler, gets "no access" and not the case', async () => {
    const form = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseClose', nav: 'next', caseId } }))).body);
    const submit = actions(form).map(vmOf).find((vm) => vm.nav === 'submit')!;
    const again = dialogCardOf((await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { outcome: 'deleted', message: ' ', vm: submit }))).body);
    expect(textIn(again)).toContain(t('nl', 'validation.pickOutcome'));
    expect(textIn(again)).toContain(t('nl', 'validation.messageRequired'));
    expect(textIn(again)).toContain(reference);
    expect(storedCase(bot, reference).state).not.toBe('closed');

    const forged = dialogCardOf((await bot.send(taskSubmit(lotte, bot.connector.serviceUrl, { outcome: 'deleted', message: ' ', vm: submit }))).body);
    expect(textIn(forged)).toContain(t('nl', 'errors.forbidden'));
    expect(textIn(forged)).not.toContain(reference);
  });

  it('when Jeroen asks a question, then Daan reads it in a dialog and answers, and Jeroen hears about the answer', async () => {
    bot.connector.clear();
    const form = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseQuestion', nav: 'next', caseId } }))).body);
    const asked = await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { message: TYPED.question, vm: actions(form).map(vmOf).find((vm) => vm.nav === 'submit') }));
    expect(asked.body.task).toMatchObject({ type: 'message' });
    const notice = lastCardTo(bot, daan);
    expect(textIn(notice)).toContain(t('nl', 'reporter.notice.question.title'));
    const open = actions(notice).map(vmOf).find((vm) => vm.dialog === 'caseMessages')!;

    const view = dialogCardOf((await bot.send(taskFetch(daan, bot.connector.serviceUrl, { vm: open }))).body);
    expect(textIn(view)).toContain(TYPED.question);
    const send = actions(view).map(vmOf).find((vm) => vm.nav === 'submit')!;
    const answered = dialogCardOf((await bot.send(taskSubmit(daan, bot.connector.serviceUrl, { answer: TYPED.answer, vm: send }))).body);
    expect(textIn(answered)).toContain(t('nl', 'reporter.sent'));

    const news = lastCardTo(bot, jeroen);
    expect(textIn(news)).toContain(t('nl', 'handler.news.answered'));
    expect(storedCase(bot, reference)).toMatchObject({ state: 'in_progress', openQuestion: false });
    expectNoTypedTextSent(bot);
  });

  it('when Teams refreshes the news card as Jeroen views it, then the refreshed card still says the reporter answered; a made-up news value shows no line', async () => {
    const news = lastCardTo(bot, jeroen);
    expect(news.refresh.action.data).toEqual({ caseId, news: 'answered' });
    const refreshed = await bot.send(cardAction(jeroen, bot.connector.serviceUrl, 'refreshCase', news.refresh.action.data));
    expect(textIn(refreshed.body.value)).toContain(t('nl', 'handler.news.answered'));
    expect(textIn(refreshed.body.value)).toContain(t('nl', 'states.in_progress.title'));
    // The refreshed card carries it on, for the next refresh.
    expect(refreshed.body.value.refresh.action.data).toEqual({ caseId, news: 'answered' });
    for (const made of ['../done.closed', 'answered.title', 'x'.repeat(500)]) {
      const odd = await bot.send(cardAction(jeroen, bot.connector.serviceUrl, 'refreshCase', { caseId, news: made }));
      expect(odd.status).toBe(200);
      expect(odd.body.value.refresh.action.data).toEqual({ caseId, news: '' });
      expect(textIn(odd.body.value)).not.toContain(t('nl', 'handler.news.answered'));
    }
  });

  it('when Jeroen closes the case, then Daan gets the closure and the two optional questions, and his answers are stored', async () => {
    bot.connector.clear();
    const form = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseClose', nav: 'next', caseId } }))).body);
    const submit = actions(form).map(vmOf).find((vm) => vm.nav === 'submit')!;
    await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { outcome: 'resolved', message: TYPED.closing, vm: submit }));

    const cards = bot.connector.cardsSentTo(personalConversationId(daan));
    expect(cards.map((card) => textIn(card)).join('\n')).toContain(t('nl', 'reporter.notice.closed.title'));
    const feedback = cards.find((card) => actions(card).some((action) => action.verb === 'giveFeedback'))!;
    expect(feedback).toBeDefined();
    const answered = await bot.send(cardAction(daan, bot.connector.serviceUrl, 'giveFeedback', { caseId, takenSeriously: '4', wouldReportAgain: '5' }));
    expect(textIn(answered.body.value)).toContain(t('nl', 'reporter.feedbackSent'));
    expect(storedCase(bot, reference)).toMatchObject({ state: 'closed', outcome: 'resolved', isOpen: false, feedback: { takenSeriously: 4, wouldReportAgain: 5 } });
    expectNoTypedTextSent(bot);

    const again = await bot.send(cardAction(jeroen, bot.connector.serviceUrl, 'acknowledgeCase', { caseId }));
    expect(textIn(again.body.value)).toContain(t('nl', 'errors.illegalTransition'));
  });

  it('when the history is read, then every step is there with its actor, and no entry holds content', () => {
    const record = storedCase(bot, reference);
    expect(record.history.map((event) => event.type)).toEqual([
      'submitted',
      'routed',
      'assigned',
      'acknowledged',
      'content_opened',
      'question_asked',
      'answered',
      'closed',
      'feedback_given',
    ]);
    expect(JSON.stringify(record.history)).not.toContain(TYPED.question);
  });
});

describe('an anonymous case: the relay works without the handler learning who reported', () => {
  let bot: BotHarness;
  let reference = '';
  let secret = '';
  let caseId = '';

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [sophie, fatima]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    bot.connector.clear();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when Sophie reports anonymously and the Meldpunt asks a question, then her notice arrives later, without reference, and she answers with reference and secret', async () => {
    const journey: StepInputs = { ...lineReport, identity: { identity: 'anonymous' }, details: { description: TYPED.description } };
    const receipt = textIn(dialogCardOf(await submitReview(bot, sophie, await walkToReview(bot, sophie, journey))));
    reference = REFERENCE.exec(receipt)![0];
    secret = SECRET.exec(receipt)![0];
    const task = lastCardTo(bot, fatima);
    caseId = task.refresh.action.data.caseId;

    const details = dialogCardOf((await bot.send(taskFetch(fatima, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId } }))).body);
    expect(textIn(details)).toContain(TYPED.description);
    expect(textIn(details)).not.toContain(sophie.name);

    const form = dialogCardOf((await bot.send(taskFetch(fatima, bot.connector.serviceUrl, { vm: { dialog: 'caseQuestion', nav: 'next', caseId } }))).body);
    await bot.send(taskSubmit(fatima, bot.connector.serviceUrl, { message: TYPED.question, vm: actions(form).map(vmOf).find((vm) => vm.nav === 'submit') }));
    expect(bot.connector.cardsSentTo(personalConversationId(sophie))).toEqual([]);

    bot.clock.advance(3 * 3_600_000);
    await bot.host.runTimer('deliverOutbox');
    const notice = lastCardTo(bot, sophie);
    expect(JSON.stringify(notice)).not.toContain(reference);
    expect(JSON.stringify(notice)).not.toContain(caseId);
    expect(vmOf(actions(notice)[0])).toMatchObject({ dialog: 'anonymousStatus' });
    const relayItems = readEmbeddedDocuments<OutboxItem>(bot.dataDir, 'outbox').filter((item) => item.recipient.kind === 'relay' && item.status === 'sent');
    expect(relayItems.length).toBeGreaterThan(0);
    for (const item of relayItems) {
      expect(item.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.activityId).toBeUndefined();
    }

    const form2 = dialogCardOf((await bot.send(taskFetch(sophie, bot.connector.serviceUrl, { vm: { dialog: 'anonymousStatus', nav: 'next' } }))).body);
    const view = dialogCardOf((await bot.send(taskSubmit(sophie, bot.connector.serviceUrl, { reference, secret, vm: buttonVm(form2, 'checkStatus') }))).body);
    expect(textIn(view)).toContain(TYPED.question);
    const send = actions(view).map(vmOf).find((vm) => vm.nav === 'submit')!;
    expect(send).toMatchObject({ reference, secret });
    expect(send.caseId).toBeUndefined();
    await bot.send(taskSubmit(sophie, bot.connector.serviceUrl, { answer: TYPED.answer, vm: send }));

    const reopened = dialogCardOf((await bot.send(taskFetch(fatima, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId } }))).body);
    expect(textIn(reopened)).toContain(TYPED.answer);
    expect(textIn(reopened)).not.toContain(sophie.name);
  });

  it('when someone guesses the secret, then the answer box is not reachable', async () => {
    const form = dialogCardOf((await bot.send(taskFetch(fatima, bot.connector.serviceUrl, { vm: { dialog: 'anonymousStatus', nav: 'next' } }))).body);
    const view = dialogCardOf((await bot.send(taskSubmit(fatima, bot.connector.serviceUrl, { reference, secret: 'AAAA-BBBB-CCCC-DDDD', vm: buttonVm(form, 'checkStatus') }))).body);
    expect(textIn(view)).toContain(t('nl', 'validation.referenceOrSecretWrong'));
    const forged = await bot.send(taskSubmit(fatima, bot.connector.serviceUrl, { answer: 'forged', vm: { dialog: 'caseMessages', nav: 'submit', reference, secret: 'AAAA-BBBB-CCCC-DDDD' } }));
    expect(textIn(dialogCardOf(forged.body))).toContain(t('nl', 'errors.notFound'));
  });
});
