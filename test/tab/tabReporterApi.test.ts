/**
 * The tab API for reporters, in local mode with the developer sign-in (production's Entra tokens:
 * tabApiProduction.test.ts): answering the handler's question and adding information from "Mijn
 * meldingen", and opening an anonymous case with reference + secret. The handler's side goes
 * through the bot (POST /api/messages), as in the chat.
 */
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { t } from '../../cards/i18n';
import { actions, textIn, vmOf } from '../cards/cardChecks';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from '../e2e/wizardJourney';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { daan, fatima, jeroen, lotte, REFERENCE, sophie } from '../fixtures/demoPeople';
import { botInstalled, personalConversationId, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';

const SECRET = /[346789ABCDEFGHJKMNPQRTWXY]{4}(-[346789ABCDEFGHJKMNPQRTWXY]{4}){3}/;
const QUESTION = 'TAB-Q: op welke dagen gebeurde dit, en waren er getuigen?';
const ANSWER = 'TAB-A: maandag en woensdag; twee collega’s van de keuken zagen het.';
const INFORMATION = 'TAB-I: het gebeurde vandaag opnieuw.';

const lineReport: StepInputs = {
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'named' },
  involved: { involved: 'Korporaal Smeets', managerInvolved: 'no' },
  details: { description: 'Een collega neemt steeds mijn spullen af.' },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
};

