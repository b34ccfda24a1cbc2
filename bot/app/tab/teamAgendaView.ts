import type { TeamSettings } from '../../domain/agenda/teamSettings';
import { ForbiddenError } from '../../domain/errors';
import type { TeamActionRecord, TeamRecord, TopicPosting } from '../agenda/agendaPorts';
import type { AgendaDependencies } from '../agenda/agendaDependencies';
import { teamSettingsAccess } from '../agenda/teamSettingsAccess';
import { findTopic } from '../agenda/topicsForUnit';
import { isCoordinatorOf } from '../handover/handOverCases';
import { coordinatedUnits } from '../insights/coordinatorInsights';

/** A team's meeting rhythm as the tab shows it (the settings card's fields). */
export interface TeamScheduleView {
  weekdays: TeamSettings['weekdays'];
  time: string;
  everyWeeks: TeamSettings['everyWeeks'];
  leadWorkingDays: number;
  paused: boolean;
  /** The meeting the next posting is for; absent when paused or not planned. */
  nextMeetingAt?: string;
  /** When the next topic is posted; absent when paused or not planned. */
  nextPostAt?: string;
}

/** A topic posted to the team, and what the team did with it (not who recorded it, not the notes). */
export interface TeamPostingView {
  postingId: string;
  /** The topic's title in both languages (the page picks its own), when the topic is still in the library. */
  topicTitle?: { nl: string; en: string };
  meetingAt: string;
  postedAt: string;
  status: TopicPosting['status'];
}

/** An open agreed action of the team. */
export interface TeamActionView {
  actionId: string;
  text: string;
  ownerName: string;
  dueAt: string;
  late: boolean;
}

/** One team in the tab's "Team agenda". */
export interface TeamAgendaView {
  teamKey: string;
  name?: string;
  unitId?: string;
  unitName?: string;
  /** Absent until an owner or coordinator saved the settings card. */
  schedule?: TeamScheduleView;
  /** The latest postings, newest first. */
  postings: TeamPostingView[];
  /** The open actions, earliest due first; late ones are flagged. */
  actions: TeamActionView[];
}

/** How many postings per team the view shows (the newest). */
export const TEAM_AGENDA_POSTINGS = 10;
const MAX_PAGES = 20;

/**
 * The "Team agenda" of the tab: the teams this person may look after — the ones they own, and
 * those whose unit (or a unit above it) they coordinate; the same people who may change a team's
 * settings (teamSettingsAccess, plus a coordinator higher up). Someone who owns no team and
 * coordinates no unit is refused (ForbiddenError), as the insights are; a coordinator whose units
 * have no team yet gets an empty list. Nothing of any report is read.
 */
export async function teamAgendaView(deps: AgendaDependencies, userId: string): Promise<TeamAgendaView[]> {
  const teams = await teamsLookedAfterBy(deps, userId);
  if (teams.length === 0 && (await coordinatedUnits(deps, userId)).length === 0) throw new ForbiddenError('team agenda: no team owned or coordinated');
  const actions = await openActionsOf(deps, new Set(teams.map((team) => team.record.id)));
  const now = deps.clock.now().toISOString();
  const units = new Map((await deps.directory.allUnits()).map((unit) => [unit.id, unit.name]));
  return teams
    .map(({ record, unitId }) => ({
      teamKey: record.id,
      ...(record.name ? { name: record.name } : {}),
      ...(unitId ? { unitId, ...(units.has(unitId) ? { unitName: units.get(unitId) } : {}) } : {}),
      ...(record.settings ? { schedule: scheduleOf(record, record.settings) } : {}),
      postings: record.postings
        .slice(-TEAM_AGENDA_POSTINGS)
        .reverse()
        .map((posting) => postingView(deps, posting)),
      actions: (actions.get(record.id) ?? [])
        .map((action) => actionView(deps, action, now))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    }))
    .sort((a, b) => (a.name ?? a.teamKey).localeCompare(b.name ?? b.teamKey));
}

