/**
 * The tab's "Team agenda" (GET /api/tab/team-agenda), in local mode with the developer sign-in.
 * The teams are set up through the bot as in the channel: installed, configured by the owner, a
 * topic discussed with two actions, one skipped, one still open; then the dev clock moves past the
 * first action's due date. Owners and coordinators (of the team's unit, or a unit above it) see
 * their teams; anyone else is refused, as the insights refuse a non-coordinator.
 */
import type { TeamActionRecord, TeamRecord } from '../../bot/app/agenda/agendaPorts';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { anouk, daan, esther, jeroen, lotte, marieke, sophie } from '../fixtures/demoPeople';
import { botAddedToTeam, botInstalled, cardAction, channelCardAction, type TeamsTeam, type TeamsUser } from '../fixtures/teamsActivities';

// The demo organisation (config/directory.demo.json): Jeroen owns A-compagnie (unit u-clas-11-inf), Daan and Sophie
// are members; Anouk coordinates CLAS (above it); Marieke coordinates Defensie (the root); Rik owns the Evertsen's team.
const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };
const evertsen: TeamsTeam = { id: '19:demo-evertsen@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a02', name: 'Bemanning Zr.Ms. Evertsen' };
const rik: TeamsUser = { id: '29:1rik', aadObjectId: '00000000-0000-4000-8000-000000000020', name: 'Rik Jacobs', locale: 'nl-NL' };

const SETTINGS = { weekdays: '1', time: '09:00', everyWeeks: '1', leadWorkingDays: '1', language: 'nl', unitId: 'u-clas-11-inf', paused: 'false' };
const NOTES = 'NOTITIE-8812 we spraken over aanspreken na de oefening';
const LATE_ACTION = 'ACTIE-6610 uitleg over het steunnetwerk geven';
const OPEN_ACTION = 'ACTIE-6620 buddy-systeem voor nieuwe collega’s uitwerken';

