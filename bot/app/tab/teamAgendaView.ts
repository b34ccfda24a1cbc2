import type { TeamSettings } from '../../domain/agenda/teamSettings';
import { ForbiddenError } from '../../domain/errors';
import { isLessonTopicId, LESSON_TOPIC_TITLE } from '../../domain/lessons/lessonTopic';
import type { TeamActionRecord, TeamRecord, TopicPosting } from '../agenda/agendaPorts';
import type { AgendaDependencies } from '../agenda/agendaDependencies';
import { teamSettingsAccess } from '../agenda/teamSettingsAccess';
import { findTopic } from '../agenda/topicsForUnit';
import { isCoordinatorOf } from '../handover/handOverCases';
import { coordinatedUnits } from '../insights/coordinatorInsights';
import { approvedLessonTopicIds } from '../lessons/lessonTopics';

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
  /**
   * The topic's title in both languages (the page picks its own), when the topic is still in the
   * library or, for a lesson from closed cases, still approved ("Geleerde les / Lesson learned", as its card).
   */
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
  const shown = (record: TeamRecord) => record.postings.slice(-TEAM_AGENDA_POSTINGS).reverse();
  // Lessons are looked up once for every posting shown, and only when one of them is a lesson.
  const lessons = teams.some(({ record }) => shown(record).some((posting) => isLessonTopicId(posting.topicId))) ? await approvedLessonTopicIds(deps) : new Set<string>();
  return teams
    .map(({ record, unitId }) => ({
      teamKey: record.id,
      ...(record.name ? { name: record.name } : {}),
      ...(unitId ? { unitId, ...(units.has(unitId) ? { unitName: units.get(unitId) } : {}) } : {}),
      ...(record.settings ? { schedule: scheduleOf(record, record.settings) } : {}),
      postings: shown(record).map((posting) => postingView(deps, posting, lessons)),
      actions: (actions.get(record.id) ?? [])
        .map((action) => actionView(deps, action, now))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    }))
    .sort((a, b) => (a.name ?? a.teamKey).localeCompare(b.name ?? b.teamKey));
}

/**
 * Whether this person sees the view at all (the tab's navigation): the same answer as above. A
 * coordinator of any unit does; someone who coordinates no unit coordinates no team's unit either
 * (nor holds the role the team's settings check reads), so for them only owning an installed team
 * counts: each team's owners are asked (Microsoft Graph or the directory file), nothing else, and
 * the walk stops at the first team they own. `known.coordinator`: when the caller already knows.
 */
export async function mayViewTeamAgenda(deps: AgendaDependencies, userId: string, known: { coordinator?: boolean } = {}): Promise<boolean> {
  if (known.coordinator ?? (await coordinatedUnits(deps, userId)).length > 0) return true;
  return ownsAnInstalledTeam(deps, userId);
}

/** Whether this person is an owner of at least one installed team: stops at the first. */
async function ownsAnInstalledTeam(deps: AgendaDependencies, userId: string): Promise<boolean> {
  for await (const team of installedTeams(deps)) {
    if ((await deps.directory.teamOwners({ teamId: team.teamId, aadGroupId: team.aadGroupId })).includes(userId)) return true;
  }
  return false;
}

/** The installed teams this person owns or coordinates (directly or from above), with the team's unit. */
async function teamsLookedAfterBy(deps: AgendaDependencies, userId: string): Promise<{ record: TeamRecord; unitId?: string }[]> {
  const found: { record: TeamRecord; unitId?: string }[] = [];
  for await (const team of installedTeams(deps)) {
    const access = await looksAfter(deps, team, userId);
    if (access.allowed) found.push({ record: team, unitId: access.unitId });
  }
  return found;
}

/** Every installed team, a page of 100 at a time (at most MAX_PAGES pages); a caller that stops early reads no further page. */
async function* installedTeams(deps: AgendaDependencies): AsyncGenerator<TeamRecord> {
  let continuationToken: string | undefined;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const page = await deps.repos.teams.list({ limit: 100, continuationToken });
    for (const { value } of page.items) yield value;
    continuationToken = page.continuationToken;
    if (!continuationToken) break;
  }
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

/** A posting with its topic's title: a library or unit topic's own, a lesson's frame title while the lesson is approved (never its case). */
function postingView(deps: AgendaDependencies, posting: TopicPosting, approvedLessons: ReadonlySet<string>): TeamPostingView {
  const topic = findTopic(deps, posting.topicId);
  const topicTitle = topic ? { nl: topic.nl.title, en: topic.en.title } : approvedLessons.has(posting.topicId) ? { ...LESSON_TOPIC_TITLE } : undefined;
  return {
    postingId: posting.id,
    ...(topicTitle ? { topicTitle } : {}),
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
