import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { t } from '../../cards/i18n';
import { actions, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { anouk, daan, jeroen, REFERENCE } from '../fixtures/demoPeople';
import { botInstalled, cardAction, personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';

const SECRET = /[346789ABCDEFGHJKMNPQRTWXY]{4}(-[346789ABCDEFGHJKMNPQRTWXY]{4}){3}/;

const lineReport: StepInputs = {
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'named' },
  involved: { involved: 'Korporaal Smeets', managerInvolved: 'no' },
  details: { description: 'Hij neemt steeds mijn spullen af.' },
  support: { wantsCounsellorContact: 'false' },
};
const anonymousReport: StepInputs = { ...lineReport, identity: { identity: 'anonymous' }, details: { description: 'Anoniem: er wordt gepest op de legering.' } };

/** Everything the store holds that a button could change. */
function storeSnapshot(bot: BotHarness): string {
  return JSON.stringify(['drafts', 'cases', 'outbox', 'audit', 'relayAddresses', 'attempts', 'teamActions'].map((container) => readEmbeddedDocuments(bot.dataDir, container)));
}

/** The same person of the demo directory, in another Teams language. */
function inLocale(user: TeamsUser, locale: string): TeamsUser {
  return { ...user, locale };
}

describe.each([
  ['nl', 'nl-NL'],
  ['en', 'en-US'],
] as const)('every close or cancel button of every dialog (%s), through POST /api/messages', (lang, teamsLocale) => {
  let bot: BotHarness;
  const reporter = inLocale(daan, teamsLocale);
  const manager = inLocale(jeroen, teamsLocale);
  const coordinator = inLocale(anouk, teamsLocale);
  let caseId = '';
  let reference = '';
  let anonymousReference = '';
  let anonymousSecret = '';

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [reporter, manager, coordinator]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  /** Presses every button of the dialog with `nav: close`, and checks each closes the dialog and changes nothing. */
  async function pressEveryClose(user: TeamsUser, dialog: Record<string, any>, titles: string[]): Promise<number> {
    const closes = actions(dialog).filter((action) => vmOf(action).nav === 'close');
    expect(closes.length).toBeGreaterThan(0);
    for (const button of closes) {
      expect(titles).toContain(button.title);
      bot.connector.clear();
      const before = storeSnapshot(bot);
      const response = await bot.send(taskSubmit(user, bot.connector.serviceUrl, { vm: vmOf(button) }));
      expect(response.status).toBe(200);
      // An empty task response: Teams closes the dialog.
      expect(response.body?.task).toBeUndefined();
      expect(storeSnapshot(bot)).toBe(before);
      expect(bot.connector.sent).toEqual([]);
    }
    return closes.length;
  }

  it('when the receipt of a named report is closed, then the dialog closes, no wizard reopens and no draft is made', async () => {
    const receipt = dialogCardOf(await submitReview(bot, reporter, await walkToReview(bot, reporter, lineReport)));
    reference = REFERENCE.exec(textIn(receipt))![0];
    caseId = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!.id;
    await pressEveryClose(reporter, receipt, [t(lang, 'common.close')]);
    expect(readEmbeddedDocuments(bot.dataDir, 'drafts')).toEqual([]);

    bot.connector.clear();
    await bot.send(personalMessage(reporter, bot.connector.serviceUrl, 'hallo'));
    const [welcome] = bot.connector.cardsSentTo(personalConversationId(reporter));
    expect(textIn(welcome)).not.toContain(t(lang, 'welcome.draft'));
  });

  it('when the receipt of an anonymous report is closed, then it closes too and nothing changes', async () => {
    const receipt = dialogCardOf(await submitReview(bot, reporter, await walkToReview(bot, reporter, anonymousReport)));
    anonymousReference = REFERENCE.exec(textIn(receipt))![0];
    anonymousSecret = SECRET.exec(textIn(receipt))![0];
    await pressEveryClose(reporter, receipt, [t(lang, 'common.close')]);
  });

  it('when the anonymous-status dialog is closed, empty or after a check, then it closes without a validation error', async () => {
    const form = dialogCardOf((await bot.send(taskFetch(reporter, bot.connector.serviceUrl, { vm: { dialog: 'anonymousStatus', nav: 'next' } }))).body);
    await pressEveryClose(reporter, form, [t(lang, 'common.close')]);
    const checked = await bot.send(
      taskSubmit(reporter, bot.connector.serviceUrl, { reference: anonymousReference, secret: anonymousSecret, vm: { dialog: 'anonymousStatus', nav: 'checkStatus' } }),
    );
    await pressEveryClose(reporter, dialogCardOf(checked.body), [t(lang, 'common.close')]);
  });

  it('when the handler closes the case dialog or cancels any of the handler forms, then each closes and nothing is sent or changed', async () => {
    const details = dialogCardOf((await bot.send(taskFetch(manager, bot.connector.serviceUrl, { vm: { dialog: 'caseDetails', nav: 'next', caseId } }))).body);
    await pressEveryClose(manager, details, [t(lang, 'common.close')]);
    for (const dialog of ['caseUpdate', 'caseQuestion', 'caseReassign', 'caseClose', 'caseExtend']) {
      const form = dialogCardOf((await bot.send(taskFetch(manager, bot.connector.serviceUrl, { vm: { dialog, nav: 'next', caseId } }))).body);
      await pressEveryClose(manager, form, [t(lang, 'handler.action.cancel')]);
    }
  });

  it('when the reporter closes their case dialog or cancels the withdrawal, then each closes and the case stays open', async () => {
    const own = dialogCardOf((await bot.send(taskFetch(reporter, bot.connector.serviceUrl, { vm: { dialog: 'caseMessages', nav: 'next', caseId } }))).body);
    await pressEveryClose(reporter, own, [t(lang, 'common.close')]);
    const withdraw = dialogCardOf((await bot.send(taskFetch(reporter, bot.connector.serviceUrl, { vm: { dialog: 'caseWithdraw', nav: 'next', caseId } }))).body);
    await pressEveryClose(reporter, withdraw, [t(lang, 'reporter.withdraw.cancel')]);
    expect(readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.id === caseId)!.state).not.toBe('closed');
  });

  it('when the handover, audit and insights dialogs are closed or cancelled, then each closes and nothing moves', async () => {
    const handover = dialogCardOf((await bot.send(taskFetch(manager, bot.connector.serviceUrl, { vm: { dialog: 'handover', nav: 'next' } }))).body);
    expect(await pressEveryClose(manager, handover, [t(lang, 'handover.cancel'), t(lang, 'common.close')])).toBeGreaterThan(0);
    const audit = dialogCardOf((await bot.send(taskFetch(coordinator, bot.connector.serviceUrl, { vm: { dialog: 'auditExport', nav: 'next', reference } }))).body);
    await pressEveryClose(coordinator, audit, [t(lang, 'common.close')]);
    const insights = dialogCardOf((await bot.send(taskFetch(coordinator, bot.connector.serviceUrl, { vm: { dialog: 'insights', nav: 'next', period: 'thisQuarter' } }))).body);
    await pressEveryClose(coordinator, insights, [t(lang, 'common.close')]);
  });

  it('when "my reports" is pressed afterwards, then the named case is still there, unchanged by all the closing', async () => {
    const response = await bot.send(cardAction(reporter, bot.connector.serviceUrl, 'showMyCases'));
    expect(textIn(response.body.value)).toContain(reference);
    expect(textIn(response.body.value)).not.toContain(anonymousReference);
  });
});
