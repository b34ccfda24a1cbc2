import type { CaseRecord } from '../../bot/app/cases/casePorts';
import type { OutboxItem } from '../../bot/app/outbox/outboxPorts';
import { t } from '../../cards/i18n';
import { actions, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, cardAction, personalConversationId, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { daan, fatima, jeroen, lotte, marieke, REFERENCE, sophie } from '../fixtures/demoPeople';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';

const SECRET = /[346789ABCDEFGHJKMNPQRTWXY]{4}(-[346789ABCDEFGHJKMNPQRTWXY]{4}){3}/;
const DAY = 86_400_000;

const TYPED = {
  description: 'Een collega neemt steeds mijn spullen af en lacht me uit in de kantine.',
  closing: 'Besproken met betrokkene; het is gestopt.',
  retaliation: 'Sinds mijn melding word ik niet meer ingedeeld voor oefeningen.',
  concerns: 'Ik slaap nog steeds slecht van wat er gebeurde.',
};

function report(identity: 'named' | 'anonymous', involved: string): StepInputs {
  return {
    what: { categories: 'bullying' },
    want: { kind: 'report', preferMeldpunt: 'false' },
    identity: { identity },
    involved: { involved, managerInvolved: 'no' },
    details: { description: TYPED.description },
    support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
  };
}

function cases(bot: BotHarness): CaseRecord[] {
  return readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases');
}

function checkInsTo(bot: BotHarness, user: TeamsUser): Record<string, any>[] {
  return bot.connector.cardsSentTo(personalConversationId(user)).filter((card) => textIn(card).includes(t(user.locale.startsWith('en') ? 'en' : 'nl', 'aftercare.checkIn.title')));
}

/** Who got the task card of a case (its refresh button names the case). */
function handlerOf(bot: BotHarness, caseId: string, people: TeamsUser[]): TeamsUser | undefined {
  return people.find((user) =>
    bot.connector.cardsSentTo(personalConversationId(user)).some((card) => (card as { refresh?: { action?: { data?: { caseId?: string } } } }).refresh?.action?.data?.caseId === caseId),
  );
}

async function closeAs(bot: BotHarness, handler: TeamsUser, caseId: string): Promise<void> {
  const form = dialogCardOf((await bot.send(taskFetch(handler, bot.connector.serviceUrl, { vm: { dialog: 'caseClose', nav: 'next', caseId } }))).body);
  await bot.send(taskSubmit(handler, bot.connector.serviceUrl, { outcome: 'resolved', message: TYPED.closing, vm: buttonVm(form, 'submit') }));
}

function expectNoTypedTextSent(bot: BotHarness): void {
  const sent = bot.connector.sentText();
  for (const typed of Object.values(TYPED)) expect(sent).not.toContain(typed);
}

describe('aftercare after a named case closes, through POST /api/messages', () => {
  let bot: BotHarness;
  let first: CaseRecord;
  let closedAt = 0;

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [daan, jeroen, lotte, fatima, marieke]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    // Daan's melding via the line names Fatima (the central Meldpunt) as involved: Jeroen, his manager, handles it.
    const receipt = textIn(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, report('named', 'Fatima El Amrani')))));
    first = cases(bot).find((item) => item.reference === REFERENCE.exec(receipt)![0])!;
    expect(handlerOf(bot, first.id, [jeroen])).toBe(jeroen);
    closedAt = bot.clock.now().getTime();
    await closeAs(bot, jeroen, first.id);
    bot.connector.clear();
  }, 60_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when the case closes, then check-ins are planned at 1, 3, 6 and 12 months, and nothing is sent in the first month', async () => {
    const stored = cases(bot).find((item) => item.id === first.id)!;
    expect(stored.aftercare).toMatchObject({ sent: 0, answered: 0 });
    expect(stored.aftercare!.moments.map((moment) => moment.slice(0, 10))).toEqual(['2026-12-30', '2027-02-28', '2027-05-30', '2027-11-30']);
    bot.clock.set(new Date(Date.parse(stored.aftercare!.moments[0]) - 3_600_000));
    await bot.host.runTimer('sendDueReminders');
    await bot.host.runTimer('deliverOutbox');
    expect(checkInsTo(bot, daan)).toEqual([]);
  });

  it('when a month has passed, then Daan gets one content-free check-in in his chat, with a button to answer and one to stop', async () => {
    bot.clock.set(new Date(closedAt + 31 * DAY));
    await bot.host.runTimer('sendDueReminders');
    await bot.host.runTimer('sendDueReminders');
    const [checkIn, ...more] = checkInsTo(bot, daan);
    expect(more).toEqual([]);
    expect(textIn(checkIn)).toContain(first.reference);
    expect(actions(checkIn).map((action) => action.verb ?? vmOf(action).dialog)).toEqual(['checkIn', 'stopCheckIns']);
    expect(cases(bot).find((item) => item.id === first.id)).toMatchObject({ aftercare: { sent: 1 }, nextCheckInAt: expect.stringMatching(/^2027-02-28/) });
    // Nobody else heard of it, and the handler's chat has nothing new.
    expect(checkInsTo(bot, jeroen)).toEqual([]);
    expect(bot.connector.cardsSentTo(personalConversationId(jeroen))).toEqual([]);
  });

  it('when Daan answers "negative consequences", then a linked retaliation case goes to someone outside the first case, and he gets a receipt with where and by when', async () => {
    const open = vmOf(actions(checkInsTo(bot, daan)[0]).find((action) => vmOf(action).dialog === 'checkIn')!);
    const dialog = dialogCardOf((await bot.send(taskFetch(daan, bot.connector.serviceUrl, { vm: open }))).body);
    const text = textIn(dialog);
    for (const key of ['counsellor', 'bmw', 'chaplain', 'doctor', 'ago'] as const) expect(text).toContain(t('nl', `aftercare.support.${key}`));
    expect(text).toContain(t('nl', 'dangerHelp.title'));

    const answered = dialogCardOf((await bot.send(taskSubmit(daan, bot.connector.serviceUrl, { answer: 'negative_consequences', text: TYPED.retaliation, vm: buttonVm(dialog, 'submit') }))).body);
    const receipt = textIn(answered);
    expect(receipt).toContain(t('nl', 'receipt.title'));
    expect(receipt).toContain(t('nl', 'receipt.routeShort.meldpunt'));
    const reference = REFERENCE.exec(receipt)![0];
    expect(reference).not.toBe(first.reference);
    // As for any named report, the receipt is in his chat too: once, with the reference, never what he typed.
    const chatReceipts = bot.connector.cardsSentTo(personalConversationId(daan)).filter((card) => textIn(card).includes(reference));
    expect(chatReceipts).toHaveLength(1);
    expect(textIn(chatReceipts[0])).toContain(t('nl', 'chatReceipt.title'));
    expect(textIn(chatReceipts[0])).not.toContain(TYPED.retaliation);

    const retaliation = cases(bot).find((item) => item.reference === reference)!;
    expect(retaliation).toMatchObject({ kind: 'report', identity: 'named', state: 'submitted', retaliationOf: { caseId: first.id }, routing: { role: 'meldpunt', fallback: 'manager_excluded' } });
    expect(retaliation.clocks!.length).toBeGreaterThan(0);
    expect(receipt).toContain(new Intl.DateTimeFormat('nl-NL', { day: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(retaliation.firstResponseDueAt!)));
    // Not the first case's handler (Jeroen), nor his manager (Lotte), nor Fatima, named as involved in the first: the central coordinator.
    expect(handlerOf(bot, retaliation.id, [jeroen, lotte, fatima, marieke])).toBe(marieke);
    // Her task card says it is a retaliation case, without naming the first one.
    const task = bot.connector.cardsSentTo(personalConversationId(marieke)).find((card) => (card as { refresh?: { action?: { data?: { caseId?: string } } } }).refresh?.action?.data?.caseId === retaliation.id)!;
    expect(textIn(task)).toContain(t('nl', 'handler.task.kindRetaliation', { kind: t('nl', 'kinds.report.title') }));
    expect(textIn(task)).toContain(t('nl', 'handler.task.retaliationLine'));
    expect(textIn(task)).not.toContain(first.reference);
    for (const excluded of [jeroen, lotte, fatima]) {
      const opened = dialogCardOf((await bot.send(taskFetch(excluded, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId: retaliation.id } }))).body);
      expect(textIn(opened)).toContain(t('nl', 'errors.forbidden'));
    }
    const details = dialogCardOf((await bot.send(taskFetch(marieke, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId: retaliation.id } }))).body);
    expect(textIn(details)).toContain(TYPED.retaliation);
    expect(textIn(details)).toContain(t('nl', 'history.retaliation_reported'));

    // The first case: an answer counted, sealed; its history says only that a check-in was answered.
    const stored = cases(bot).find((item) => item.id === first.id)!;
    expect(stored.aftercare).toMatchObject({ answered: 1, retaliationCaseIds: [retaliation.id], sealedReplies: { ct: expect.any(String) }, firstAnsweredAt: expect.any(String), firstNegativeAt: expect.any(String) });
    expect(stored.history.at(-1)).toEqual({ at: expect.any(String), actor: 'reporter', type: 'check_in_answered' });
    expect(JSON.stringify(stored)).not.toContain('negative_consequences');
    // Jeroen, who handled it, sees in its history that a check-in was answered, not what.
    const history = textIn(dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId: first.id } }))).body));
    expect(history).toContain(t('nl', 'history.check_in_answered'));
    for (const answer of ['fine', 'concerns', 'negative_consequences'] as const) expect(history).not.toContain(t('nl', `aftercare.answers.${answer}`));
    expect(history).not.toContain(TYPED.retaliation);
    expect(history).not.toContain(reference);
    expect(JSON.stringify(cases(bot))).not.toContain(TYPED.retaliation);
    expectNoTypedTextSent(bot);
    expect(bot.logs.join('\n')).not.toContain(TYPED.retaliation);
  });

  it('when Daan presses "stop" on the check-in, then the card says so and no check-in comes at 3, 6 or 12 months', async () => {
    const response = await bot.send(cardAction(daan, bot.connector.serviceUrl, 'stopCheckIns', { caseId: first.id }));
    expect(textIn(response.body.value)).toContain(t('nl', 'aftercare.checkIn.stoppedTitle'));
    expect(actions(response.body.value)).toEqual([]);
    expect(cases(bot).find((item) => item.id === first.id)).toMatchObject({ aftercare: { stoppedAt: expect.any(String) } });
    expect(cases(bot).find((item) => item.id === first.id)!.nextCheckInAt).toBeUndefined();
    bot.connector.clear();
    for (const days of [95, 190, 370]) {
      bot.clock.set(new Date(closedAt + days * DAY));
      await bot.host.runTimer('sendDueReminders');
    }
    expect(checkInsTo(bot, daan)).toEqual([]);
  });

  it('when someone else presses stop or opens the check-in of Daan\'s case, then they are refused', async () => {
    const pressed = await bot.send(cardAction(lotte, bot.connector.serviceUrl, 'stopCheckIns', { caseId: first.id }));
    expect(textIn(pressed.body.value)).toContain(t('nl', 'errors.notFound'));
    const opened = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'checkIn', nav: 'next', caseId: first.id } }))).body);
    expect(textIn(opened)).toContain(t('nl', 'errors.notFound'));
  });
});