describe('the tab API for team owners and coordinators: the team agenda', () => {
  let bot: BotHarness;

  async function call(user: TeamsUser, path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${bot.host.url}${path}`, { headers: { authorization: `Developer ${user.aadObjectId}` } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    return { status: response.status, body: await response.json() };
  }

  const teamRecord = (teamId = team.id) => readEmbeddedDocuments<TeamRecord>(bot.dataDir, 'teams').find((item) => item.teamId === teamId)!;
  const teamActions = () => readEmbeddedDocuments<TeamActionRecord>(bot.dataDir, 'teamActions');

  async function at(iso: string, timer: string): Promise<void> {
    bot.clock.set(iso);
    await bot.host.runTimer(timer);
  }

  beforeAll(async () => {
    bot = await startBotHarness();
    bot.connector.setRoster(team.id, [jeroen, daan, sophie].map((user) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId })));
    for (const user of [jeroen, daan, sophie, anouk, marieke, esther, lotte, rik]) await bot.send(botInstalled(user, bot.connector.serviceUrl));

    // A-compagnie: installed and configured by Jeroen; the first topic discussed with two actions (one due soon, one later).
    await bot.send(botAddedToTeam(jeroen, bot.connector.serviceUrl, team));
    await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'saveTeamSettings', SETTINGS));
    expect(teamRecord().settings).toBeDefined();
    await at('2026-12-04T08:05:00Z', 'postTeamTopics');
    const discussed = teamRecord().postings.at(-1)!.id;
    await bot.send(
      channelCardAction(sophie, bot.connector.serviceUrl, team, 'topicDiscussed', {
        postingId: discussed,
        notes: NOTES,
        action1Text: LATE_ACTION,
        action1Owner: esther.aadObjectId,
        action1Due: '2026-12-09',
        action2Text: OPEN_ACTION,
        action2Owner: daan.aadObjectId,
        action2Due: '2027-01-15',
      }),
    );
    expect(teamRecord().postings.at(-1)).toMatchObject({ id: discussed, status: 'discussed' });
    expect(teamActions()).toHaveLength(2);
    // The next topic skipped; the one after that posted and not yet recorded.
    await at('2026-12-11T08:05:00Z', 'postTeamTopics');
    const skipped = teamRecord().postings.at(-1)!;
    expect(skipped.id).not.toBe(discussed);
    await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'topicSkipped', { postingId: skipped.id, skipReason: '' }));
    expect(teamRecord().postings.at(-1)).toMatchObject({ id: skipped.id, status: 'skipped' });
    await at('2026-12-18T08:05:00Z', 'postTeamTopics');
    expect(teamRecord().postings.at(-1)?.status).toBe('posted');
    // Past the first action's due date (9 December, 18:00 Amsterdam).
    bot.clock.set('2026-12-18T12:00:00Z');

    // The Evertsen's team: installed by Rik, not configured yet.
    await bot.send(botAddedToTeam(rik, bot.connector.serviceUrl, evertsen));
    expect(teamRecord(evertsen.id)).toBeDefined();
  }, 120_000);

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when the owner opens the team agenda, then his team shows its schedule, its postings newest first and its open actions, the late one flagged', async () => {
    const { status, body } = await call(jeroen, '/api/tab/team-agenda');

    expect(status).toBe(200);
    expect(body.teams.map((item: { name: string }) => item.name)).toEqual([team.name]);
    const [agenda] = body.teams;
    const stored = teamRecord();
    expect(agenda).toMatchObject({
      teamKey: stored.id,
      unitId: 'u-clas-11-inf',
      unitName: expect.any(String),
      schedule: { weekdays: [1], time: '09:00', everyWeeks: 1, leadWorkingDays: 1, paused: false, nextMeetingAt: stored.nextMeetingAt, nextPostAt: stored.nextPostAt },
    });
    expect(agenda.schedule.nextMeetingAt).toEqual(expect.any(String));
    expect(agenda.postings.map((posting: { status: string }) => posting.status)).toEqual(['posted', 'skipped', 'discussed']);
    expect(agenda.postings.map((posting: { postingId: string }) => posting.postingId)).toEqual(stored.postings.map((posting) => posting.id).reverse());
    for (const posting of agenda.postings) expect(posting.topicTitle).toEqual({ nl: expect.any(String), en: expect.any(String) });
    expect(agenda.actions).toEqual([
      { actionId: expect.any(String), text: LATE_ACTION, ownerName: esther.name, dueAt: expect.stringMatching(/^2026-12-09T/), late: true },
      { actionId: expect.any(String), text: OPEN_ACTION, ownerName: daan.name, dueAt: expect.stringMatching(/^2027-01-15T/), late: false },
    ]);
    // Neither the notes nor who recorded the outcome.
    expect(JSON.stringify(body)).not.toContain(NOTES);
    expect(JSON.stringify(body)).not.toContain(sophie.name);
  });

  it('when its owner marks an action done in his chat, then it leaves the open actions', async () => {
    const open = teamActions().find((action) => action.isOpen && action.dueAt.startsWith('2027-01-15'))!;
    await bot.send(cardAction(daan, bot.connector.serviceUrl, 'actionDone', { actionId: open.id }));
    expect(teamActions().find((action) => action.id === open.id)).toMatchObject({ state: 'done', isOpen: false });

    const { body } = await call(jeroen, '/api/tab/team-agenda');
    expect(body.teams[0].actions.map((action: { text: string }) => action.text)).toEqual([LATE_ACTION]);
  });

  it('when the coordinator of the team’s unit (from above) opens it, then she sees that team and not a team elsewhere', async () => {
    const { status, body } = await call(anouk, '/api/tab/team-agenda');
    expect(status).toBe(200);
    expect(body.teams.map((item: { name: string }) => item.name)).toEqual([team.name]);
    expect(body.teams[0].actions.map((action: { text: string }) => action.text)).toContain(LATE_ACTION);
  });

  it('when the coordinator of the root unit opens it, then she sees every team, an unconfigured one without a schedule', async () => {
    const { status, body } = await call(marieke, '/api/tab/team-agenda');
    expect(status).toBe(200);
    expect(body.teams.map((item: { name: string }) => item.name).sort()).toEqual([team.name, evertsen.name].sort());
    const other = body.teams.find((item: { name: string }) => item.name === evertsen.name);
    expect(other).toMatchObject({ postings: [], actions: [] });
    expect(other.schedule).toBeUndefined();
  });

  it('when the other team’s owner opens it, then he sees his own team only', async () => {
    const { status, body } = await call(rik, '/api/tab/team-agenda');
    expect(status).toBe(200);
    expect(body.teams.map((item: { name: string }) => item.name)).toEqual([evertsen.name]);
  });

  it.each([
    ['a member of the team', sophie],
    ['the owner of one of its actions', esther],
    ['someone else', lotte],
  ])('when %s opens it, then it is refused (403) and the tab shows no team agenda', async (_who, user) => {
    expect(await call(user, '/api/tab/team-agenda')).toEqual({ status: 403, body: { error: 'forbidden' } });
    const me = await call(user, '/api/tab/me');
    expect(me.status).toBe(200);
    expect(me.body.views).not.toContain('teamAgenda');
  });

  it.each([
    ['the owner', jeroen, false],
    ['a unit coordinator', anouk, true],
  ])('when %s asks which views the tab shows, then the team agenda is among them (insights only for a coordinator)', async (_who, user, coordinator) => {
    const { body } = await call(user, '/api/tab/me');
    expect(body.views).toContain('teamAgenda');
    expect(body.views.includes('insights')).toBe(coordinator);
  });

  it('when the owner pauses the team, then the schedule says so and shows no next meeting or posting', async () => {
    await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'saveTeamSettings', { ...SETTINGS, paused: 'true' }));
    expect(teamRecord().settings?.paused).toBe(true);

    const { body } = await call(anouk, '/api/tab/team-agenda');
    expect(body.teams[0].schedule).toEqual({ weekdays: [1], time: '09:00', everyWeeks: 1, leadWorkingDays: 1, paused: true });
    expect(body.teams[0].postings).toHaveLength(3);
  });

  it('when nobody signs in, then it answers 401', async () => {
    const response = await fetch(`${bot.host.url}/api/tab/team-agenda`);
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 401, body: { error: 'sign_in_required' } });
  });
});
