import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { nextDueAt } from '../../domain/deadlines/reminderSchedule';
import { toLocale } from '../../domain/locale';
import { userRecipient } from '../cases/caseParties';
import { enqueueDirect } from '../outbox/enqueueDirect';
import type { TeamActionRecord, TeamRecord, TopicPosting } from './agendaPorts';
import { actionDueMoment } from './actionDueDate';
import type { AgendaDependencies } from './agendaDependencies';
import { findPosting } from './findPosting';
import { pickTopicFor } from './pickTopicFor';
import type { AgreedActionInput, TopicDiscussedCommand } from './agendaCommands';
import { checkAgreedActions } from './checkAgreedActions';
import { derivedId, teamKeyFor } from './teamKeys';
import { updateTeam } from './updateTeam';

/** Who pressed the button on the topic card. */
export interface TeamMemberTurn {
  teamId: string;
  userId: string;
  name: string;
}

/** The team and the posting as they are after the change. */
export interface TopicOutcome {
  team: TeamRecord;
  posting: TopicPosting;
}

async function teamOf(deps: AgendaDependencies, teamId: string): Promise<TeamRecord> {
  const stored = await deps.repos.teams.get(teamKeyFor(deps, teamId));
  if (!stored) throw new NotFoundError('team');
  return stored.value;
}

async function createAction(deps: AgendaDependencies, team: TeamRecord, posting: TopicPosting, input: AgreedActionInput, now: Date): Promise<string> {
  const id = derivedId('action', team.id, posting.id, String(input.slot));
  const ownerKey = deps.pseudonyms.pseudonym('user', input.ownerId);
  const owner = await deps.directory.getPerson(input.ownerId);
  const clocks = [{ clock: 'action' as const, startedAt: now.toISOString(), dueAt: actionDueMoment(deps, input.dueDate).toISOString() }];
  const record: TeamActionRecord = {
    id,
    teamKey: team.id,
    postingId: posting.id,
    unitId: team.settings?.unitId ?? deps.settings.centralUnitId,
    sealedText: deps.cipher.seal('content', input.text, id),
    ownerKey,
    sealedOwner: deps.cipher.seal('identity', { userId: input.ownerId, name: owner?.name ?? '' }, `${id}:owner`),
    createdAt: now.toISOString(),
    dueAt: clocks[0].dueAt,
    state: 'open',
    isOpen: true,
    clocks,
    remindersDone: [],
    nextDueAt: nextDueAt(clocks, new Set(), deps.settings.deadlinePolicy, deps.calendar),
    history: [{ at: now.toISOString(), actor: 'team', type: 'agreed' }],
  };
  try {
    await deps.repos.teamActions.create(record);
  } catch (error) {
    // Pressed twice, or retried after a crash: the action is there already.
    if (!(error instanceof ConflictError)) throw error;
  }
  await enqueueDirect(deps, derivedId('actionTask', id, 'assigned'), userRecipient(deps, input.ownerId), { type: 'actionTask', actionId: id, news: 'assigned', locale: toLocale(owner?.locale) }, now);
  return id;
}

function sealedBy(deps: AgendaDependencies, team: TeamRecord, posting: TopicPosting, turn: TeamMemberTurn): TopicPosting['sealedRecordedBy'] {
  return deps.cipher.seal('identity', { userId: turn.userId, name: turn.name }, `${team.id}:${posting.id}:by`);
}

/**
 * "Besproken": the team discussed the topic. Notes (sealed) and up to three agreed actions, each
 * of which becomes a tracked task for its owner (card in their chat, reminders, escalation to the
 * team's owners when late). The form is parsed at the adapter; an unknown owner or a due date
 * that is not a real date from today on is a ValidationError naming each field, nothing stored.
 * Recording twice changes nothing (the first record stands).
 */
export async function recordTopicDiscussed(deps: AgendaDependencies, turn: TeamMemberTurn, postingId: string, command: TopicDiscussedCommand): Promise<TopicOutcome> {
  const team = await teamOf(deps, turn.teamId);
  const posting = findPosting(team, postingId);
  if (posting.status !== 'posted') return { team, posting };
  const now = deps.clock.now();
  const { notes } = command;
  const actions = await checkAgreedActions(command.actions, async (id) => (await deps.directory.getPerson(id)) !== undefined, now);
  const actionIds: string[] = [];
  for (const action of actions) actionIds.push(await createAction(deps, team, posting, action, now));
  const { record, result } = await updateTeam(deps, team.id, (record, at) => {
    const current = findPosting(record, posting.id);
    if (current.status === 'posted') {
      current.status = 'discussed';
      current.recordedAt = at.toISOString();
      current.sealedRecordedBy = sealedBy(deps, record, current, turn);
      if (notes) current.sealedNotes = deps.cipher.seal('content', notes, `${record.id}:${current.id}:notes`);
      current.actionIds = actionIds;
    }
    return { record, result: current };
  });
  deps.logger.info('agenda.discussed', { team: record.id.slice(0, 8), actions: actionIds.length });
  return { team: record, posting: result };
}

/**
 * "Deze keer overslaan": the team skips this topic, with an optional reason (sealed, never on the
 * card), parsed at the adapter: trimmed, at most SKIP_REASON_MAX_LENGTH characters, '' for none.
 */
export async function skipTopic(deps: AgendaDependencies, turn: TeamMemberTurn, command: { postingId: string; skipReason: string }): Promise<TopicOutcome> {
  const { postingId, skipReason: text } = command;
  const { record, result } = await updateTeam(deps, teamKeyFor(deps, turn.teamId), (record, at) => {
    const current = findPosting(record, postingId);
    if (current.status === 'posted') {
      current.status = 'skipped';
      current.recordedAt = at.toISOString();
      current.sealedRecordedBy = sealedBy(deps, record, current, turn);
      if (text) current.sealedSkipReason = deps.cipher.seal('content', text, `${record.id}:${current.id}:skip`);
    }
    return { record, result: current };
  });
  return { team: record, posting: result };
}

/**
 * "Ander onderwerp": the team wants another topic for the same meeting, now. The shown posting
 * becomes 'replaced' and a new one (next in the rotation, never one already offered for this
 * meeting) takes its place; the card changes in place.
 */
export async function replaceTopic(deps: AgendaDependencies, turn: TeamMemberTurn, postingId: string): Promise<TopicOutcome> {
  const team = await teamOf(deps, turn.teamId);
  if (!team.settings) throw new ForbiddenError('team not configured');
  const { record, result } = await updateTeam(deps, team.id, async (record, now) => {
    const current = findPosting(record, postingId);
    if (current.status !== 'posted') return { record, result: current };
    const next = await pickTopicFor(deps, record, current.meetingAt, [], now);
    if (!next) return { record, result: current };
    findPosting(record, current.id).status = 'replaced';
    return { record, result: next };
  });
  return { team: record, posting: result };
}
