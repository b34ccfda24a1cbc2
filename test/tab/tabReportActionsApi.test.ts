/**
 * The tab API's withdraw and closing questions in "Mijn meldingen" (local mode, developer
 * sign-in): through the same use cases as the bot's withdraw dialog and feedback card, for the
 * reporter's own case and for an anonymous case with reference + secret. The handler's side goes
 * through the bot (POST /api/messages), as in the chat.
 */
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { t } from '../../cards/i18n';
import { textIn } from '../cards/cardChecks';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from '../e2e/wizardJourney';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { daan, fatima, jeroen, lotte, REFERENCE, sophie } from '../fixtures/demoPeople';
import { botInstalled, personalConversationId, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';

const SECRET = /[346789ABCDEFGHJKMNPQRTWXY]{4}(-[346789ABCDEFGHJKMNPQRTWXY]{4}){3}/;

const lineReport: StepInputs = {
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'named' },
  involved: { involved: 'Korporaal Smeets', managerInvolved: 'no' },
  details: { description: 'Een collega neemt steeds mijn spullen af.' },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
};

describe('the tab API for reporters: withdrawing and the closing questions in My reports', () => {
  let bot: BotHarness;
  /** Daan's named case (Jeroen handles it): withdrawn from the tab. */
  let withdrawnId = '';
  /** Daan's second named case, closed by Jeroen: the closing questions. */
  let closedId = '';
  let anonymous = { reference: '', secret: '', id: '' };

  async function call(user: TeamsUser, path: string, body?: unknown, raw?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${bot.host.url}${path}`, {
      method: body === undefined && raw === undefined ? 'GET' : 'POST',
      headers: { authorization: `Developer ${user.aadObjectId}`, 'content-type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    return { status: response.status, body: await response.json() };
  }

  const cases = () => readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases');
  const stored = (id: string): CaseRecord => cases().find((item) => item.id === id)!;

  async function report(user: TeamsUser, inputs: StepInputs): Promise<{ id: string; reference: string; secret?: string }> {
    const receipt = textIn(dialogCardOf(await submitReview(bot, user, await walkToReview(bot, user, inputs))));
    const reference = REFERENCE.exec(receipt)![0];
    return { id: cases().find((item) => item.reference === reference)!.id, reference, secret: SECRET.exec(receipt)?.[0] };
  }

  async function close(handler: TeamsUser, caseId: string): Promise<void> {
    const form = dialogCardOf((await bot.send(taskFetch(handler, bot.connector.serviceUrl, { vm: { dialog: 'caseClose', nav: 'next', caseId } }))).body);
    await bot.send(taskSubmit(handler, bot.connector.serviceUrl, { outcome: 'resolved', message: 'Besproken met betrokkene; het is gestopt.', vm: buttonVm(form, 'submit') }));
    expect(stored(caseId).state).toBe('closed');
  }

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [daan, jeroen, lotte, sophie, fatima]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    withdrawnId = (await report(daan, lineReport)).id;
    closedId = (await report(daan, { ...lineReport, involved: { involved: 'Soldaat Bakker', managerInvolved: 'no' } })).id;
    await close(jeroen, closedId);
    const opened = await report(sophie, { ...lineReport, identity: { identity: 'anonymous' } });
    anonymous = { reference: opened.reference, secret: opened.secret!, id: opened.id };
    bot.connector.clear();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when the reporter opens My reports, then an open case may be withdrawn and a closed one asks the closing questions', async () => {
    const { body } = await call(daan, '/api/tab/my-reports');
    const byId = (id: string) => body.reports.find((item: { caseId: string }) => item.caseId === id);
    expect(byId(withdrawnId)).toMatchObject({ canWithdraw: true, askFeedback: false });
    expect(byId(closedId)).toMatchObject({ canWithdraw: false, askFeedback: true });
  });

  it.each([
    ['no confirmation', {}, undefined, { confirm: 'confirmWithdraw' }],
    ['a confirmation that is not a yes', { confirm: 'yes' }, undefined, { confirm: 'confirmWithdraw' }],
    ['a body that is not JSON', undefined, '{"confirm": tr', { form: 'invalidValue' }],
  ])('when the reporter withdraws with %s, then it is 400 for the field, and nothing changes or is sent', async (_label, body, raw, fields) => {
    const before = JSON.stringify(stored(withdrawnId));
    expect(await call(daan, `/api/tab/my-reports/${withdrawnId}/withdraw`, body, raw)).toEqual({ status: 400, body: { error: 'validation', fields } });
    expect(JSON.stringify(stored(withdrawnId))).toBe(before);
    expect(bot.connector.cardsSentTo(personalConversationId(jeroen))).toEqual([]);
  });

  it.each([
    ['withdraw', { confirm: true }],
    ['feedback', { takenSeriously: 5 }],
  ])('when someone else (Lotte) sends %s for the case, then it is 404 as for any case not theirs, and nothing changes', async (route, body) => {
    const before = JSON.stringify(cases());
    for (const id of [withdrawnId, closedId]) expect(await call(lotte, `/api/tab/my-reports/${id}/${route}`, body)).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(JSON.stringify(cases())).toBe(before);
  });

  it('when the reporter confirms the withdrawal, then the case closes as withdrawn, and the handler gets the task card and the reporter the notice, as from the dialog', async () => {
    const { status, body } = await call(daan, `/api/tab/my-reports/${withdrawnId}/withdraw`, { confirm: true });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ caseId: withdrawnId, state: 'closed', outcome: 'withdrawn', canWithdraw: false });
    expect(body.report.timeline.map((step: { step: string }) => step.step)).toContain('withdrawn');
    expect(stored(withdrawnId)).toMatchObject({ state: 'closed', outcome: 'withdrawn', isOpen: false });
    expect(stored(withdrawnId).history.at(-1)).toMatchObject({ actor: 'reporter', type: 'withdrawn' });
    expect(textIn(bot.connector.cardsSentTo(personalConversationId(jeroen)).at(-1))).toContain(t('nl', 'handler.news.withdrawn'));
    expect(textIn(bot.connector.cardsSentTo(personalConversationId(daan)).at(-1))).toContain(t('nl', 'reporter.notice.withdrawn.title'));
    // Withdrawn once: again is refused as the dialog would (the case is closed), nothing more is sent.
    bot.connector.clear();
    expect((await call(daan, `/api/tab/my-reports/${withdrawnId}/withdraw`, { confirm: true })).status).toBe(409);
    expect(bot.connector.cardsSentTo(personalConversationId(jeroen))).toEqual([]);
  });

  it.each([
    ['a score out of range', { takenSeriously: 6 }, { takenSeriously: 'pickOneToFive' }],
    ['a score that is not a number', { takenSeriously: 3, wouldReportAgain: 'veel' }, { wouldReportAgain: 'pickOneToFive' }],
    ['a list', [4], { form: 'invalidValue' }],
  ])('when the reporter answers the closing questions with %s, then it is 400 for the field and nothing is stored', async (_label, body, fields) => {
    expect(await call(daan, `/api/tab/my-reports/${closedId}/feedback`, body)).toEqual({ status: 400, body: { error: 'validation', fields } });
    expect(stored(closedId).feedback).toBeUndefined();
  });

  it('when the reporter answers the closing questions of a closed case, then they are stored once, for the insights only (the handler is sent nothing, as with the card)', async () => {
    bot.connector.clear();
    const { status, body } = await call(daan, `/api/tab/my-reports/${closedId}/feedback`, { takenSeriously: '4', wouldReportAgain: 5 });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ caseId: closedId, askFeedback: false });
    expect(stored(closedId).feedback).toMatchObject({ takenSeriously: 4, wouldReportAgain: 5 });
    expect(bot.connector.cardsSentTo(personalConversationId(jeroen))).toEqual([]);
    expect((await call(daan, `/api/tab/my-reports/${closedId}/feedback`, { takenSeriously: 1 })).status).toBe(409);
    expect(stored(closedId).feedback).toMatchObject({ takenSeriously: 4 });
  });

  it('when the closing questions are sent for an open case, then they are refused (409) and nothing is stored', async () => {
    const { id } = await report(daan, lineReport);
    expect((await call(daan, `/api/tab/my-reports/${id}/feedback`, { takenSeriously: 3 })).status).toBe(409);
    expect(stored(id).feedback).toBeUndefined();
  });

  it('when an anonymous case is withdrawn with a wrong secret, then it is the refusal of the form; without the confirmation 400; with both, withdrawn and the handler told', async () => {
    bot.connector.clear();
    const before = JSON.stringify(stored(anonymous.id));
    const { reference, secret } = anonymous;
    expect(await call(sophie, '/api/tab/anonymous-case/withdraw', { reference, secret: 'AAAA-BBBB-CCCC-DDDD', confirm: true })).toEqual({ status: 404, body: { error: 'reference_or_secret_wrong' } });
    expect(await call(sophie, '/api/tab/anonymous-case/withdraw', { reference, secret })).toEqual({ status: 400, body: { error: 'validation', fields: { confirm: 'confirmWithdraw' } } });
    expect(await call(sophie, '/api/tab/anonymous-case/withdraw', { confirm: true })).toEqual({ status: 400, body: { error: 'validation', fields: { reference: 'required', secret: 'required' } } });
    expect(JSON.stringify(stored(anonymous.id))).toBe(before);

    const { status, body } = await call(sophie, '/api/tab/anonymous-case/withdraw', { reference, secret, confirm: true });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ reference, state: 'closed', outcome: 'withdrawn', askFeedback: true });
    expect(JSON.stringify(body)).not.toContain(secret);
    const told = [jeroen, fatima].find((user) => bot.connector.cardsSentTo(personalConversationId(user)).some((card) => textIn(card).includes(t('nl', 'handler.news.withdrawn'))));
    expect(told).toBeDefined();
    expect(textIn(bot.connector.cardsSentTo(personalConversationId(told!)).at(-1))).not.toContain(sophie.name);
  });

  it('when the anonymous reporter answers the closing questions with reference and secret, then they are stored; a bad score is 400 for the field', async () => {
    const { reference, secret } = anonymous;
    expect(await call(sophie, '/api/tab/anonymous-case/feedback', { reference, secret, wouldReportAgain: '0' })).toEqual({ status: 400, body: { error: 'validation', fields: { wouldReportAgain: 'pickOneToFive' } } });
    expect(await call(sophie, '/api/tab/anonymous-case/feedback', { reference, secret: 'AAAA-BBBB-CCCC-DDDD', wouldReportAgain: '2' })).toEqual({ status: 404, body: { error: 'reference_or_secret_wrong' } });
    expect(stored(anonymous.id).feedback).toBeUndefined();
    const { status, body } = await call(sophie, '/api/tab/anonymous-case/feedback', { reference, secret, wouldReportAgain: '2' });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ askFeedback: false });
    expect(stored(anonymous.id).feedback).toMatchObject({ wouldReportAgain: 2 });
    expect(stored(anonymous.id).feedback?.takenSeriously).toBeUndefined();
  });
});
