import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { dumpCosmosDatabase } from '../../bot/storage/dumpCosmosDatabase';
import { dumpEmbeddedStore } from '../../bot/storage/dumpEmbeddedStore';
import { t } from '../../cards/i18n';
import { textIn } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { startCosmosTestServer, type CosmosTestServer } from '../fakes/cosmosTestServer';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { personalConversationId, personalMessage, taskFetch, taskSubmit, type TeamsUser } from '../fixtures/teamsActivities';
import { buttonVm, dialogCardOf, submitReview, walkToReview, type StepInputs } from './wizardJourney';
import { REFERENCE } from '../fixtures/demoPeople';

const SECRET = /[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}-[346789ABCDEFGHJKMNPQRTWXY]{4}/;

const reporter: TeamsUser = { id: '29:1f7Kx9-anonymous-reporter', aadObjectId: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', name: 'Sanne Verbeek', locale: 'nl-NL' };
const confidentialReporter: TeamsUser = { id: '29:1q8Lm2-confidential', aadObjectId: '8e7d6c5b-4a39-4281-b7c6-d5e4f3a2b1c0', name: 'Pieter Hoekstra', locale: 'en-GB' };

const anonymousJourney: StepInputs = {
  what: { categories: 'sexual_harassment' },
  want: { kind: 'report' },
  identity: { identity: 'anonymous' },
  involved: { involved: 'Kapitein Vermeulen, mijn compagniescommandant', managerInvolved: 'yes' },
  details: { incidentDate: '2026-11-12', location: 'Bernhardkazerne, Amersfoort', description: 'Tijdens de borrel raakte hij mij herhaaldelijk aan terwijl ik nee zei.' },
  support: { wantsCounsellorContact: 'false', immediateDanger: 'false' },
};

const confidentialJourney: StepInputs = {
  what: { categories: 'other_unwanted' },
  want: { kind: 'report' },
  identity: { identity: 'confidential' },
  involved: { involved: 'Majoor Dekker', managerInvolved: 'rather_not_say' },
  details: { description: 'My section head keeps excluding me from every briefing since I raised a safety issue.' },
  support: { wantsCounsellorContact: 'true', immediateDanger: 'false' },
};

/** Everything that identifies the reporters or repeats what they typed. */
const MUST_NOT_BE_STORED = [
  reporter.aadObjectId,
  reporter.id,
  reporter.name,
  personalConversationId(reporter),
  confidentialReporter.aadObjectId,
  confidentialReporter.id,
  confidentialReporter.name,
  personalConversationId(confidentialReporter),
  'Vermeulen',
  'Bernhardkazerne',
  'herhaaldelijk aan',
  'Dekker',
  'excluding me from every briefing',
];

let bot: BotHarness;
let cosmos: CosmosTestServer;

beforeAll(async () => {
  [bot, cosmos] = await Promise.all([startBotHarness(), startCosmosTestServer()]);
});

afterAll(async () => {
  await bot.stop({ removeData: true });
  await cosmos.close();
});

describe.each(['embedded', 'cosmos'] as const)('anonymous and confidential reports at rest (%s store)', (backend) => {
  let dump: () => Promise<string>;

  beforeAll(async () => {
    if (backend === 'cosmos') {
      const databaseId = 'vm-e2e-at-rest';
      await bot.reconfigure({ COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: databaseId });
      dump = () => dumpCosmosDatabase(cosmos.client, databaseId);
    } else {
      dump = () => dumpEmbeddedStore(bot.dataDir);
    }
  });

  let anonymousReceipt = '';

  it('when an anonymous report is submitted, then the dialog shows the reference and a follow-up secret, nothing is posted in the reporter chat, and the handler card holds no content', async () => {
    bot.connector.clear();
    await bot.send(personalMessage(reporter, bot.connector.serviceUrl, 'hallo'));
    bot.connector.clear();
    const review = await walkToReview(bot, reporter, anonymousJourney);
    anonymousReceipt = textIn(dialogCardOf(await submitReview(bot, reporter, review)));
    expect(anonymousReceipt).toMatch(REFERENCE);
    expect(anonymousReceipt).toMatch(SECRET);
    expect(bot.connector.sent.filter((item) => item.conversationId === personalConversationId(reporter))).toEqual([]);
    const everythingSent = bot.connector.sentText();
    for (const typed of ['Vermeulen', 'Bernhardkazerne', 'herhaaldelijk aan', reporter.name, reporter.aadObjectId]) expect(everythingSent).not.toContain(typed);
  });

  it('when a confidential report is submitted, then the chat receipt carries the reference only', async () => {
    bot.connector.clear();
    const review = await walkToReview(bot, confidentialReporter, confidentialJourney);
    const receipt = textIn(dialogCardOf(await submitReview(bot, confidentialReporter, review)));
    expect(receipt).not.toMatch(SECRET);
    const [chatReceipt] = bot.connector.cardsSentTo(personalConversationId(confidentialReporter));
    expect(textIn(chatReceipt)).toContain(REFERENCE.exec(receipt)![0]);
    expect(bot.connector.sentText()).not.toContain('Dekker');
  });

  it('when the raw store is dumped, then it holds neither reporter ids, names, conversations nor anything they typed', async () => {
    const raw = await dump();
    expect(raw).toContain(REFERENCE.exec(anonymousReceipt)![0]);
    for (const item of MUST_NOT_BE_STORED) expect(raw).not.toContain(item);
    expect(raw).not.toContain(SECRET.exec(anonymousReceipt)![0]);
  });

  it('when the anonymous case is stored, then it has no reporter key or identity, only a relay id, and went to the Meldpunt', async () => {
    const raw = await dump();
    const reference = REFERENCE.exec(anonymousReceipt)![0];
    const stored =
      backend === 'embedded'
        ? readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!
        : (JSON.parse(raw) as Record<string, CaseRecord[]>).cases.find((item) => item.reference === reference)!;
    expect(stored.reporterKey).toBeUndefined();
    expect(stored.sealedReporter).toBeUndefined();
    expect(stored.relayId).toEqual(expect.any(String));
    expect(stored.routing).toEqual({ role: 'meldpunt', rule: 'r4_not_named' });
  });

  it('when the anonymous reporter asks "status" in the chat, then the anonymous case is not listed (nothing links it to them)', async () => {
    bot.connector.clear();
    await bot.send(personalMessage(reporter, bot.connector.serviceUrl, 'mijn meldingen'));
    const [list] = bot.connector.cardsSentTo(personalConversationId(reporter));
    expect(textIn(list)).not.toContain(REFERENCE.exec(anonymousReceipt)![0]);
  });

  it('when reference and secret are given in the status dialog, then the state is shown; a wrong secret or reference gets one and the same refusal', async () => {
    const reference = REFERENCE.exec(anonymousReceipt)![0];
    const secret = SECRET.exec(anonymousReceipt)![0];
    const form = dialogCardOf((await bot.send(taskFetch(reporter, bot.connector.serviceUrl, { vm: { dialog: 'anonymousStatus', nav: 'next' } }))).body);
    const check = buttonVm(form, 'checkStatus');

    const ok = dialogCardOf((await bot.send(taskSubmit(reporter, bot.connector.serviceUrl, { reference: reference.toLowerCase(), secret, vm: check }))).body);
    expect(textIn(ok)).toContain(t('nl', 'states.submitted.title'));

    const wrongSecret = dialogCardOf((await bot.send(taskSubmit(reporter, bot.connector.serviceUrl, { reference, secret: 'AAAA-BBBB-CCCC-DDDD', vm: check }))).body);
    const wrongReference = dialogCardOf((await bot.send(taskSubmit(reporter, bot.connector.serviceUrl, { reference: 'VM-AAAA-BBBB', secret, vm: check }))).body);
    expect(textIn(wrongSecret)).toContain(t('nl', 'validation.referenceOrSecretWrong'));
    expect(textIn(wrongReference)).toContain(t('nl', 'validation.referenceOrSecretWrong'));
    expect(textIn(wrongSecret)).not.toContain(t('nl', 'states.submitted.title'));
  });
});

describe('guessing secrets', () => {
  it('when someone tries five wrong secrets, then the sixth attempt is refused even with the right secret, and a quarter of an hour later it works again', async () => {
    const guesser: TeamsUser = { id: '29:1guesser', aadObjectId: '0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f', name: 'Guesser', locale: 'nl-NL' };
    const review = await walkToReview(bot, reporter, anonymousJourney);
    const receipt = textIn(dialogCardOf(await submitReview(bot, reporter, review)));
    const [reference, secret] = [REFERENCE.exec(receipt)![0], SECRET.exec(receipt)![0]];
    const form = dialogCardOf((await bot.send(taskFetch(guesser, bot.connector.serviceUrl, { vm: { dialog: 'anonymousStatus', nav: 'next' } }))).body);
    const check = buttonVm(form, 'checkStatus');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await bot.send(taskSubmit(guesser, bot.connector.serviceUrl, { reference, secret: `AAAA-BBBB-CCCC-DDD${attempt + 3}`, vm: check }));
    }
    const blocked = dialogCardOf((await bot.send(taskSubmit(guesser, bot.connector.serviceUrl, { reference, secret, vm: check }))).body);
    expect(textIn(blocked)).toContain(t('nl', 'validation.tooManyAttempts'));
    expect(textIn(blocked)).not.toContain(t('nl', 'states.submitted.title'));

    bot.clock.advance(16 * 60_000);
    const allowed = dialogCardOf((await bot.send(taskSubmit(guesser, bot.connector.serviceUrl, { reference, secret, vm: check }))).body);
    expect(textIn(allowed)).toContain(t('nl', 'states.submitted.title'));
  });

  it('when a wrong secret is sent with the withdraw button, then it counts once: three of those and one wrong status check still leave the right secret working', async () => {
    const guesser: TeamsUser = { id: '29:1withdrawer', aadObjectId: '5c4b3a29-1807-4f6e-9d8c-7b6a5f4e3d2c', name: 'Withdrawer', locale: 'nl-NL' };
    const review = await walkToReview(bot, reporter, anonymousJourney);
    const receipt = textIn(dialogCardOf(await submitReview(bot, reporter, review)));
    const [reference, secret] = [REFERENCE.exec(receipt)![0], SECRET.exec(receipt)![0]];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const refused = dialogCardOf((await bot.send(taskSubmit(guesser, bot.connector.serviceUrl, { vm: { dialog: 'caseWithdraw', nav: 'next', reference, secret: `AAAA-BBBB-CCCC-DDD${attempt + 3}` } }))).body);
      expect(textIn(refused)).not.toContain(t('nl', 'states.submitted.title'));
    }
    const form = dialogCardOf((await bot.send(taskFetch(guesser, bot.connector.serviceUrl, { vm: { dialog: 'anonymousStatus', nav: 'next' } }))).body);
    const check = buttonVm(form, 'checkStatus');
    await bot.send(taskSubmit(guesser, bot.connector.serviceUrl, { reference, secret: 'AAAA-BBBB-CCCC-DDD9', vm: check }));

    const allowed = dialogCardOf((await bot.send(taskSubmit(guesser, bot.connector.serviceUrl, { reference, secret, vm: check }))).body);
    expect(textIn(allowed)).toContain(t('nl', 'states.submitted.title'));
  });
});
