import { t } from '../../cards/i18n';
import { actions, adaptiveCardsProblems, allObjects, schemaErrors, textIn, vmOf } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { botInstalled, personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';
import { anouk, daan, lotte } from '../fixtures/demoPeople';

// The demo organisation: Daan (11 Infanteriebataljon, in CLAS) reports; Anouk coordinates CLAS and below;
// Lotte coordinates nothing.

const DESCRIPTION = 'Mijn sectiecommandant maakt elke dag grappen over mijn accent waar iedereen bij is.';

const report = (involved: string): StepInputs => ({
  what: { categories: 'bullying' },
  want: { kind: 'report', preferMeldpunt: 'true' },
  identity: { identity: 'named' },
  involved: { involved, managerInvolved: 'no' },
  details: { description: DESCRIPTION },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
});

/** The facts of a card as title → value. */
function factsOf(card: object): Record<string, string> {
  return Object.fromEntries(allObjects(card).filter((node) => node.type === 'FactSet').flatMap((node) => (node.facts as { title: string; value: string }[]).map((fact) => [fact.title, fact.value])));
}

describe('the coordinators\' insights, through POST /api/messages', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [daan, anouk, lotte]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    // Five meldingen in November 2026 (this quarter): just enough to be shown.
    for (const involved of ['Korporaal Smeets', 'Soldaat Visser', 'Soldaat Bakker', 'Sergeant Brouwer', 'Korporaal de Vries']) {
      await submitReview(bot, daan, await walkToReview(bot, daan, report(involved)));
    }
  }, 120_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

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

  it('when Anouk types "inzichten", then a notice opens the insights of this quarter: before November has ended its reports are not counted, after it the figures show, "<5" where small', async () => {
    const notice = await type(anouk, 'Inzichten');
    expect(actions(notice).map(vmOf)).toEqual([{ dialog: 'insights', nav: 'next', period: 'thisQuarter' }]);
    expect((await type(anouk, 'cijfers')).actions.map(vmOf)).toEqual([{ dialog: 'insights', nav: 'next', period: 'thisQuarter' }]);

    // 30 November: only October is complete, so the five November reports are not in the figures yet.
    const early = dialogCardOf((await bot.send(taskFetch(anouk, bot.connector.serviceUrl, { vm: vmOf(actions(notice)[0]) }))).body);
    expect(factsOf(early)[t('nl', 'insights.cases')]).toBe('<5');
    expect(textIn(early)).toContain(t('nl', 'insights.countedUpTo', { month: 'oktober 2026' }));

    bot.clock.set(new Date('2026-12-01T08:00:00Z'));
    const response = await bot.send(taskFetch(anouk, bot.connector.serviceUrl, { vm: vmOf(actions(notice)[0]) }));
    expect(response.body.task.value.title).toBe(t('nl', 'dialog.insightsTitle'));
    const card = dialogCardOf(response.body);
    const facts = factsOf(card);
    expect(facts[t('nl', 'insights.cases')]).toBe('5');
    expect(facts[t('nl', 'categories.bullying.title')]).toBe('5');
    expect(facts[t('nl', 'categories.discrimination.title')]).toBe('<5');
    expect(facts[t('nl', 'insights.medianDaysToClose')]).toBe('<5');
    const text = textIn(card);
    expect(text).toContain(t('nl', 'insights.countedUpTo', { month: 'november 2026' }));
    expect(text).toContain('"2026-Q4","total","","","cases","5"');
    for (const secret of [DESCRIPTION, 'Smeets', daan.name]) expect(text).not.toContain(secret);
  });

  it('when she switches to last quarter, then the same dialog shows that period, in which nothing was received', async () => {
    const response = await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { vm: { dialog: 'insights', nav: 'next', period: 'lastQuarter' } }));
    const card = dialogCardOf(response.body);
    expect(textIn(card)).toContain(t('nl', 'insights.title', { period: `${t('nl', 'insights.periods.lastQuarter')} (2026-Q3)` }));
    expect(factsOf(card)[t('nl', 'insights.cases')]).toBe('<5');
    // A period the schema does not know makes the whole action invalid: no figures come back.
    const unknown = await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { vm: { dialog: 'insights', nav: 'next', period: 'allTime' } }));
    expect(textIn(unknown.body)).not.toContain(t('nl', 'insights.cases'));
  });

  it('when she closes it, then the dialog closes', async () => {
    const response = await bot.send(taskSubmit(anouk, bot.connector.serviceUrl, { vm: { dialog: 'insights', nav: 'close' } }));
    expect(response.status).toBe(200);
    expect(response.body?.task?.value?.card).toBeUndefined();
  });

  it('when Lotte, who coordinates nothing, opens it, then she gets the generic refusal', async () => {
    await type(lotte, 'insights');
    const response = await bot.send(taskFetch(lotte, bot.connector.serviceUrl, { vm: { dialog: 'insights', nav: 'next', period: 'thisQuarter' } }));
    expect(response.body.task.value.title).toBe(t('nl', 'errors.title'));
    const text = textIn(dialogCardOf(response.body));
    expect(text).toContain(t('nl', 'errors.forbidden'));
    expect(text).not.toContain(t('nl', 'insights.cases'));
  });

  it('when a report is filed now, then what Anouk sees does not change until its month has ended (in English too)', async () => {
    const open = async (period: string) => dialogCardOf((await bot.send(taskFetch(anouk, bot.connector.serviceUrl, { vm: { dialog: 'insights', nav: 'next', period } }))).body);
    const before = textIn(await open('thisQuarter'));
    await submitReview(bot, daan, await walkToReview(bot, daan, { ...report('Soldaat de Jong'), identity: { identity: 'anonymous' } }));
    const after = await open('thisQuarter');
    expect(textIn(after)).toBe(before);
    expect(factsOf(after)[t('nl', 'insights.cases')]).toBe('5');

    // A new quarter: the last one is complete now and holds all six; this one has no complete month yet.
    bot.clock.set(new Date('2027-01-01T08:00:00Z'));
    expect(factsOf(await open('lastQuarter'))[t('nl', 'insights.cases')]).toBe('6');
    expect(textIn(await open('thisQuarter'))).toContain(t('nl', 'insights.noCompleteMonth'));
    const english = { ...anouk, locale: 'en-US' };
    const inEnglish = dialogCardOf((await bot.send(taskFetch(english, bot.connector.serviceUrl, { vm: { dialog: 'insights', nav: 'next', period: 'lastQuarter' } }))).body);
    expect(textIn(inEnglish)).toContain(t('en', 'insights.countedUpTo', { month: 'December 2026' }));
  });
});
