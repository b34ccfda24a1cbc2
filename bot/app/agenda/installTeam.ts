import { ConflictError } from '../../domain/errors';
import { saveConversationReference } from '../outbox/saveConversationReference';
import type { TeamRecord } from './agendaPorts';
import type { AgendaDependencies } from './agendaDependencies';
import { channelKeyFor, teamKeyFor } from './teamKeys';
import { sealMembers, type TeamMember } from './teamMembers';
import { updateTeam } from './updateTeam';

/** What Teams tells the bot when it is added to a team. */
export interface TeamInstall {
  teamId: string;
  aadGroupId?: string;
  name?: string;
  /** The conversation reference of the channel the bot was added in (where topics are posted). */
  conversation: unknown;
  /** The roster, when it could be read. */
  members?: readonly TeamMember[];
}

/**
 * The bot was added to a team: remember the channel (sealed) and the team. Nothing is posted
 * until an owner or the unit's coordinator saved the meeting rhythm. Installing again (Teams
 * repeats the event, or the bot is added anew) keeps the settings and the rotation.
 */
export async function installTeam(deps: AgendaDependencies, install: TeamInstall): Promise<TeamRecord> {
  const teamKey = teamKeyFor(deps, install.teamId);
  await saveConversationReference(deps, channelKeyFor(teamKey), install.conversation);
  const now = deps.clock.now().toISOString();
  const fresh: TeamRecord = {
    id: teamKey,
    teamId: install.teamId,
    aadGroupId: install.aadGroupId,
    name: install.name,
    installedAt: now,
    updatedAt: now,
    sealedMembers: install.members ? sealMembers(deps, teamKey, install.members) : undefined,
    usedTopicIds: [],
    postings: [],
  };
  try {
    const created = await deps.repos.teams.create(fresh);
    deps.logger.info('agenda.team_installed', { team: teamKey.slice(0, 8) });
    return created.value;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  const { record } = await updateTeam(deps, teamKey, (record) => {
    record.aadGroupId = install.aadGroupId ?? record.aadGroupId;
    record.name = install.name ?? record.name;
    if (install.members) record.sealedMembers = sealMembers(deps, teamKey, install.members);
    return { record, result: undefined };
  });
  return record;
}

/** The bot was removed from the team (or the team deleted): its schedule stops and is deleted, with the channel's address. */
export async function uninstallTeam(deps: AgendaDependencies, teamId: string): Promise<void> {
  const teamKey = teamKeyFor(deps, teamId);
  await deps.repos.teams.delete(teamKey);
  await deps.repos.conversationReferences.delete(channelKeyFor(teamKey));
  deps.logger.info('agenda.team_removed', { team: teamKey.slice(0, 8) });
}

/** The team of a channel turn, installing it when the bot was added before it knew about teams. */
export async function findOrInstallTeam(deps: AgendaDependencies, install: TeamInstall): Promise<TeamRecord> {
  const stored = await deps.repos.teams.get(teamKeyFor(deps, install.teamId));
  if (stored) return stored.value;
  return installTeam(deps, install);
}
