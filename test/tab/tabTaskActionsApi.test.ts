/**
 * The tab API's agreed meeting actions in "Mijn taken" (local mode, developer sign-in): the
 * actions the caller owns, with the action card's "done" and "new date" through the same use case
 * (changeTeamAction); the action is agreed through the bot, in the team's channel.
 */
import type { TeamActionRecord, TeamRecord } from '../../bot/app/agenda/agendaPorts';
import { t } from '../../cards/i18n';
import { textIn } from '../cards/cardChecks';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { esther, jeroen, lotte, sophie } from '../fixtures/demoPeople';
import { botAddedToTeam, botInstalled, cardAction, channelCardAction, personalConversationId, type TeamsTeam, type TeamsUser } from '../fixtures/teamsActivities';

const team: TeamsTeam = { id: '19:demo-11inf-acie@thread.tacv2', aadGroupId: '00000000-0000-4000-8000-000000000a01', name: 'A-compagnie 11 Infanteriebataljon' };
const SETTINGS = { weekdays: '1', time: '09:00', everyWeeks: '1', leadWorkingDays: '1', language: 'nl', unitId: 'u-clas-11-inf', paused: 'false' };
const ESTHER_ACTION = 'Uitleg geven over het steunnetwerk in het volgende werkoverleg';
const SOPHIE_ACTION = 'Posters van de vertrouwenspersonen ophangen';