describe('the tab API for reporters: answering in My reports, and an anonymous case by reference + secret', () => {
  let bot: BotHarness;
  let caseId = '';
  let anonymous = { reference: '', secret: '' };

  async function call(user: TeamsUser, path: string, body?: unknown, raw?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${bot.host.url}${path}`, {
      method: body === undefined && raw === undefined ? 'GET' : 'POST',
      headers: { authorization: `Developer ${user.aadObjectId}`, 'content-type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    return { status: response.status, body: await response.json() };
  }

  const reply = (user: TeamsUser, body: unknown, raw?: string, id = caseId) => call(user, `/api/tab/my-reports/${encodeURIComponent(id)}/reply`, body, raw);
  const stored = (): CaseRecord => readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.id === caseId)!;

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [daan, jeroen, lotte, sophie, fatima]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    const receipt = textIn(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, lineReport))));
    const reference = REFERENCE.exec(receipt)![0];
    caseId = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!.id;
    const anonymousReceipt = textIn(dialogCardOf(await submitReview(bot, sophie, await walkToReview(bot, sophie, { ...lineReport, identity: { identity: 'anonymous' } }))));
    anonymous = { reference: REFERENCE.exec(anonymousReceipt)![0], secret: SECRET.exec(anonymousReceipt)![0] };
    // The handler (Jeroen, Daan's manager) asks a question through the bot's dialog.
    const form = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseQuestion', nav: 'next', caseId } }))).body);
    await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { message: QUESTION, vm: actions(form).map(vmOf).find((vm) => vm.nav === 'submit') }));
    bot.connector.clear();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when the reporter opens My reports, then the question waits on the timeline', async () => {
    const { status, body } = await call(daan, '/api/tab/my-reports');
    expect(status).toBe(200);
    const report = body.reports.find((item: { caseId: string }) => item.caseId === caseId);
    expect(report).toMatchObject({ openQuestion: true, messages: [{ from: 'handler', kind: 'question', text: QUESTION }] });
    expect(report.timeline.map((step: { step: string }) => step.step)).toContain('message');
  });

  it.each([
    ['an empty message', { message: '   ' }, undefined, { message: 'messageRequired' }],
    ['no message', {}, undefined, { message: 'messageRequired' }],
    ['a message that is not text', { message: 42 }, undefined, { message: 'invalidValue' }],
    ['a message that is too long', { message: 'x'.repeat(CASE_MESSAGE_MAX_LENGTH + 1) }, undefined, { message: 'tooLong' }],
    ['a body that is not JSON', undefined, '{"message": "half', { form: 'invalidValue' }],
    ['a body that is a list', ['answer'], undefined, { form: 'invalidValue' }],
  ])('when the reporter sends %s, then it is refused with 400 and the problem per field, and nothing changes', async (_label, body, raw, fields) => {
    const before = JSON.stringify(stored());
    const answer = await reply(daan, body, raw);
    expect(answer).toEqual({ status: 400, body: { error: 'validation', fields } });
    expect(JSON.stringify(stored())).toBe(before);
    expect(bot.connector.cardsSentTo(personalConversationId(jeroen))).toEqual([]);
  });

  it.each([
    ['a malformed case id', '../x'],
    ['a case id that is far too long', 'x'.repeat(200)],
  ])('when the reporter replies to %s, then it is a 400 for the case id, never a 5xx', async (_label, id) => {
    expect(await reply(daan, { message: ANSWER }, undefined, id)).toEqual({ status: 400, body: { error: 'validation', fields: { caseId: 'invalidValue' } } });
  });

  it.each([
    ['a valid answer', { message: 'forged' }],
    ['nothing', {}],
  ])('when someone else (Lotte) sends %s to the case, then it is 404 as for any case not theirs, and nothing changes', async (_label, body) => {
    const before = JSON.stringify(stored());
    expect(await reply(lotte, body)).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(JSON.stringify(stored())).toBe(before);
  });

  it('when the reporter answers in the tab, then the question is answered, the timeline has the answer, and the handler hears of it and reads it in the case dialog', async () => {
    const { status, body } = await reply(daan, { message: `  ${ANSWER}\r\n` });
    expect(status).toBe(200);
    expect(body.sent).toBe('answer');
    expect(body.report).toMatchObject({ caseId, openQuestion: false });
    expect(body.report.messages.at(-1)).toMatchObject({ from: 'reporter', kind: 'answer', text: ANSWER });
    expect(stored()).toMatchObject({ openQuestion: false });
    expect(stored().history.at(-1)).toMatchObject({ actor: 'reporter', type: 'answered' });

    // The handler's task card with the news was sent right away (the turn's own outbox items), without the text.
    const cards = bot.connector.cardsSentTo(personalConversationId(jeroen));
    expect(textIn(cards.at(-1))).toContain(t('nl', 'handler.news.answered'));
    expect(bot.connector.sentText()).not.toContain(ANSWER);
    const details = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId } }))).body);
    expect(textIn(details)).toContain(ANSWER);
  });

  it('when no question waits and the reporter writes again, then it is added information', async () => {
    bot.connector.clear();
    const { status, body } = await reply(daan, { message: INFORMATION });
    expect(status).toBe(200);
    expect(body.sent).toBe('information');
    expect(body.report.messages.at(-1)).toMatchObject({ from: 'reporter', kind: 'information', text: INFORMATION });
    expect(textIn(bot.connector.cardsSentTo(personalConversationId(jeroen)).at(-1))).toContain(t('nl', 'handler.news.information'));
  });

  it('when the reporter opens the anonymous case with reference and secret, then it shows as a report, without the secret', async () => {
    const { status, body } = await call(sophie, '/api/tab/anonymous-case', { reference: anonymous.reference.toLowerCase(), secret: anonymous.secret });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ reference: anonymous.reference, identity: 'anonymous', state: 'submitted' });
    expect(JSON.stringify(body)).not.toContain(anonymous.secret);
  });

  it('when the handler asks the anonymous reporter a question, then she answers it in the tab with reference and secret; a wrong secret gets the refusal of the form, an empty text the field\'s problem', async () => {
    const anonymousId = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === anonymous.reference)!.id;
    const form = dialogCardOf((await bot.send(taskFetch(fatima, bot.connector.serviceUrl, { vm: { dialog: 'caseQuestion', nav: 'next', caseId: anonymousId } }))).body);
    await bot.send(taskSubmit(fatima, bot.connector.serviceUrl, { message: QUESTION, vm: actions(form).map(vmOf).find((vm) => vm.nav === 'submit') }));
    bot.connector.clear();
    const before = JSON.stringify(readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.id === anonymousId));

    expect(await call(sophie, '/api/tab/anonymous-case/reply', { reference: anonymous.reference, secret: 'AAAA-BBBB-CCCC-DDDD', message: ANSWER })).toEqual({ status: 404, body: { error: 'reference_or_secret_wrong' } });
    expect(await call(sophie, '/api/tab/anonymous-case/reply', { ...anonymous, message: ' ' })).toEqual({ status: 400, body: { error: 'validation', fields: { message: 'messageRequired' } } });
    expect(JSON.stringify(readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.id === anonymousId))).toBe(before);

    const { status, body } = await call(sophie, '/api/tab/anonymous-case/reply', { ...anonymous, message: ANSWER });
    expect(status).toBe(200);
    expect(body.sent).toBe('answer');
    expect(body.report).toMatchObject({ reference: anonymous.reference, openQuestion: false });
    expect(body.report.messages.at(-1)).toMatchObject({ from: 'reporter', kind: 'answer', text: ANSWER });
    expect(JSON.stringify(body)).not.toContain(anonymous.secret);
    expect(textIn(bot.connector.cardsSentTo(personalConversationId(fatima)).at(-1))).toContain(t('nl', 'handler.news.answered'));
    const details = dialogCardOf((await bot.send(taskFetch(fatima, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId: anonymousId } }))).body);
    expect(textIn(details)).toContain(ANSWER);
    expect(textIn(details)).not.toContain(sophie.name);
  });

  it('when the secret is wrong, then the answer is exactly that of an unknown reference, or of a named case\'s reference', async () => {
    const wrongSecret = await call(fatima, '/api/tab/anonymous-case', { reference: anonymous.reference, secret: 'AAAA-BBBB-CCCC-DDDD' });
    const unknownReference = await call(fatima, '/api/tab/anonymous-case', { reference: 'VM-AAAA-AAAA', secret: anonymous.secret });
    const namedCase = await call(fatima, '/api/tab/anonymous-case', { reference: stored().reference, secret: anonymous.secret });
    expect(wrongSecret).toEqual({ status: 404, body: { error: 'reference_or_secret_wrong' } });
    expect(unknownReference).toEqual(wrongSecret);
    expect(namedCase).toEqual(wrongSecret);
  });

  it.each([
    ['nothing typed', {}, { reference: 'required', secret: 'required' }],
    ['only the reference', { reference: 'VM-AAAA-AAAA', secret: ' ' }, { secret: 'required' }],
    ['a reference that is far too long', { reference: 'V'.repeat(101), secret: 'x' }, { reference: 'invalidValue' }],
  ])('when the anonymous form has %s, then it is 400 with the problem per field (not an attempt)', async (_label, body, fields) => {
    expect(await call(lotte, '/api/tab/anonymous-case', body)).toEqual({ status: 400, body: { error: 'validation', fields } });
  });

  it('when someone guesses five times, then even the right secret is refused (429) for a while, and the bot\'s status form says so too: one limit', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await call(lotte, '/api/tab/anonymous-case', { reference: anonymous.reference, secret: `AAAA-BBBB-CCCC-DDD${attempt}` })).status).toBe(404);
    }
    expect(await call(lotte, '/api/tab/anonymous-case', anonymous)).toEqual({ status: 429, body: { error: 'too_many_attempts' } });
    const form = dialogCardOf((await bot.send(taskFetch(lotte, bot.connector.serviceUrl, { vm: { dialog: 'anonymousStatus', nav: 'next' } }))).body);
    const refused = dialogCardOf((await bot.send(taskSubmit(lotte, bot.connector.serviceUrl, { ...anonymous, vm: buttonVm(form, 'checkStatus') }))).body);
    expect(textIn(refused)).toContain(t('nl', 'validation.tooManyAttempts'));
    // After the window (15 minutes), the right secret opens it again.
    bot.clock.advance(16 * 60_000);
    expect((await call(lotte, '/api/tab/anonymous-case', anonymous)).status).toBe(200);
  });
});
