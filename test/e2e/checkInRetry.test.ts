import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { t } from '../../cards/i18n';
import { actions, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botInstalled, personalConversationId, taskFetch, taskSubmit } from '../fixtures/teamsActivities';
import { daan, jeroen, marieke, REFERENCE } from '../fixtures/demoPeople';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';

const DAY = 86_400_000;
const RETALIATION = 'Sinds mijn melding word ik niet meer ingedeeld.';

const REPORT: StepInputs = {
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'false' },
  identity: { identity: 'named' },
  involved: { involved: 'Korporaal Smeets', managerInvolved: 'no' },
  details: { description: 'Een collega neemt steeds mijn spullen af.' },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
};

function cases(bot: BotHarness): CaseRecord[] {
  return readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases');
}

describe('a check-in answer that Teams delivers twice is counted once, through POST /api/messages', () => {
  let bot: BotHarness;
  let first: CaseRecord;

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [daan, jeroen, marieke]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    const receipt = textIn(dialogCardOf(await submitReview(bot, daan, await walkToReview(bot, daan, REPORT))));
    first = cases(bot).find((item) => item.reference === REFERENCE.exec(receipt)![0])!;
    const form = dialogCardOf((await bot.send(taskFetch(jeroen, bot.connector.serviceUrl, { vm: { dialog: 'caseClose', nav: 'next', caseId: first.id } }))).body);
    await bot.send(taskSubmit(jeroen, bot.connector.serviceUrl, { outcome: 'resolved', message: 'Besproken; het is gestopt.', vm: buttonVm(form, 'submit') }));
    bot.clock.advance(31 * DAY);
    await bot.host.runTimer('sendDueReminders');
    await bot.host.runTimer('deliverOutbox');
  }, 60_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  function stored(): CaseRecord {
    return cases(bot).find((item) => item.id === first.id)!;
  }

  // The insights' share counts a case by `firstAnsweredAt` / `firstNegativeAt`, and `answered` is what the handler
  // sees: a retry must leave all of them as the first delivery set them.
  it('when the same "negative consequences" submit arrives twice, then one answer, one history entry and one retaliation case, and both answers show the same receipt', async () => {
    const checkIn = bot.connector.cardsSentTo(personalConversationId(daan)).find((card) => textIn(card).includes(t('nl', 'aftercare.checkIn.title')))!;
    const open = vmOf(actions(checkIn).find((action) => vmOf(action).dialog === 'checkIn')!);
    const form = dialogCardOf((await bot.send(taskFetch(daan, bot.connector.serviceUrl, { vm: open }))).body);
    const submit = taskSubmit(daan, bot.connector.serviceUrl, { answer: 'negative_consequences', text: RETALIATION, vm: buttonVm(form, 'submit') });

    const once = textIn(dialogCardOf((await bot.send(submit)).body));
    const afterOnce = stored();
    const twice = textIn(dialogCardOf((await bot.send(submit)).body));

    expect(REFERENCE.exec(twice)![0]).toBe(REFERENCE.exec(once)![0]);
    const record = stored();
    expect(record.aftercare).toMatchObject({ sent: 1, answered: 1, firstAnsweredAt: afterOnce.aftercare!.firstAnsweredAt, firstNegativeAt: afterOnce.aftercare!.firstNegativeAt });
    expect(record.history.filter((event) => event.type === 'check_in_answered')).toHaveLength(1);
    expect(record.aftercare!.retaliationCaseIds).toHaveLength(1);
    expect(cases(bot).filter((item) => item.retaliationOf?.caseId === first.id)).toHaveLength(1);
  });

  it('when Daan then answers the same check-in differently, then that is a second answer, recorded', async () => {
    const form = dialogCardOf((await bot.send(taskFetch(daan, bot.connector.serviceUrl, { vm: { dialog: 'checkIn', nav: 'next', caseId: first.id } }))).body);
    await bot.send(taskSubmit(daan, bot.connector.serviceUrl, { answer: 'concerns', vm: buttonVm(form, 'submit') }));
    expect(stored().aftercare).toMatchObject({ answered: 2 });
    expect(stored().history.filter((event) => event.type === 'check_in_answered')).toHaveLength(2);
  });
});
