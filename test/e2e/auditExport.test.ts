import type { AuditEntry } from '../../bot/app/audit/auditPorts';
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { t } from '../../cards/i18n';
import { actions, adaptiveCardsProblems, schemaErrors, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, cardAction, personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';
import { anouk, daan, jeroen, lotte, REFERENCE } from '../fixtures/demoPeople';


// The demo organisation: Daan's manager Jeroen handles his melding via the line; Anouk coordinates CLAS and below
// (Daan's unit is in it); Lotte is Jeroen's manager and coordinates nothing; Sophie is a colleague (English).
const marieke: TeamsUser = { id: '29:1marieke', aadObjectId: '00000000-0000-4000-8000-000000000004', name: 'Marieke Jansen', locale: 'en-US' };

const TYPED = {
  description: 'Mijn sectiecommandant maakt elke dag grappen over mijn accent waar iedereen bij is.',
  involved: 'Sergeant Brouwer',
  update: 'Ik heb de sergeant aangesproken en we hebben een gesprek gepland met jullie beiden.',
  closing: 'Het gesprek is gevoerd; de sergeant heeft excuses gemaakt en het is gestopt.',
};

const lineReport: StepInputs = {
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'named' },
  involved: { involved: TYPED.involved, managerInvolved: 'no' },
  details: { description: TYPED.description },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
};

