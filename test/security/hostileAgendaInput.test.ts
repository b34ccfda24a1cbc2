import fc from 'fast-check';
import type { TeamActionRecord, TeamRecord } from '../../bot/app/agenda/agendaPorts';
import { adaptiveCardsProblems, textIn } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { botAddedToTeam, botInstalled, cardAction, channelCardAction, type TeamsTeam } from '../fixtures/teamsActivities';
import { CANARY, PROBE_CLOSE, PROBE_OPEN, TEMPLATE_PROBES, hostileValue, junkValue, objectOf, put, typedText } from './hostileArbitraries';
import { daan, jeroen, sophie } from '../fixtures/demoPeople';

/**
 * The agenda's card verbs (team channel and the action owner's chat) under hostile input: any
 * value in any input, prototype keys, huge strings, template syntax. Never a 5xx, always a card
 * that parses, typed text never evaluated, never in a log line or a sent message, Object.prototype
 * untouched, and the stored team and actions still well-formed. Fixed seed: a CI failure is the
 * same failure on a laptop.
 */
const SEED = 20261204;
const RUNS = 400;

const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };

const CHANNEL_VERBS = ['openTeamSettings', 'saveTeamSettings', 'topicDiscussed', 'topicOther', 'topicSkipped'] as const;
const CHAT_VERBS = ['actionDone', 'actionNewDate', 'refreshAction'] as const;
const INPUTS = [
  'weekdays',
  'time',
  'everyWeeks',
  'leadWorkingDays',
  'language',
  'unitId',
  'paused',
  'notes',
  'skipReason',
  'newDate',
  ...[1, 2, 3].flatMap((slot) => [`action${slot}Text`, `action${slot}Owner`, `action${slot}Due`]),
] as const;

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/** Typed template syntax came back character for character (or cut off), never evaluated. */
function expectProbesLiteral(text: string): void {
  for (let at = text.indexOf(PROBE_OPEN); at >= 0; at = text.indexOf(PROBE_OPEN, at + 1)) {
    const rest = text.slice(at + 1).replace(/…$/, '');
    expect(TEMPLATE_PROBES.some((probe) => rest.startsWith(probe + PROBE_CLOSE) || (probe + PROBE_CLOSE).startsWith(rest))).toBe(true);
  }
}

describe('hostile input to the agenda verbs through POST /api/messages (property-based, fixed seed)', () => {
  let bot: BotHarness;
  let postingId: string;
  let actionId: string;

  beforeAll(async () => {
    bot = await startBotHarness();
    for (const user of [jeroen, daan, sophie]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    await bot.send(botAddedToTeam(jeroen, bot.connector.serviceUrl, team));
    const settings = { weekdays: '1', time: '09:00', everyWeeks: '1', leadWorkingDays: '1', language: 'nl', unitId: 'u-clas-11-inf', paused: 'false' };
    await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'saveTeamSettings', settings));
    bot.clock.set('2026-12-04T08:05:00Z');
    await bot.host.runTimer('postTeamTopics');
    postingId = readEmbeddedDocuments<TeamRecord>(bot.dataDir, 'teams')[0].postings[0].id;
    // A second meeting's topic, discussed with one action of Sophie's: the action verbs need a real action.
    const discussed = { postingId, action1Text: 'Ronde plannen', action1Owner: sophie.aadObjectId, action1Due: '2026-12-20' };
    await bot.send(channelCardAction(daan, bot.connector.serviceUrl, team, 'topicDiscussed', discussed));
    actionId = readEmbeddedDocuments<TeamActionRecord>(bot.dataDir, 'teamActions')[0].id;
  }, 60_000);

  afterAll(async () => {
    await bot?.stop({ removeData: true });
    await bot?.connector.stop();
  });

  it('any agenda verb with any input values: no 5xx, a card that parses, nothing typed evaluated, logged or sent, no prototype pollution', async () => {
    const who = fc.constantFrom(jeroen, daan, sophie);
    const value = fc.oneof({ weight: 3, arbitrary: typedText }, { weight: 2, arbitrary: hostileValue });
    const inputs = fc.array(fc.tuple(fc.constantFrom(...INPUTS, '__proto__', 'constructor', 'postingId', 'actionId'), value), { maxLength: 8 });
    const idChoice = fc.oneof({ weight: 3, arbitrary: fc.constant('real') }, { weight: 1, arbitrary: junkValue });
    const big = fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(100_000, 1_000_000) });
    let cards = 0;

    await fc.assert(
      fc.asyncProperty(who, fc.constantFrom(...CHANNEL_VERBS, ...CHAT_VERBS), inputs, idChoice, big, fc.constantFrom(...INPUTS), async (user, verb, entries, id, size, bigField) => {
        bot.logs.length = 0;
        bot.connector.clear();
        bot.connector.updated.length = 0;
        const data = objectOf(entries);
        put(data, 'postingId', id === 'real' ? postingId : id);
        put(data, 'actionId', id === 'real' ? actionId : id);
        if (size > 0) put(data, bigField, `${CANARY} ${'x'.repeat(size)}`);
        const inChannel = (CHANNEL_VERBS as readonly string[]).includes(verb);
        const activity = inChannel ? channelCardAction(user, bot.connector.serviceUrl, team, verb, data) : cardAction(user, bot.connector.serviceUrl, verb, data);

        const response = await bot.send(activity);

        // A body over the endpoint's limit (256 KB) is refused before the bot sees it: 413, not a 5xx.
        if (size >= 1_000_000) {
          expect(response.status).toBe(413);
          return;
        }
        expect(response.status).toBe(200);
        const card = response.body?.value;
        expect(card?.type).toBe('AdaptiveCard');
        expect(adaptiveCardsProblems(card)).toEqual([]);
        for (const text of stringsIn(card)) expectProbesLiteral(text);
        cards += 1;
        expect(bot.logs.join('\n')).not.toContain(CANARY);
        expect(bot.connector.sentText()).not.toContain(CANARY);
        // A card shared with the whole channel never carries what someone typed into a form that came back.
        for (const update of bot.connector.updated) expect(textIn(update.activity)).not.toContain(`${CANARY} ${'x'.repeat(20)}`);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );

    expect(cards).toBeGreaterThan(RUNS * 0.8);
    // The stored documents are still what they must be: settings valid, actions with their clock.
    const stored = readEmbeddedDocuments<TeamRecord>(bot.dataDir, 'teams')[0];
    expect(stored.settings?.weekdays.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)).toBe(true);
    expect(stored.settings?.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    for (const action of readEmbeddedDocuments<TeamActionRecord>(bot.dataDir, 'teamActions')) {
      expect(action.clocks).toHaveLength(1);
      expect(Number.isNaN(Date.parse(action.dueAt))).toBe(false);
    }
  }, 300_000);
});
