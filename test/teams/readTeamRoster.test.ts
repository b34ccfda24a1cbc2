/**
 * The team roster read in a real turn: the Agents SDK CloudAdapter with an empty auth
 * configuration (local mode) runs a channel message, and the SDK's connector client reads the
 * roster from the fake Bot Connector on loopback named by the activity's `serviceUrl`.
 */
import { CloudAdapter, type TurnContext } from '@microsoft/agents-hosting';
import { runActivity } from '../../bot/teams/activityHttpBridge';
import { readTeamRoster } from '../../bot/teams/readTeamRoster';
import { FakeBotConnector, type RosterMember } from '../fakes/fakeBotConnector';
import { BOT_ID, TENANT_ID } from '../fixtures/teamsActivities';

const TEAM_ID = '19:team-a-compagnie@thread.tacv2';
const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const member = (n: number): RosterMember => ({ id: `29:user-${n}`, name: `Lid ${n}`, aadObjectId: aad(n) });

let connector: FakeBotConnector;
let adapter: CloudAdapter;
let turnErrors: unknown[];

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
});

afterAll(async () => {
  await connector.stop();
});

beforeEach(() => {
  connector.clear();
  adapter = new CloudAdapter({});
  turnErrors = [];
  adapter.onTurnError = async (_context, error) => {
    turnErrors.push(error);
  };
});

/** A message in the team's General channel, as Teams sends it. */
function channelMessage(): Record<string, unknown> {
  return {
    id: 'f:channel-1',
    type: 'message',
    text: 'agenda',
    timestamp: '2026-11-30T09:00:00.000Z',
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:user-1', name: 'Lid 1', aadObjectId: aad(1) },
    recipient: { id: BOT_ID, name: 'Veilig Melden' },
    conversation: { id: `${TEAM_ID};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID, aadGroupId: aad(900) }, channel: { id: TEAM_ID } },
    locale: 'nl-NL',
  };
}

type Roster = { userId: string; name: string }[];

/** Reads the roster inside a turn, as the bot would; what it read or the error it threw. */
async function rosterInTurn(read: (context: TurnContext) => Promise<Roster>): Promise<{ roster?: Roster; error?: unknown }> {
  let outcome: { roster?: Roster; error?: unknown } | undefined;
  await runActivity(adapter, { method: 'POST', headers: { 'content-type': 'application/json' }, body: channelMessage() }, { authenticate: false }, async (context) => {
    try {
      outcome = { roster: await read(context) };
    } catch (error) {
      outcome = { error };
    }
  });
  expect(turnErrors).toEqual([]);
  if (outcome === undefined) throw new Error('the turn did not run');
  return outcome;
}

describe('readTeamRoster', () => {
  it('when the roster comes in 3 pages of 2, then all 6 members come back in order and each continuation token is passed on', async () => {
    connector.setRoster(TEAM_ID, [1, 2, 3, 4, 5, 6].map(member), 2);

    const { roster } = await rosterInTurn((context) => readTeamRoster(context, TEAM_ID));

    expect(roster).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ userId: aad(n), name: `Lid ${n}` })));
    expect(connector.rosterCalls).toEqual([
      { conversationId: TEAM_ID, route: 'pagedMembers', pageSize: '500', continuationToken: undefined },
      { conversationId: TEAM_ID, route: 'pagedMembers', pageSize: '500', continuationToken: 'page-2' },
      { conversationId: TEAM_ID, route: 'pagedMembers', pageSize: '500', continuationToken: 'page-4' },
    ]);
  });

  it('when max is smaller than the team, then only the first max members come back, in order', async () => {
    connector.setRoster(TEAM_ID, [1, 2, 3, 4, 5, 6].map(member), 2);

    const { roster } = await rosterInTurn((context) => readTeamRoster(context, TEAM_ID, 3));

    expect(roster!.map((entry) => entry.userId)).toEqual([aad(1), aad(2), aad(3)]);
    expect(connector.rosterCalls.every((call) => call.pageSize === '3')).toBe(true);
  });

  it('when the page size is left to the bot, then it asks for pages no larger than max', async () => {
    connector.setRoster(TEAM_ID, [1, 2, 3, 4, 5].map(member));

    const { roster } = await rosterInTurn((context) => readTeamRoster(context, TEAM_ID, 4));

    expect(roster!.map((entry) => entry.userId)).toEqual([aad(1), aad(2), aad(3), aad(4)]);
    expect(connector.rosterCalls[0]).toEqual({ conversationId: TEAM_ID, route: 'pagedMembers', pageSize: '4', continuationToken: undefined });
  });

  it('when a member has no Entra object id, then it is skipped', async () => {
    connector.setRoster(TEAM_ID, [member(1), { id: '28:other-bot', name: 'Andere bot' }, member(3), { id: '29:guest', name: 'Gast' }], 2);

    const { roster } = await rosterInTurn((context) => readTeamRoster(context, TEAM_ID));

    expect(roster).toEqual([
      { userId: aad(1), name: 'Lid 1' },
      { userId: aad(3), name: 'Lid 3' },
    ]);
  });

  it('when the connector refuses the roster, then the error reaches the caller', async () => {
    connector.setRoster(TEAM_ID, [1, 2].map(member));
    connector.failNext({ status: 403 });

    const { roster, error } = await rosterInTurn((context) => readTeamRoster(context, TEAM_ID));

    expect(roster).toBeUndefined();
    expect(error).toMatchObject({ status: 403 });
  });
});
