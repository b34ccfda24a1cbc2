/**
 * The tab API for the task card's other actions, in local mode with the developer sign-in:
 * opening a case (the reading recorded as from the dialog), and the update, question, pass on,
 * close, postpone and ask-who-reported forms with the case dialog's own inputs and use cases.
 * The reports are made through the bot (POST /api/messages), as in the chat.
 */
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { CASE_MESSAGE_MAX_LENGTH } from '../../bot/domain/caseMessageText';
import { textIn } from '../cards/cardChecks';
import { dialogCardOf, submitReview, walkToReview, type StepInputs } from '../e2e/wizardJourney';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { anouk, daan, esther, fatima, jeroen, lotte, marieke, REFERENCE, sophie } from '../fixtures/demoPeople';
import { botInstalled, personalConversationId, type TeamsUser } from '../fixtures/teamsActivities';

const DESCRIPTION = 'TAB-D: mijn leidinggevende scheldt me uit waar anderen bij zijn.';
const QUESTION = 'TAB-Q: wanneer begon dit, en wie was erbij?';
const UPDATE = 'TAB-U: ik spreek deze week met de betrokkenen.';
const CLOSING = 'TAB-C: er zijn afspraken gemaakt; zie het gesprek van dinsdag.';
const POSTPONE = 'TAB-E: een getuige is pas over drie weken terug.';
const IDENTITY = 'TAB-I: ik wil je graag zelf spreken over wat er gebeurde.';
const PEOPLE = [daan, jeroen, lotte, sophie, fatima, marieke, anouk, esther];

const report = (overrides: Partial<StepInputs>): StepInputs => ({
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'named' },
  involved: { involved: 'Sergeant Visser', managerInvolved: 'no' },
  details: { description: DESCRIPTION },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
  ...overrides,
});

