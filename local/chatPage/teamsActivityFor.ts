import type { DemoPerson, DemoTeam } from './demoOrganisation';
import type { PageAction } from './parsePageAction';

/** Where a person acts: their 1:1 chat with the bot, or the General channel of a team. */
export type Place = { kind: 'personal' } | { kind: 'channel'; team: DemoTeam };

export interface ActivityEnvelope {
  id: string;
  /** The page's connector endpoint, where the bot answers. */
  serviceUrl: string;
  locale: string;
}

/** The page's tenant: local mode checks no tenant, but Teams always sends one. */
export const LOCAL_TENANT_ID = '00000000-0000-4000-8000-00000000f000';
/** The bot as Teams addresses it in local mode. */
export const LOCAL_BOT = { id: '28:veilig-melden-local', name: 'Veilig Melden' };

function base(person: DemoPerson, place: Place, envelope: ActivityEnvelope, threadId?: string): Record<string, unknown> {
  const common = {
    id: envelope.id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: envelope.serviceUrl,
    from: { id: person.teamsUserId, name: person.name, aadObjectId: person.aadObjectId },
    recipient: LOCAL_BOT,
    locale: envelope.locale,
  };
  if (place.kind === 'personal') {
    return { ...common, conversation: { id: person.personalConversationId, conversationType: 'personal', tenantId: LOCAL_TENANT_ID }, channelData: { tenant: { id: LOCAL_TENANT_ID } } };
  }
  const { team } = place;
  return {
    ...common,
    conversation: { id: threadId ? `${team.id};messageid=${threadId}` : team.id, conversationType: 'channel', isGroup: true, tenantId: LOCAL_TENANT_ID },
    channelData: { tenant: { id: LOCAL_TENANT_ID }, team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId }, channel: { id: team.id, name: 'General' } },
  };
}

/** The activity Teams sends for what a person did on a card or in the compose box. */
export function teamsActivityFor(person: DemoPerson, place: Place, action: PageAction, envelope: ActivityEnvelope): Record<string, unknown> {
  const messageId = action.kind === 'message' || action.kind === 'taskSubmit' ? undefined : action.messageId;
  const activity = base(person, place, envelope, place.kind === 'channel' ? messageId : undefined);
  const replyTo = messageId ? { replyToId: messageId } : {};
  switch (action.kind) {
    case 'message': {
      if (place.kind === 'personal') return { ...activity, type: 'message', text: action.text, textFormat: 'plain' };
      // In a channel the bot only hears messages that @mention it.
      const mention = `<at>${LOCAL_BOT.name}</at>`;
      return { ...activity, type: 'message', text: `${mention} ${action.text}`, textFormat: 'plain', entities: [{ type: 'mention', text: mention, mentioned: LOCAL_BOT }] };
    }
    case 'submit':
      return { ...activity, ...replyTo, type: 'message', value: action.data };
    case 'execute':
      return { ...activity, ...replyTo, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: action.trigger } };
    case 'taskFetch':
      return { ...activity, ...replyTo, type: 'invoke', name: 'task/fetch', value: { data: action.data, context: { theme: 'default' } } };
    case 'taskSubmit':
      return { ...activity, type: 'invoke', name: 'task/submit', value: { data: action.data, context: { theme: 'default' } } };
  }
}

/** The person added the app: the bot joins their 1:1 chat. */
export function botInstalledActivity(person: DemoPerson, envelope: ActivityEnvelope): Record<string, unknown> {
  return { ...base(person, { kind: 'personal' }, envelope), type: 'conversationUpdate', membersAdded: [{ id: LOCAL_BOT.id }] };
}

/** An owner added the app to a team: the bot joins its General channel. */
export function botAddedToTeamActivity(owner: DemoPerson, team: DemoTeam, envelope: ActivityEnvelope): Record<string, unknown> {
  const activity = base(owner, { kind: 'channel', team }, envelope);
  return { ...activity, type: 'conversationUpdate', membersAdded: [{ id: LOCAL_BOT.id }], channelData: { ...(activity.channelData as object), eventType: 'teamMemberAdded' } };
}
