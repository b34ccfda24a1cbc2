import { join } from 'node:path';
import type { AgendaDependencies } from '../../../bot/app/agenda/agendaDependencies';
import { changeTeamAction } from '../../../bot/app/agenda/changeTeamAction';
import { installTeam, uninstallTeam } from '../../../bot/app/agenda/installTeam';
import { postDueTopics } from '../../../bot/app/agenda/postDueTopics';
import { recordTopicDiscussed } from '../../../bot/app/agenda/recordTopicOutcome';
import { saveTeamSettings } from '../../../bot/app/agenda/saveTeamSettings';
import { sendDueActionReminders } from '../../../bot/app/agenda/sendDueActionReminders';
import { teamKeyFor } from '../../../bot/app/agenda/teamKeys';
import type { NotificationIntent } from '../../../bot/app/outbox/notificationIntent';
import type { TeamActionRecord } from '../../../bot/app/agenda/agendaPorts';
import { loadTopicLibrary } from '../../../bot/topicLibrary/loadTopicLibrary';
import { ForbiddenError, ValidationError } from '../../../bot/domain/errors';
import { caseTestDependencies } from '../../fakes/caseTestDependencies';
import type { ManualClock } from '../../fakes/manualClock';

const TEAM_ID = '19:demo-11inf-acie@thread.tacv2';
const person = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [JEROEN, DAAN, ANOUK] = [person(14), person(15), person(8)];

describe('agreed actions on the deadline engine', () => {
  let deps: AgendaDependencies;
  let clock: ManualClock;
  let cleanup: () => Promise<void>;
  let action: TeamActionRecord;

  /** Queued messages by intent type and recipient pseudonym. */
  async function queued(): Promise<{ type: string; to: string }[]> {
    const items = await deps.repos.outbox.listDue('2100-01-01T00:00:00.000Z', 100);
    return items.map((item) => ({
      type: deps.cipher.open<{ intent: NotificationIntent }>('content', item.value.sealedPayload, item.value.id).intent.type,
      to: item.value.recipient.kind === 'user' ? item.value.recipient.userKey : item.value.recipient.kind,
    }));
  }
  const keyOf = (userId: string) => deps.pseudonyms.pseudonym('user', userId);
  const current = async () => (await deps.repos.teamActions.get(action.id))!.value;

  beforeEach(async () => {
    const made = await caseTestDependencies();
    ({ clock, cleanup } = made);
    const knownUnitIds = new Set((await made.deps.directory.allUnits()).map((unit) => unit.id));
    deps = { ...made.deps, topics: loadTopicLibrary({ libraryFile: join(__dirname, '../../../config/topics/library.json'), knownUnitIds }) };
    await installTeam(deps, { teamId: TEAM_ID, name: 'A-compagnie', conversation: { conversation: { id: TEAM_ID } } });
    await saveTeamSettings(deps, TEAM_ID, JEROEN, { weekdays: [1], time: '09:00', everyWeeks: 1, leadWorkingDays: 1, locale: 'nl', unitId: 'u-clas-11-inf', paused: false });
    clock.set('2026-12-04T08:05:00Z');
    await postDueTopics(deps);
    const postingId = (await deps.repos.teams.get(teamKeyFor(deps, TEAM_ID)))!.value.postings[0].id;
    await recordTopicDiscussed(deps, { teamId: TEAM_ID, userId: DAAN, name: 'Daan Willems' }, postingId, { notes: '', actions: [{ slot: 1, text: 'Ronde plannen', ownerId: DAAN, dueDate: '2026-12-09' }] });
    action = (await deps.repos.teamActions.listOpen()).items[0].value;
  });

  afterEach(() => cleanup());

  it('when the owner gives a late action a new date, then escalation stops and the reminders start again for the new date', async () => {
    clock.set('2026-12-09T17:30:00Z');
    await sendDueActionReminders(deps);
    expect((await current()).escalationLevel).toBe(1);

    clock.set('2026-12-10T09:00:00Z');
    await changeTeamAction(deps, action.id, DAAN, { kind: 'newDate', date: '2026-12-16' });
    const moved = await current();
    expect(moved).toMatchObject({ dueAt: '2026-12-16T17:00:00.000Z', escalationLevel: 0, state: 'open' });
    expect(Date.parse(moved.nextDueAt!)).toBeGreaterThan(Date.parse('2026-12-10T09:00:00Z'));

    // The working day before the new date: one reminder to the owner, no escalation.
    const before = (await queued()).length;
    clock.set('2026-12-15T08:30:00Z');
    const run = await sendDueActionReminders(deps);
    expect(run).toMatchObject({ reminders: 1, escalations: 0 });
    expect((await queued()).slice(before)).toEqual([{ type: 'actionTask', to: keyOf(DAAN) }]);
  });

  it('when a new date lies in the past or is not a date, then nothing changes and the field is named', async () => {
    clock.set('2026-12-05T09:00:00Z');
    await expect(changeTeamAction(deps, action.id, DAAN, { kind: 'newDate', date: '2026-12-01' })).rejects.toEqual(new ValidationError({ newDate: 'dateInPast' }));
    await expect(changeTeamAction(deps, action.id, DAAN, { kind: 'newDate', date: '2026-02-30' })).rejects.toEqual(new ValidationError({ newDate: 'invalidDate' }));
    await expect(changeTeamAction(deps, action.id, JEROEN, { kind: 'newDate', date: '2026-12-20' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await current()).dueAt).toBe(action.dueAt);
  });

  it('when the action is done, then no reminder or escalation comes any more', async () => {
    await changeTeamAction(deps, action.id, DAAN, { kind: 'done' });
    expect(await current()).toMatchObject({ state: 'done', isOpen: false });
    expect((await current()).nextDueAt).toBeUndefined();

    clock.set('2026-12-20T09:00:00Z');
    await expect(sendDueActionReminders(deps)).resolves.toEqual({ actions: 0, reminders: 0, escalations: 0 });
  });

  it('when the bot was removed from the team, then a late action is escalated to the unit\'s coordinators instead of the team\'s owners', async () => {
    await uninstallTeam(deps, TEAM_ID);
    const before = (await queued()).length;

    clock.set('2026-12-09T17:30:00Z');
    await sendDueActionReminders(deps);

    expect((await queued()).slice(before).filter((item) => item.type === 'actionLate')).toEqual([{ type: 'actionLate', to: keyOf(ANOUK) }]);
  });
});