describe('the tab API for agreed meeting actions: listed for their owner, done and a new date as with the action card', () => {
  let bot: BotHarness;
  let esthersId = '';
  let sophiesId = '';

  async function call(user: TeamsUser, path: string, body?: unknown, raw?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${bot.host.url}${path}`, {
      method: body === undefined && raw === undefined ? 'GET' : 'POST',
      headers: { authorization: `Developer ${user.aadObjectId}`, 'content-type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    return { status: response.status, body: await response.json() };
  }

  const actions = () => readEmbeddedDocuments<TeamActionRecord>(bot.dataDir, 'teamActions');
  const stored = (id: string) => actions().find((item) => item.id === id)!;

  beforeAll(async () => {
    bot = await startBotHarness();
    bot.connector.setRoster(team.id, [jeroen, sophie, esther].map((user) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId })));
    for (const user of [jeroen, sophie, esther, lotte]) await bot.send(botInstalled(user, bot.connector.serviceUrl));
    await bot.send(botAddedToTeam(jeroen, bot.connector.serviceUrl, team));
    await bot.send(channelCardAction(jeroen, bot.connector.serviceUrl, team, 'saveTeamSettings', SETTINGS));
    bot.clock.set('2026-12-04T08:05:00Z');
    await bot.host.runTimer('postTeamTopics');
    const teamRecord = readEmbeddedDocuments<TeamRecord>(bot.dataDir, 'teams')[0];
    await bot.send(
      channelCardAction(sophie, bot.connector.serviceUrl, team, 'topicDiscussed', {
        postingId: teamRecord.postings.at(-1)!.id,
        action1Text: ESTHER_ACTION,
        action1Owner: esther.aadObjectId,
        action1Due: '2026-12-18',
        action2Text: SOPHIE_ACTION,
        action2Owner: sophie.aadObjectId,
        action2Due: '2026-12-09',
      }),
    );
    expect(actions()).toHaveLength(2);
    esthersId = actions().find((action) => action.dueAt.startsWith('2026-12-18'))!.id;
    sophiesId = actions().find((action) => action.dueAt.startsWith('2026-12-09'))!.id;
    expect(new Set([esthersId, sophiesId]).size).toBe(2);
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when each owner opens My tasks, then they see their own actions only, with due date and not late; someone without actions sees none', async () => {
    const esthers = await call(esther, '/api/tab/my-actions');
    expect(esthers).toEqual({ status: 200, body: { actions: [expect.objectContaining({ actionId: esthersId, text: ESTHER_ACTION, teamName: team.name, state: 'open', dueDate: '2026-12-18', late: false })] } });
    const sophies = await call(sophie, '/api/tab/my-actions');
    expect(sophies.body.actions.map((action: { actionId: string }) => action.actionId)).toEqual([sophiesId]);
    expect(await call(lotte, '/api/tab/my-actions')).toEqual({ status: 200, body: { actions: [] } });
  });

  it('when Teams refreshes the assigned action card as its owner views it, then it still says she is its owner; a made-up news value shows no line', async () => {
    const assigned = bot.connector.cardsSentTo(personalConversationId(esther)).find((card: any) => card.refresh?.action?.data?.actionId === esthersId) as any;
    expect(assigned.refresh.action.data).toEqual({ actionId: esthersId, news: 'assigned' });
    const refreshed = await bot.send(cardAction(esther, bot.connector.serviceUrl, 'refreshAction', assigned.refresh.action.data));
    expect(textIn((refreshed.body as { value: object }).value)).toContain(t('nl', 'agenda.action.news.assigned'));
    const odd = await bot.send(cardAction(esther, bot.connector.serviceUrl, 'refreshAction', { actionId: esthersId, news: 'done' }));
    expect(textIn((odd.body as { value: object }).value)).not.toContain(t('nl', 'agenda.action.news.done'));
    expect(textIn((odd.body as { value: object }).value)).not.toContain(t('nl', 'agenda.action.news.assigned'));
  });

  it('when the due date has passed, then the action shows as late', async () => {
    bot.clock.set('2026-12-10T08:00:00Z');
    const { body } = await call(sophie, '/api/tab/my-actions');
    expect(body.actions).toEqual([expect.objectContaining({ actionId: sophiesId, dueDate: '2026-12-09', late: true })]);
  });

  it.each([
    ['done', undefined],
    ['new-date', { newDate: '2026-12-30' }],
  ])('when someone else (Lotte, or the other owner) sends %s for an action, then it is 404 and nothing changes', async (route, body) => {
    const before = JSON.stringify(actions());
    expect(await call(lotte, `/api/tab/my-actions/${esthersId}/${route}`, body ?? {})).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(await call(sophie, `/api/tab/my-actions/${esthersId}/${route}`, body ?? {})).toEqual({ status: 404, body: { error: 'not_found' } });
    expect(JSON.stringify(actions())).toBe(before);
  });

  it.each([
    ['no date', {}, undefined, { newDate: 'required' }],
    ['a date that does not exist', { newDate: '2026-02-30' }, undefined, { newDate: 'invalidDate' }],
    ['a date written otherwise', { newDate: '30-12-2026' }, undefined, { newDate: 'invalidDate' }],
    ['a date in the past', { newDate: '2026-12-01' }, undefined, { newDate: 'dateInPast' }],
    ['a text far too long', { newDate: '2'.repeat(40) }, undefined, { newDate: 'invalidDate' }],
    ['a body that is not JSON', undefined, '{"newDate": 2026', { form: 'invalidValue' }],
  ])('when the owner sends a new date with %s, then it is 400 for the field (as the action card) and nothing changes', async (_label, body, raw, fields) => {
    const before = JSON.stringify(stored(sophiesId));
    expect(await call(sophie, `/api/tab/my-actions/${sophiesId}/new-date`, body, raw)).toEqual({ status: 400, body: { error: 'validation', fields } });
    expect(JSON.stringify(stored(sophiesId))).toBe(before);
  });

  it('when the owner gives a late action a new date, then it is due then, no longer late, and its escalation starts over', async () => {
    const { status, body } = await call(sophie, `/api/tab/my-actions/${sophiesId}/new-date`, { newDate: ' 2026-12-21 ' });
    expect(status).toBe(200);
    expect(body.action).toMatchObject({ actionId: sophiesId, dueDate: '2026-12-21', late: false, state: 'open' });
    expect(stored(sophiesId)).toMatchObject({ state: 'open', escalationLevel: 0 });
    expect(stored(sophiesId).history.at(-1)).toMatchObject({ type: 'new_date' });
  });

  it('when the owner marks the action done, then it is done, leaves her list, and the action card says so', async () => {
    const { status, body } = await call(esther, `/api/tab/my-actions/${esthersId}/done`, {});
    expect(status).toBe(200);
    expect(body.action).toMatchObject({ actionId: esthersId, state: 'done', late: false });
    expect(stored(esthersId)).toMatchObject({ state: 'done', isOpen: false });
    expect((await call(esther, '/api/tab/my-actions')).body).toEqual({ actions: [] });
    const card = await bot.send(cardAction(esther, bot.connector.serviceUrl, 'refreshAction', { actionId: esthersId }));
    expect(textIn((card.body as { value: object }).value)).toContain(t('nl', 'agenda.action.finished'));
    // Done stays done: a new date afterwards changes nothing.
    await call(esther, `/api/tab/my-actions/${esthersId}/new-date`, { newDate: '2026-12-30' });
    expect(stored(esthersId)).toMatchObject({ state: 'done' });
  });

  it.each([
    ['a malformed action id', '..%2Fx'],
    ['an action id far too long', 'x'.repeat(200)],
  ])('when the owner sends %s, then it is a 400 for the action id, never a 5xx', async (_label, id) => {
    expect(await call(sophie, `/api/tab/my-actions/${id}/done`, {})).toEqual({ status: 400, body: { error: 'validation', fields: { actionId: 'invalidValue' } } });
  });
});
