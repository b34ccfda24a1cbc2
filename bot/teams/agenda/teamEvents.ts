import type { TurnContext } from '@microsoft/agents-hosting';
import { renderNotice } from '../../../cards/notice';
import { installTeam, uninstallTeam } from '../../app/agenda/installTeam';
import type { TeamMember } from '../../app/agenda/teamMembers';
import { toLocale } from '../../domain/locale';
import type { BotServices } from '../botServices';
import { readChatCommand } from '../chatCommand';
import { readTeamRoster } from '../readTeamRoster';
import { sendCard } from '../sendCard';
import type { TurnIdentity } from '../turnIdentity';
import { channelReference, teamOfTurn } from './teamChannel';
import { teamSettingsCard } from './teamSettingsCard';

/** The roster for the action-owner list; a failure leaves the list empty (Teams' people picker still works). */
async function roster(services: BotServices, context: TurnContext, teamId: string): Promise<TeamMember[] | undefined> {
  try {
    return await readTeamRoster(context, teamId);
  } catch (error) {
    services.logger.warn('agenda.roster_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
    return undefined;
  }
}

/** The bot was added to a team: remember the team and its channel, and post the welcome with the settings form. */
export async function onTeamInstalled(services: BotServices, context: TurnContext): Promise<void> {
  const team = teamOfTurn(context);
  if (!team) return;
  const record = await installTeam(services, { ...team, conversation: channelReference(context), members: await roster(services, context, team.teamId) });
  const viewerUserId = context.activity.from?.aadObjectId ?? '';
  await sendCard(context, await teamSettingsCard(services, record, { viewerUserId, locale: record.settings?.locale ?? toLocale(context.activity.locale), welcome: true }));
}

/** The bot was removed from the team, or the team deleted: stop and delete its schedule. */
export async function onTeamRemoved(services: BotServices, context: TurnContext): Promise<void> {
  const team = teamOfTurn(context);
  if (team) await uninstallTeam(services, team.teamId);
}

/**
 * A message to the bot in a team channel: "agenda" opens the settings (the form for owners and
 * the unit's coordinators, who can for everyone else); anything else gets a short explanation
 * that reports belong in the 1:1 chat. Nothing typed in a channel is stored.
 */
export async function onTeamChannelMessage(services: BotServices, context: TurnContext, turn: TurnIdentity): Promise<void> {
  const team = teamOfTurn(context);
  if (!team) return;
  if (readChatCommand(context.activity.text) !== 'agenda') {
    await sendCard(context, renderNotice({ locale: turn.locale, titleKey: 'notices.channelHelp.title', textKey: 'notices.channelHelp.text' }));
    return;
  }
  // Also the way to install a team the bot joined before it knew about teams; the roster is read anew each time.
  const current = await installTeam(services, { ...team, conversation: channelReference(context), members: await roster(services, context, team.teamId) });
  await sendCard(context, await teamSettingsCard(services, current, { viewerUserId: turn.reporter.userId, locale: current.settings?.locale ?? turn.locale }));
}
