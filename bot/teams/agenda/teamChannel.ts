import type { TurnContext } from '@microsoft/agents-hosting';

/** The team a channel activity comes from, as Teams puts it in `channelData.team`. */
export interface TeamOfTurn {
  teamId: string;
  aadGroupId?: string;
  name?: string;
}

function stringField(record: unknown, field: string): string | undefined {
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.length > 0 && value.length <= 300 ? value : undefined;
}

/** The team of a channel activity; undefined outside a team (1:1 or group chat) or when Teams did not say. */
export function teamOfTurn(context: TurnContext): TeamOfTurn | undefined {
  if (context.activity.conversation?.conversationType !== 'channel') return undefined;
  const team = (context.activity.channelData as { team?: unknown } | undefined)?.team;
  const teamId = stringField(team, 'id');
  if (!teamId) return undefined;
  return { teamId, aadGroupId: stringField(team, 'aadGroupId'), name: stringField(team, 'name') };
}

/**
 * The channel's conversation reference for new posts: without the thread part (`;messageid=…`)
 * that a reply or a card action in a thread carries, so topics start their own thread.
 */
export function channelReference(context: TurnContext): unknown {
  const reference = context.activity.getConversationReference();
  const conversationId = reference.conversation?.id?.split(';')[0];
  return { ...reference, conversation: { ...reference.conversation, id: conversationId } };
}
