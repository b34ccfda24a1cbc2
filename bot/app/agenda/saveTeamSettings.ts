import { nextPosting } from '../../domain/agenda/nextPosting';
import type { TeamSettings } from '../../domain/agenda/teamSettings';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { saveConversationReference } from '../outbox/saveConversationReference';
import type { TeamRecord } from './agendaPorts';
import type { TeamSettingsCommand } from './agendaCommands';
import type { AgendaDependencies } from './agendaDependencies';
import { checkTeamSettings } from './checkTeamSettings';
import { mayPickTeamUnit } from './mayPickTeamUnit';
import { channelKeyFor, teamKeyFor } from './teamKeys';
import { teamSettingsAccess } from './teamSettingsAccess';
import { updateTeam } from './updateTeam';

/** The saved team and what comes next. */
export interface SavedTeamSettings {
  team: TeamRecord;
  settings: TeamSettings;
  /** The next posting and its meeting; absent when paused (or no meeting could be found). */
  next?: { postAt: Date; meetingAt: Date };
}

/**
 * Plans the team's next posting from its settings, for a meeting after `afterMeeting` (by default
 * the meeting of the last posting: never again for a meeting a topic was posted for already).
 */
export function planNextPosting(deps: AgendaDependencies, record: TeamRecord, now: Date, afterMeeting = record.postings.at(-1)?.meetingAt): void {
  const lastMeeting = afterMeeting;
  const next = record.settings ? nextPosting(record.settings, { now, afterMeeting: lastMeeting ? new Date(lastMeeting) : undefined }, deps.calendar) : undefined;
  if (next) {
    record.nextPostAt = next.postAt.toISOString();
    record.nextMeetingAt = next.meetingAt.toISOString();
  } else {
    delete record.nextPostAt;
    delete record.nextMeetingAt;
  }
}

/**
 * Saves a team's meeting rhythm from the settings card (parsed at the adapter). Only the team's
 * owners and its unit's coordinators may (ForbiddenError otherwise, nothing changed); a unit that
 * is unknown, or that this user may not give the team (`mayPickTeamUnit`), is a ValidationError
 * on `unitId`. Also keeps the channel's address current.
 */
export async function saveTeamSettings(
  deps: AgendaDependencies,
  teamId: string,
  userId: string,
  command: TeamSettingsCommand,
  conversation?: unknown,
): Promise<SavedTeamSettings> {
  const teamKey = teamKeyFor(deps, teamId);
  const stored = await deps.repos.teams.get(teamKey);
  if (!stored) throw new NotFoundError('team');
  const access = await teamSettingsAccess(deps, stored.value, userId);
  if (!access.allowed) throw new ForbiddenError('team settings: not an owner or coordinator');
  const settings = await checkTeamSettings(
    command,
    async (unitId) => (await deps.directory.unitChain(unitId)).length > 0,
    deps.clock.now(),
    stored.value.settings,
    (unitId) => mayPickTeamUnit(deps, stored.value, userId, access.ownerIds, unitId),
  );
  if (conversation !== undefined) await saveConversationReference(deps, channelKeyFor(teamKey), conversation);
  const { record } = await updateTeam(deps, teamKey, (record, now) => {
    record.settings = settings;
    record.settingsSavedBy = { userKey: deps.pseudonyms.pseudonym('user', userId), at: now.toISOString() };
    planNextPosting(deps, record, now);
    return { record, result: undefined };
  });
  deps.logger.info('agenda.settings_saved', { team: teamKey.slice(0, 8), paused: settings.paused });
  const next = record.nextPostAt && record.nextMeetingAt ? { postAt: new Date(record.nextPostAt), meetingAt: new Date(record.nextMeetingAt) } : undefined;
  return { team: record, settings, next };
}