/** Whether this person sees the view at all (the tab's navigation): the same rule as above, stopping at the first team. */
export async function mayViewTeamAgenda(deps: AgendaDependencies, userId: string): Promise<boolean> {
  return (await coordinatedUnits(deps, userId)).length > 0 || (await teamsLookedAfterBy(deps, userId, { first: true })).length > 0;
}

/** The installed teams this person owns or coordinates (directly or from above), with the team's unit. */
async function teamsLookedAfterBy(deps: AgendaDependencies, userId: string, options: { first?: boolean } = {}): Promise<{ record: TeamRecord; unitId?: string }[]> {
  const found: { record: TeamRecord; unitId?: string }[] = [];
  let continuationToken: string | undefined;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const page = await deps.repos.teams.list({ limit: 100, continuationToken });
    for (const { value } of page.items) {
      const access = await looksAfter(deps, value, userId);
      if (!access.allowed) continue;
      found.push({ record: value, unitId: access.unitId });
      if (options.first) return found;
    }
    continuationToken = page.continuationToken;
    if (!continuationToken) break;
  }
  return found;
}

/**
 * Whether this person looks after the team: a coordinator of its unit or a unit above it, or one
 * of its owners. The team's unit and owners as `teamSettingsAccess` reads them (whoever it allows
 * is allowed here; a coordinator higher up too). The unit is checked first: it needs no call to
 * Microsoft Graph, which the owners may.
 */
async function looksAfter(deps: AgendaDependencies, team: TeamRecord, userId: string): Promise<{ allowed: boolean; unitId?: string }> {
  const unitId = team.settings?.unitId ?? (await deps.directory.team(team.teamId))?.unitId;
  if (unitId !== undefined && (await isCoordinatorOf(deps, userId, unitId))) return { allowed: true, unitId };
  const { allowed } = await teamSettingsAccess(deps, team, userId);
  return { allowed, ...(unitId !== undefined ? { unitId } : {}) };
}

/** The open actions of these teams, by team key. */
async function openActionsOf(deps: AgendaDependencies, teamKeys: ReadonlySet<string>): Promise<Map<string, TeamActionRecord[]>> {
  const byTeam = new Map<string, TeamActionRecord[]>();
  if (teamKeys.size === 0) return byTeam;
  let continuationToken: string | undefined;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const page = await deps.repos.teamActions.listOpen({ limit: 100, continuationToken });
    for (const { value } of page.items) {
      if (value.isOpen && teamKeys.has(value.teamKey)) byTeam.set(value.teamKey, [...(byTeam.get(value.teamKey) ?? []), value]);
    }
    continuationToken = page.continuationToken;
    if (!continuationToken) break;
  }
  return byTeam;
}

function scheduleOf(record: TeamRecord, settings: TeamSettings): TeamScheduleView {
  return {
    weekdays: settings.weekdays,
    time: settings.time,
    everyWeeks: settings.everyWeeks,
    leadWorkingDays: settings.leadWorkingDays,
    paused: settings.paused,
    ...(!settings.paused && record.nextMeetingAt ? { nextMeetingAt: record.nextMeetingAt } : {}),
    ...(!settings.paused && record.nextPostAt ? { nextPostAt: record.nextPostAt } : {}),
  };
}

function postingView(deps: AgendaDependencies, posting: TopicPosting): TeamPostingView {
  const topic = findTopic(deps, posting.topicId);
  return {
    postingId: posting.id,
    ...(topic ? { topicTitle: { nl: topic.nl.title, en: topic.en.title } } : {}),
    meetingAt: posting.meetingAt,
    postedAt: posting.postedAt,
    status: posting.status,
  };
}

function actionView(deps: AgendaDependencies, action: TeamActionRecord, now: string): TeamActionView {
  const owner = deps.cipher.open<{ name: string }>('identity', action.sealedOwner, `${action.id}:owner`);
  return {
    actionId: action.id,
    text: deps.cipher.open<string>('content', action.sealedText, action.id),
    ownerName: owner.name,
    dueAt: action.dueAt,
    late: action.dueAt < now,
  };
}
