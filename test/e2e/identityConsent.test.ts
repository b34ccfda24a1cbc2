import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { dumpEmbeddedStore } from '../../bot/storage/dumpEmbeddedStore';
import { t } from '../../cards/i18n';
import { actions, adaptiveCardsProblems, schemaErrors, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, personalConversationId, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';
import { anouk, daan, esther, fatima, jeroen, lotte, marieke, REFERENCE } from '../fixtures/demoPeople';

/*
 * Identity only with consent (Wet bescherming klokkenluiders art. 1a; EU 2019/1937 art. 16): the
 * handler of a confidential report may ask who reported, with a reason; the reporter reads the
 * reason in their dialog and decides; only on acceptance does that handler (and no later one) see
 * the name. Through POST /api/messages of the local Functions host.
 */


// The demo organisation (config/directory.demo.json): a confidential melding goes to the Meldpunt (Fatima).
const EVERYONE = [daan, fatima, lotte, jeroen, anouk, esther, marieke];

const REASONS = {
  first: 'Ik wil de getuigen spreken en daarvoor moet ik weten in welke sectie de melder werkt.',
  second: 'Voor het gesprek met de commandant moet ik je kunnen noemen als degene die het zag.',
};

const confidentialReport: StepInputs = {
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'confidential' },
  involved: { involved: 'Korporaal Smeets', managerInvolved: 'no' },
  details: { description: 'Een collega neemt steeds mijn spullen af en lacht me uit in de kantine.' },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
};