describe('the tab API for the task card’s actions: open the case, update, question, pass on, close, postpone, ask who reported', () => {
  let bot: BotHarness;
  /** Daan's named melding (his manager handles it), his confidential klacht, and who handles each. */
  const named = { id: '', handler: daan };
  const complaint = { id: '', handler: daan };

  async function call(user: TeamsUser, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<{ status: number; body: any }> {
    const response = await fetch(`${bot.host.url}${path}`, {
      method,
      headers: { authorization: `Developer ${user.aadObjectId}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    return { status: response.status, body: await response.json() };
  }

  const stored = (id: string): CaseRecord => readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.id === id)!;
  const form = (user: TeamsUser, id: string, name: string, body?: unknown) => call(user, `/api/tab/my-tasks/${id}/forms/${name}`, body);
  const open = (user: TeamsUser, id: string) => call(user, `/api/tab/my-tasks/${id}/open`, undefined, 'POST');
  const daansChat = () => bot.connector.cardsSentTo(personalConversationId(daan)).map((card) => textIn(card)).join('\n');

  async function makeReport(inputs: StepInputs): Promise<string> {
    const receipt = textIn(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, inputs))));
    const reference = REFERENCE.exec(receipt)![0];
    return readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!.id;
  }

  /** The person whose My tasks lists the case (the routing decided; the test only finds out who). */
  async function handlerOf(caseId: string): Promise<TeamsUser> {
    for (const person of PEOPLE) {
      const { body } = await call(person, '/api/tab/my-tasks');
      if (body.tasks.some((task: { caseId: string }) => task.caseId === caseId)) return person;
    }
    throw new Error(`nobody handles ${caseId}`);
  }

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of PEOPLE) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    named.id = await makeReport(report({}));
    named.handler = await handlerOf(named.id);
    complaint.id = await makeReport(report({ want: { kind: 'complaint' }, identity: { identity: 'confidential' } }));
    complaint.handler = await handlerOf(complaint.id);
    bot.connector.clear();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when the handler lists her tasks, then each case offers the forms of its task card: postpone only for the klacht, ask who reported only for the confidential one', async () => {
    const named_ = (await call(named.handler, '/api/tab/my-tasks')).body.tasks.find((task: { caseId: string }) => task.caseId === named.id);
    expect(named_.forms).toEqual(['update', 'question', 'reassign', 'close']);
    const complaint_ = (await call(complaint.handler, '/api/tab/my-tasks')).body.tasks.find((task: { caseId: string }) => task.caseId === complaint.id);
    expect(complaint_.forms).toEqual(['update', 'question', 'reassign', 'close', 'extend', 'identity']);
  });

  it('when someone else opens the case or one of its forms, then it is refused and nothing is recorded; an unknown case is 404', async () => {
    const stranger = PEOPLE.find((person) => person !== named.handler && person !== daan)!;
    const before = JSON.stringify(stored(named.id));
    expect(await open(stranger, named.id)).toEqual({ status: 403, body: { error: 'forbidden' } });
    expect(await open(daan, named.id)).toEqual({ status: 403, body: { error: 'forbidden' } });
    expect(await form(stranger, named.id, 'update', { message: 'niet van mij' })).toEqual({ status: 403, body: { error: 'forbidden' } });
    expect(await form(stranger, named.id, 'close')).toEqual({ status: 403, body: { error: 'forbidden' } });
    // Refused before the form is read: a stranger's empty form is not told what is missing.
    expect(await form(stranger, named.id, 'question', {})).toEqual({ status: 403, body: { error: 'forbidden' } });
    expect(JSON.stringify(stored(named.id))).toBe(before);
    expect((await open(named.handler, 'c-does-not-exist')).status).toBe(404);
  });

  it('when the handler opens the case, then she reads the report and the reporter’s name, and the reading is in the case history', async () => {
    const { status, body } = await open(named.handler, named.id);
    expect(status).toBe(200);
    expect(body.details).toMatchObject({ caseId: named.id, description: DESCRIPTION, involved: 'Sergeant Visser', reporterName: daan.name, identity: 'named', kind: 'report' });
    expect(JSON.stringify(body.details.history)).not.toMatch(/actor/);
    expect(stored(named.id).history.at(-1)).toMatchObject({ type: 'content_opened' });
  });

  it('when the handler of the confidential klacht opens it, then she reads it without the reporter’s name', async () => {
    const { body } = await open(complaint.handler, complaint.id);
    expect(body.details).toMatchObject({ description: DESCRIPTION, identity: 'confidential', identityRequest: 'available' });
    expect(body.details.reporterName).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(daan.name);
  });

  it.each([
    ['question', 'no message', {}, { message: 'messageRequired' }],
    ['question', 'only spaces', { message: '  ' }, { message: 'messageRequired' }],
    ['update', 'a message that is too long', { message: 'x'.repeat(CASE_MESSAGE_MAX_LENGTH + 1) }, { message: 'tooLong' }],
    ['reassign', 'back to the line', { targetRole: 'line_manager', message: 'naar de lijn' }, { targetRole: 'pickRole' }],
    ['close', 'an outcome a handler cannot choose', { outcome: 'withdrawn', message: 'klaar' }, { outcome: 'pickOutcome' }],
    ['close', 'a lesson without category or unit', { outcome: 'resolved', message: 'klaar', lessonText: 'Bespreek hoe we elkaar aanspreken.' }, { lessonCategory: 'pickCategory', lessonUnit: 'pickUnit' }],
  ])('when the handler sends the %s form with %s, then it is 400 for the field and nothing changes', async (name, _label, body, fields) => {
    const before = JSON.stringify(stored(named.id));
    expect(await form(named.handler, named.id, name, body)).toEqual({ status: 400, body: { error: 'validation', fields } });
    expect(JSON.stringify(stored(named.id))).toBe(before);
    expect(daansChat()).toBe('');
  });

  it('when the handler asks for a form that does not exist, or sends a case id that is not one, then it is a 4xx, never a lookup or a 5xx', async () => {
    expect(await form(named.handler, named.id, 'delete', { message: 'x' })).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(await form(named.handler, '..%2Fx', 'update', { message: 'x' })).toEqual({ status: 400, body: { error: 'validation', fields: { caseId: 'invalidValue' } } });
    // Postponing is for a klacht's decision: a melding has none to postpone (the tab does not offer it; sent anyway, 409).
    const before = JSON.stringify(stored(named.id));
    expect(await form(named.handler, named.id, 'extend', { days: '7', message: 'een getuige is weg' })).toEqual({ status: 409, body: { error: 'extension_refused' } });
    expect(JSON.stringify(stored(named.id))).toBe(before);
  });

  it('when the handler asks a question, then the reporter’s chat gets a notice without the question, his case holds it, and the task says so', async () => {
    const { status, body } = await form(named.handler, named.id, 'question', { message: QUESTION });
    expect(status).toBe(200);
    expect(body).toMatchObject({ done: 'questionSent', task: { caseId: named.id, state: 'in_progress' } });
    // The answer's task is the list's, as it is now.
    expect((await call(named.handler, '/api/tab/my-tasks')).body.tasks.find((task: { caseId: string }) => task.caseId === named.id)).toEqual(body.task);
    expect(stored(named.id)).toMatchObject({ openQuestion: true });
    expect(daansChat()).not.toBe('');
    expect(daansChat()).not.toContain(QUESTION);
    const mine = (await call(daan, '/api/tab/my-reports')).body.reports.find((item: { caseId: string }) => item.caseId === named.id);
    expect(mine.messages).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'handler', kind: 'question', text: QUESTION })]));
  });

  it('when the handler sends an update, then it is sealed in the case and the reporter reads it in the tab', async () => {
    expect((await form(named.handler, named.id, 'update', { message: UPDATE })).body).toMatchObject({ done: 'updateSent' });
    expect(JSON.stringify(stored(named.id))).not.toContain(UPDATE);
    const mine = (await call(daan, '/api/tab/my-reports')).body.reports.find((item: { caseId: string }) => item.caseId === named.id);
    expect(mine.messages.map((message: { text: string }) => message.text)).toContain(UPDATE);
  });

  it('when the klacht’s handler opens the postpone form and postpones by 14 days, then the decision date moves and the complainant reads the reason', async () => {
    const opened = await form(complaint.handler, complaint.id, 'extend');
    expect(opened).toMatchObject({ status: 200, body: { form: { caseId: complaint.id, decisionDueAt: expect.any(String) } } });
    const before = Date.parse(opened.body.form.decisionDueAt);
    const { status, body } = await form(complaint.handler, complaint.id, 'extend', { days: '14', message: POSTPONE });
    expect(status).toBe(200);
    expect(body).toMatchObject({ done: 'extended', extension: { status: 'extended', newDueAt: expect.any(String) } });
    expect(Date.parse(body.extension.newDueAt)).toBeGreaterThan(before);
    expect((await form(complaint.handler, complaint.id, 'extend', { days: '0', message: POSTPONE })).body).toEqual({ error: 'validation', fields: { days: 'daysOutOfRange' } });
  });

  it('when the klacht’s handler asks who reported, then the request waits and cannot be asked again', async () => {
    expect((await form(complaint.handler, complaint.id, 'identity', { message: IDENTITY })).body).toMatchObject({ done: 'identityRequested' });
    const task = (await call(complaint.handler, '/api/tab/my-tasks')).body.tasks.find((item: { caseId: string }) => item.caseId === complaint.id);
    expect(task.forms).not.toContain('identity');
    expect((await form(complaint.handler, complaint.id, 'identity')).status).toBe(403);
    expect((await form(complaint.handler, complaint.id, 'identity', { message: IDENTITY })).body).toEqual({ error: 'validation', fields: { message: 'identityRequestPending' } });
  });

  it('when the handler closes the case from the tab, then it leaves her tasks, the reporter is told without the closing text, and reads it in his reports', async () => {
    const close = await form(named.handler, named.id, 'close');
    expect(close.body.form.lessonUnits.length).toBeGreaterThan(0);
    bot.connector.clear();
    const { status, body } = await form(named.handler, named.id, 'close', { outcome: 'resolved', message: CLOSING });
    expect({ status, body }).toEqual({ status: 200, body: { done: 'closed', task: null } });
    expect(stored(named.id)).toMatchObject({ state: 'closed', outcome: 'resolved', isOpen: false });
    expect(daansChat()).not.toContain(CLOSING);
    expect(daansChat()).not.toBe('');
    const mine = (await call(daan, '/api/tab/my-reports')).body.reports.find((item: { caseId: string }) => item.caseId === named.id);
    expect(mine).toMatchObject({ state: 'closed' });
    expect(mine.messages.map((message: { text: string }) => message.text)).toContain(CLOSING);
    // Closed: the forms are refused (409: not in this state), and reading it back is still possible.
    expect((await form(named.handler, named.id, 'update', { message: UPDATE })).status).toBe(409);
    expect((await open(named.handler, named.id)).status).toBe(200);
  });

  it('when the handler passes the case on to a role, then the new handler has it and the old one no longer', async () => {
    const { status, body } = await form(complaint.handler, complaint.id, 'reassign', { targetRole: 'meldpunt', message: 'De meldpunt is hier beter op zijn plaats.' });
    expect(status).toBe(200);
    expect(body).toEqual({ done: 'reassigned', task: null });
    const next = await handlerOf(complaint.id);
    expect(next).not.toBe(complaint.handler);
    expect((await open(complaint.handler, complaint.id)).status).toBe(403);
  });
});