describe('the audit export of a case, through POST /api/messages', () => {
  let bot: BotHarness;
  let reference = '';
  let caseId = '';

  const auditEntries = () => readEmbeddedDocuments<AuditEntry>(bot.dataDir, 'audit').filter((entry) => entry.caseId === caseId);
  const exports = () => auditEntries().filter((entry) => entry.action === 'audit_exported');

  /** Types a message in the user's 1:1 chat; returns the card the bot answered with (checked to parse and validate). */
  async function type(user: TeamsUser, text: string): Promise<Record<string, any>> {
    const before = bot.connector.cardsSentTo(personalConversationId(user)).length;
    await bot.send(personalMessage(user, bot.connector.serviceUrl, text));
    const cards = bot.connector.cardsSentTo(personalConversationId(user));
    expect(cards.length).toBe(before + 1);
    const card = cards.at(-1)!;
    expect(adaptiveCardsProblems(card)).toEqual([]);
    expect(schemaErrors(card)).toEqual([]);
    return card;
  }

  /** Opens the audit dialog as `user`, for `vm`; the error dialog or the audit. */
  async function openAudit(user: TeamsUser, vm: Record<string, unknown>): Promise<{ title: string; card: Record<string, any> }> {
    const response = await bot.send(taskFetch(user, bot.connector.serviceUrl, { vm }));
    return { title: response.body.task.value.title, card: dialogCardOf(response.body) };
  }

  function expectRefused(user: TeamsUser, opened: { title: string; card: Record<string, any> }, locale: 'nl' | 'en' = 'nl'): void {
    expect(opened.title).toBe(t(locale, 'errors.title'));
    expect(textIn(opened.card)).toContain(t(locale, 'errors.forbidden'));
    expect(textIn(opened.card)).not.toContain(jeroen.name);
  }

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [daan, jeroen, anouk, lotte, marieke]) await bot.send(botInstalled(user, bot.connector.serviceUrl));

    // Daan's named melding, handled by Jeroen: opened, acknowledged, an update, closed.
    const receipt = dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, lineReport)));
    reference = REFERENCE.exec(textIn(receipt))![0];
    caseId = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!.id;
    dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId } }))).body);
    await bot.send(cardAction(jeroen, bot.connector.serviceUrl, 'acknowledgeCase', { caseId }));
    const updateForm = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseUpdate', nav: 'next', caseId } }))).body);
    await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { message: TYPED.update, vm: buttonVm(updateForm, 'submit') }));
    const closeForm = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseClose', nav: 'next', caseId } }))).body);
    await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { outcome: 'resolved', message: TYPED.closing, vm: buttonVm(closeForm, 'submit') }));
    expect(readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.id === caseId)).toMatchObject({ state: 'closed', auditPending: false });
  }, 60_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when Anouk types "audit <reference>", then a notice with only the reference has a button that opens the audit dialog', async () => {
    const notice = await type(anouk, `audit ${reference.toLowerCase()}`);
    expect(textIn(notice)).toContain(reference);
    expect(textIn(notice)).not.toContain(jeroen.name);
    expect(actions(notice).map(vmOf)).toEqual([{ dialog: 'auditExport', nav: 'next', reference }]);
    expect((await type(anouk, `logboek ${reference}`)).actions.map(vmOf)).toEqual([{ dialog: 'auditExport', nav: 'next', reference }]);
  });

  it('when she opens it, then the dialog lists the events with the handler\'s name and the export itself, and none of the typed text', async () => {
    const notice = await type(anouk, `audit ${reference}`);
    const { title, card } = await openAudit(anouk, vmOf(actions(notice)[0]));
    expect(title).toBe(t('nl', 'dialog.auditExportTitle'));
    const text = textIn(card);
    for (const event of ['submitted', 'routed', 'assigned', 'content_opened', 'acknowledged', 'update_sent', 'closed', 'audit_exported'] as const) {
      expect(text).toContain(t('nl', `history.${event}`));
    }
    expect(text).toContain(`${t('nl', 'auditExport.roles.handler')}: ${jeroen.name}`);
    expect(text).toContain(`${t('nl', 'auditExport.roles.coordinator')}: ${anouk.name}`);
    expect(text).toContain(`"${jeroen.name}","content_opened"`);
    for (const typed of [...Object.values(TYPED), daan.name]) expect(text).not.toContain(typed);
    expect(exports()).toHaveLength(1);
    // Closing the dialog records nothing more.
    expect((await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { vm: { dialog: 'auditExport', nav: 'close' } }))).status).toBe(200);
    expect(exports()).toHaveLength(1);
  });

  it('when the central coordinator opens it in English, then she gets it too', async () => {
    const { title } = await openAudit(marieke, { dialog: 'auditExport', nav: 'next', reference });
    expect(title).toBe(t('en', 'dialog.auditExportTitle'));
    expect(exports()).toHaveLength(2);
  });

  it.each([
    ['the reporter', daan],
    ['the handler', jeroen],
    ['a commander who coordinates nothing', lotte],
  ])('when %s opens it, then the generic refusal comes and no export is recorded', async (_who, user) => {
    const before = exports().length;
    expectRefused(user, await openAudit(user, { dialog: 'auditExport', nav: 'next', reference }));
    expect(exports()).toHaveLength(before);
  });

  it('when the reference is unknown or malformed, then the refusal is the same', async () => {
    const before = exports().length;
    expectRefused(anouk, await openAudit(anouk, { dialog: 'auditExport', nav: 'next', reference: 'VM-9999-9999' }));
    expectRefused(anouk, await openAudit(anouk, { dialog: 'auditExport', nav: 'next', reference: 'vm-not-valid' }));
    expectRefused(anouk, await openAudit(anouk, { dialog: 'auditExport', nav: 'next' }));
    expect(exports()).toHaveLength(before);
  });

  it('when "audit" comes without a reference, then the bot explains how to ask', async () => {
    const card = await type(anouk, 'audit');
    expect(textIn(card)).toContain(t('nl', 'notices.auditUsage.text'));
    expect(actions(card)).toEqual([]);
  });

  it('when all is done, then no chat message carried a name or typed text, and the audit store holds no plain names or text', () => {
    const sent = bot.connector.sentText();
    for (const typed of Object.values(TYPED)) expect(sent).not.toContain(typed);
    const raw = JSON.stringify(auditEntries());
    for (const secret of [...Object.values(TYPED), daan.name, jeroen.name, anouk.name, daan.aadObjectId, jeroen.aadObjectId]) expect(raw).not.toContain(secret);
  });
});