describe('identity only with consent: a confidential report, through POST /api/messages', () => {
  let bot: BotHarness;
  let caseId = '';
  let reference = '';

  const storedCase = () => readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.id === caseId)!;
  const historyTypes = () => storedCase().history.map((event) => event.type);

  async function fetchDialog(user: TeamsUser, vm: Record<string, unknown>): Promise<Record<string, any>> {
    return dialogCardOf((await bot.send(taskFetch(user, bot.connector.serviceUrl, { vm }))).body);
  }

  async function submitDialog(user: TeamsUser, data: Record<string, unknown>): Promise<{ status: number; body: any }> {
    return bot.send(taskSubmit(user, bot.connector.serviceUrl, data));
  }

  const openDetails = (user: TeamsUser) => fetchDialog(user, { dialog: 'caseDetails', nav: 'next', caseId });

  /** The handler opens the case and presses "ask who reported": the form comes in place of the case dialog. */
  async function identityForm(user: TeamsUser): Promise<Record<string, any>> {
    const details = await openDetails(user);
    const ask = actions(details).find((action) => action.title === t('nl', 'handler.details.requestIdentity'))!;
    expect(ask).toBeDefined();
    expect(vmOf(ask)).toMatchObject({ dialog: 'caseIdentity', nav: 'next', caseId });
    const form = dialogCardOf((await submitDialog(user, { vm: vmOf(ask) })).body);
    expect(textIn(form)).toContain(t('nl', 'handler.action.identity.title'));
    return form;
  }

  async function requestIdentity(user: TeamsUser, reason: string): Promise<{ status: number; body: any }> {
    const form = await identityForm(user);
    const submit = actions(form).map(vmOf).find((vm) => vm.nav === 'submit')!;
    return submitDialog(user, { message: reason, vm: submit });
  }

  /** Daan opens his case from the newest notice in his chat. */
  async function reporterDialog(): Promise<Record<string, any>> {
    const cards = bot.connector.cardsSentTo(personalConversationId(daan));
    const notice = cards[cards.length - 1];
    expect(adaptiveCardsProblems(notice)).toEqual([]);
    expect(schemaErrors(notice)).toEqual([]);
    const open = actions(notice).map(vmOf).find((vm) => vm.dialog === 'caseMessages')!;
    expect(open).toMatchObject({ caseId });
    return fetchDialog(daan, open);
  }

  function answerButton(dialog: Record<string, any>, answer: 'accept' | 'refuse'): Record<string, unknown> {
    const button = actions(dialog).find((action) => (action.data as { identityAnswer?: string } | undefined)?.identityAnswer === answer)!;
    expect(button).toBeDefined();
    return button.data as Record<string, unknown>;
  }

  /** The person whose chat got the task card of the case (its refresh is for them only); `except` skips earlier handlers. */
  function handlerOf(id: string, except: TeamsUser[] = []): TeamsUser | undefined {
    return EVERYONE.find((user) =>
      !except.includes(user) &&
      bot.connector.cardsSentTo(personalConversationId(user)).some((card) => {
        const refresh = (card as { refresh?: { action?: { data?: { caseId?: string } } } }).refresh;
        return refresh?.action?.data?.caseId === id;
      }),
    );
  }

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of EVERYONE) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    const receipt = dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, confidentialReport)));
    reference = REFERENCE.exec(textIn(receipt))![0];
    caseId = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!.id;
    expect(handlerOf(caseId)).toBe(fatima);
    expect(storedCase()).toMatchObject({ identity: 'confidential', assignment: { role: 'meldpunt' } });
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when Fatima opens the confidential case, then she does not see Daan\'s name and may ask who reported', async () => {
    const details = await openDetails(fatima);
    expect(textIn(details)).not.toContain(daan.name);
    expect(textIn(details)).toContain(t('nl', 'handler.details.reporterConfidential'));
    expect(textIn(details)).toContain(t('nl', 'handler.details.identityAvailable'));
  });

  it('when Fatima asks without a reason, then the form comes back with the message and nothing is stored', async () => {
    const before = storedCase();
    const form = await identityForm(fatima);
    const submit = actions(form).map(vmOf).find((vm) => vm.nav === 'submit')!;
    const again = dialogCardOf((await submitDialog(fatima, { message: '   ', vm: submit })).body);
    expect(textIn(again)).toContain(t('nl', 'validation.messageRequired'));
    expect(actions(again).map(vmOf).find((vm) => vm.nav === 'submit')).toMatchObject({ dialog: 'caseIdentity', caseId });
    const after = storedCase();
    expect(after.identityRequest).toBeUndefined();
    expect(after.sealedMessages).toEqual(before.sealedMessages);
    expect(after.history.filter((event) => event.type.startsWith('identity_'))).toEqual([]);
  });

  it('when someone else than the handler asks, then they are refused and nothing changes', async () => {
    const before = storedCase();
    const opened = await fetchDialog(lotte, { dialog: 'caseIdentity', nav: 'next', caseId });
    expect(textIn(opened)).toContain(t('nl', 'errors.forbidden'));
    const forged = await submitDialog(lotte, { message: REASONS.first, vm: { dialog: 'caseIdentity', nav: 'submit', caseId } });
    expect(textIn(dialogCardOf(forged.body))).toContain(t('nl', 'errors.forbidden'));
    expect(storedCase()).toEqual(before);
  });

  it('when Fatima asks with a reason, then Daan\'s chat gets a notice without the reason, and no log line holds it', async () => {
    bot.connector.clear();
    const asked = await requestIdentity(fatima, REASONS.first);
    expect(asked.body.task).toMatchObject({ type: 'message', value: t('nl', 'handler.done.identityRequested') });
    const notice = bot.connector.cardsSentTo(personalConversationId(daan)).at(-1)!;
    expect(textIn(notice)).toContain(t('nl', 'reporter.notice.identityRequested.title'));
    expect(textIn(notice)).toContain(reference);
    expect(bot.connector.sentText()).not.toContain(REASONS.first);
    expect(bot.logs.join('\n')).not.toContain(REASONS.first);
    expect(storedCase()).toMatchObject({ identityRequest: { state: 'pending' } });
    expect(historyTypes().at(-1)).toBe('identity_requested');

    const details = await openDetails(fatima);
    expect(textIn(details)).toContain(t('nl', 'handler.details.identityPending'));
    expect(actions(details).some((action) => action.title === t('nl', 'handler.details.requestIdentity'))).toBe(false);
    const twice = await fetchDialog(fatima, { dialog: 'caseIdentity', nav: 'next', caseId });
    expect(textIn(twice)).toContain(t('nl', 'errors.forbidden'));
  });

  it('when someone else than the reporter answers, then they are refused and nothing changes', async () => {
    const before = storedCase();
    const forged = await submitDialog(lotte, { vm: { dialog: 'caseMessages', nav: 'submit', caseId, reference }, identityAnswer: 'accept' });
    expect(textIn(dialogCardOf(forged.body))).toContain(t('nl', 'errors.notFound'));
    const byHandler = await submitDialog(fatima, { vm: { dialog: 'caseMessages', nav: 'submit', caseId, reference }, identityAnswer: 'accept' });
    expect(textIn(dialogCardOf(byHandler.body))).toContain(t('nl', 'errors.notFound'));
    expect(storedCase()).toEqual(before);
  });

  it('when Daan reads the reason and refuses, then Fatima still sees no name and hears the answer', async () => {
    const dialog = await reporterDialog();
    expect(textIn(dialog)).toContain(REASONS.first);
    expect(textIn(dialog)).toContain(t('nl', 'reporter.case.identity.explain'));
    bot.connector.clear();
    const refused = dialogCardOf((await submitDialog(daan, answerButton(dialog, 'refuse'))).body);
    expect(textIn(refused)).toContain(t('nl', 'reporter.identityRefused'));
    expect(actions(refused).some((action) => (action.data as { identityAnswer?: string } | undefined)?.identityAnswer)).toBe(false);
    expect(textIn(bot.connector.cardsSentTo(personalConversationId(fatima)).at(-1))).toContain(t('nl', 'handler.news.identityRefused'));

    const details = await openDetails(fatima);
    expect(textIn(details)).not.toContain(daan.name);
    expect(storedCase()).toMatchObject({ identityRequest: { state: 'refused' } });
    expect(storedCase().identityDisclosedTo).toBeUndefined();
    expect(historyTypes()).toEqual(expect.arrayContaining(['identity_requested', 'identity_refused']));
    expect(historyTypes()).not.toContain('identity_shown');

    const late = await submitDialog(daan, answerButton(dialog, 'accept'));
    expect(textIn(dialogCardOf(late.body))).toContain(t('nl', 'validation.notAllowed'));
    expect(storedCase()).toMatchObject({ identityRequest: { state: 'refused' } });
  });

  it('when Fatima asks again and Daan accepts, then Fatima sees his name, and showing it is in the history', async () => {
    await requestIdentity(fatima, REASONS.second);
    expect(bot.connector.sentText()).not.toContain(REASONS.second);
    const dialog = await reporterDialog();
    expect(textIn(dialog)).toContain(REASONS.second);
    const accepted = dialogCardOf((await submitDialog(daan, answerButton(dialog, 'accept'))).body);
    expect(textIn(accepted)).toContain(t('nl', 'reporter.identityAccepted'));
    expect(textIn(bot.connector.cardsSentTo(personalConversationId(fatima)).at(-1))).toContain(t('nl', 'handler.news.identityAccepted'));

    const details = await openDetails(fatima);
    expect(textIn(details)).toContain(daan.name);
    expect(textIn(details)).toContain(t('nl', 'handler.details.identityDisclosed'));
    expect(actions(details).some((action) => action.title === t('nl', 'handler.details.requestIdentity'))).toBe(false);
    expect(historyTypes().slice(-3)).toEqual(['identity_accepted', 'content_opened', 'identity_shown']);
    expect(historyTypes().filter((type) => type.startsWith('identity_'))).toEqual([
      'identity_requested',
      'identity_refused',
      'identity_requested',
      'identity_accepted',
      'identity_shown',
    ]);
    const record = storedCase();
    expect(record.identityDisclosedTo).toEqual([record.handlerKey]);
    expect(JSON.stringify(record.history)).not.toContain(REASONS.second);
    expect(bot.logs.join('\n')).not.toContain(REASONS.second);
    expect(bot.logs.join('\n')).not.toContain(daan.name);
  });

  it('when Fatima passes the case on, then the new handler does not see the name', async () => {
    const form = await fetchDialog(fatima, { dialog: 'caseReassign', nav: 'next', caseId });
    const submit = actions(form).map(vmOf).find((vm) => vm.nav === 'submit')!;
    const passed = await submitDialog(fatima, { targetRole: 'vertrouwenspersoon', message: 'Een vertrouwenspersoon past beter bij deze vraag.', vm: submit });
    expect(passed.body.task).toMatchObject({ type: 'message' });
    const successor = handlerOf(caseId, [fatima])!;
    expect(successor).toBeDefined();
    expect(successor).not.toBe(daan);

    const details = await openDetails(successor);
    expect(textIn(details)).toContain(t('nl', 'handler.details.reporterConfidential'));
    expect(textIn(details)).not.toContain(daan.name);
    expect(textIn(details)).toContain(t('nl', 'handler.details.identityAvailable'));
    expect(historyTypes().at(-1)).toBe('content_opened');
  });

  it('when the report is named, then there is nobody to ask about: no button, and a request is refused without a change', async () => {
    const named: StepInputs = { ...confidentialReport, want: { kind: 'report', preferMeldpunt: 'true' }, identity: { identity: 'named' } };
    const receipt = dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, named)));
    const namedReference = REFERENCE.exec(textIn(receipt))![0];
    const namedCase = () => readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === namedReference)!;
    const namedId = namedCase().id;
    expect(handlerOf(namedId)).toBe(fatima);
    const details = await fetchDialog(fatima, { dialog: 'caseDetails', nav: 'next', caseId: namedId });
    expect(textIn(details)).toContain(daan.name);
    expect(actions(details).some((action) => action.title === t('nl', 'handler.details.requestIdentity'))).toBe(false);

    const before = namedCase();
    expect(textIn(await fetchDialog(fatima, { dialog: 'caseIdentity', nav: 'next', caseId: namedId }))).toContain(t('nl', 'errors.forbidden'));
    const forged = await submitDialog(fatima, { message: REASONS.first, vm: { dialog: 'caseIdentity', nav: 'submit', caseId: namedId } });
    expect(textIn(dialogCardOf(forged.body))).toContain(t('nl', 'errors.forbidden'));
    expect(namedCase()).toEqual(before);
  });

  it('when the store is dumped, then it holds neither the reasons nor Daan\'s name in plain text', async () => {
    const raw = await dumpEmbeddedStore(bot.dataDir);
    expect(raw.length).toBeGreaterThan(0);
    for (const secret of [REASONS.first, REASONS.second, daan.name, daan.aadObjectId]) expect(raw).not.toContain(secret);
  });
});