describe('aftercare for an anonymous reporter: through the relay, with the random wait', () => {
  let bot: BotHarness;
  let reference = '';
  let secret = '';
  let caseId = '';
  let closedAt = 0;

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [sophie, fatima, marieke]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    const receipt = textIn(dialogCardOf(await submitReview(bot, sophie, await walkToReview(bot, sophie, report('anonymous', 'Korporaal Smeets')))));
    reference = REFERENCE.exec(receipt)![0];
    secret = SECRET.exec(receipt)![0];
    caseId = cases(bot).find((item) => item.reference === reference)!.id;
    expect(handlerOf(bot, caseId, [fatima])).toBe(fatima);
    closedAt = bot.clock.now().getTime();
    await closeAs(bot, fatima, caseId);
    // The closing notice waits its random while too: let it go first.
    bot.clock.advance(3 * 3_600_000);
    await bot.host.runTimer('deliverOutbox');
    bot.connector.clear();
  }, 60_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when the month has passed, then the check-in waits a random while, then reaches Sophie through the relay without reference or case id, and the record is reduced', async () => {
    bot.clock.set(new Date(closedAt + 31 * DAY));
    await bot.host.runTimer('sendDueReminders');
    expect(checkInsTo(bot, sophie)).toEqual([]);
    const queued = readEmbeddedDocuments<OutboxItem>(bot.dataDir, 'outbox').filter((item) => item.recipient.kind === 'relay' && item.status === 'pending');
    expect(queued).toHaveLength(1);
    const waitMs = Date.parse(queued[0].notBefore) - bot.clock.now().getTime();
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(120 * 60_000);

    bot.clock.advance(121 * 60_000);
    await bot.host.runTimer('deliverOutbox');
    const [checkIn, ...more] = checkInsTo(bot, sophie);
    expect(more).toEqual([]);
    expect(JSON.stringify(checkIn)).not.toContain(reference);
    expect(JSON.stringify(checkIn)).not.toContain(caseId);
    expect(actions(checkIn).map((action) => vmOf(action))).toEqual([{ dialog: 'checkIn', nav: 'next' }]);
    const sent = readEmbeddedDocuments<OutboxItem>(bot.dataDir, 'outbox').filter((item) => item.recipient.kind === 'relay' && item.status === 'sent');
    expect(sent.length).toBeGreaterThan(0);
    for (const item of sent) {
      expect(item.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.activityId).toBeUndefined();
    }
  });

  it('when Sophie answers with a wrong secret, then she is told so; with reference and secret, her answer is kept sealed', async () => {
    const open = vmOf(actions(checkInsTo(bot, sophie)[0])[0]);
    const form = dialogCardOf((await bot.send(taskFetch(sophie, bot.connector.serviceUrl, { vm: open }))).body);
    expect(textIn(form)).toContain(t('en', 'aftercare.dialog.credentialsHint'));
    const wrong = dialogCardOf((await bot.send(taskSubmit(sophie, bot.connector.serviceUrl, { reference, secret: 'AAAA-BBBB-CCCC-DDDD', answer: 'concerns', vm: buttonVm(form, 'submit') }))).body);
    expect(textIn(wrong)).toContain(t('en', 'aftercare.errors.referenceOrSecretWrong'));

    const answered = dialogCardOf((await bot.send(taskSubmit(sophie, bot.connector.serviceUrl, { reference, secret, answer: 'concerns', text: TYPED.concerns, vm: buttonVm(form, 'submit') }))).body);
    expect(textIn(answered)).toContain(t('en', 'aftercare.dialog.thanksTitle'));
    const stored = cases(bot).find((item) => item.id === caseId)!;
    expect(stored.aftercare).toMatchObject({ answered: 1 });
    expect(stored.aftercare!.retaliationCaseIds).toBeUndefined();
    expect(stored.aftercare).toMatchObject({ firstAnsweredAt: expect.any(String) });
    expect(stored.aftercare!.firstNegativeAt).toBeUndefined();
    expect(JSON.stringify(cases(bot))).not.toContain(TYPED.concerns);
    expect(cases(bot)).toHaveLength(1);
  });

  it('when Sophie answers "negative consequences", then a new anonymous case is opened with its own relay, and the receipt shows its reference and secret once', async () => {
    const first = cases(bot).find((item) => item.id === caseId)!;
    const form = dialogCardOf((await bot.send(taskFetch(sophie, bot.connector.serviceUrl, { vm: { dialog: 'checkIn', nav: 'next' } }))).body);
    const receipt = textIn(dialogCardOf((await bot.send(taskSubmit(sophie, bot.connector.serviceUrl, { reference, secret, answer: 'negative_consequences', text: TYPED.retaliation, vm: buttonVm(form, 'submit') }))).body));
    expect(receipt).toContain(t('en', 'receipt.title'));
    const newReference = REFERENCE.exec(receipt)![0];
    expect(newReference).not.toBe(reference);
    expect(SECRET.exec(receipt)![0]).not.toBe(secret);
    // Anonymous: nothing of the new case in her chat.
    expect(bot.connector.cardsSentTo(personalConversationId(sophie)).some((card) => textIn(card).includes(newReference))).toBe(false);
    const retaliation = cases(bot).find((item) => item.reference === newReference)!;
    expect(retaliation).toMatchObject({ identity: 'anonymous', retaliationOf: { caseId }, relayId: expect.any(String) });
    expect(retaliation.relayId).not.toBe(first.relayId);
    expect(retaliation.reporterKey).toBeUndefined();
    expect(retaliation.sealedReporter).toBeUndefined();
    expect(JSON.stringify(retaliation)).not.toContain(sophie.aadObjectId);
    // Fatima handled the first case: the new one goes elsewhere.
    expect(handlerOf(bot, retaliation.id, [fatima, marieke])).toBe(marieke);
    expectNoTypedTextSent(bot);
  });

  it('when Sophie stops the check-ins in the dialog, then none comes at 3 months', async () => {
    const form = dialogCardOf((await bot.send(taskFetch(sophie, bot.connector.serviceUrl, { vm: { dialog: 'checkIn', nav: 'next' } }))).body);
    const stopped = dialogCardOf((await bot.send(taskSubmit(sophie, bot.connector.serviceUrl, { reference, secret, vm: buttonVm(form, 'stop') }))).body);
    expect(textIn(stopped)).toContain(t('en', 'aftercare.checkIn.stoppedTitle'));
    bot.connector.clear();
    bot.clock.set(new Date(closedAt + 95 * DAY));
    await bot.host.runTimer('sendDueReminders');
    bot.clock.advance(3 * 3_600_000);
    await bot.host.runTimer('deliverOutbox');
    expect(checkInsTo(bot, sophie)).toEqual([]);
  });
});
