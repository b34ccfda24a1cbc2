import { createHash } from 'node:crypto';
import type { TurnContext } from '@microsoft/agents-hosting';
import { channelKeyFor, teamKeyFor } from '../app/agenda/teamKeys';
import { userRecipient } from '../app/cases/caseParties';
import type { Recipient } from '../app/outbox/outboxPorts';
import { queueUnsentCard } from '../app/outbox/queueUnsentCard';
import type { BotServices } from './botServices';
import { teamOfTurn } from './agenda/teamChannel';
import { toDeliveryError } from './toDeliveryError';

type SendActivitiesHandler = Parameters<TurnContext['onSendActivities']>[0];
type ResourceResponses = Awaited<ReturnType<SendActivitiesHandler>>;

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Makes every message a turn sends (receipts, notices, welcome and settings cards) retryable like
 * a proactive one: the message is sent in the turn as usual, and when the Bot Connector refuses it
 * for now (429 with `Retry-After`, 412, 5xx, a broken connection) its card goes to the outbox for
 * the same chat, not before the `Retry-After` (or a back-off), and the outbox timer delivers it in
 * that chat's order. A send that fails for good (403: the user blocked the bot) is logged and
 * dropped. Either way the turn carries on as if it was sent, so a completed action never turns
 * into an error card because its confirmation could not go at once.
 *
 * Only messages with Adaptive Cards (all this bot sends) in a 1:1 chat or a team's channel (whose
 * addresses the bot keeps) are queued; anything else is dropped with a log line. Invoke responses
 * pass untouched. Logs carry codes only, never the card.
 */
export function queueFailedSends(services: BotServices): SendActivitiesHandler {
  let sends = 0;
  return async (context, activities, next) => {
    if (!activities.every((activity) => activity.type === 'message')) return next();
    try {
      return await next();
    } catch (error) {
      const failure = toDeliveryError(error, services.clock.now().getTime());
      const recipient = failure.retryable ? recipientOf(services, context) : undefined;
      for (const activity of activities) {
        sends += 1;
        const card = (activity.attachments ?? []).find((attachment) => attachment.contentType === ADAPTIVE_CARD)?.content as object | undefined;
        if (!recipient || !card) {
          services.logger.warn('turn.send_dropped', { code: failure.status !== undefined ? String(failure.status) : failure.name, retryable: failure.retryable });
          continue;
        }
        const id = createHash('sha256').update(`turn:${context.activity.conversation?.id ?? ''}:${context.activity.id ?? ''}:${sends}`).digest('base64url');
        await queueUnsentCard(services, { id, recipient, card, retryAfterMs: failure.retryAfterMs, code: failure.status !== undefined ? String(failure.status) : failure.name });
      }
      return activities.map(() => ({ id: '' })) as ResourceResponses;
    }
  };
}

/** The chat of the turn as an outbox recipient: the user's 1:1 chat, or the team's channel; undefined for a group chat. */
function recipientOf(services: BotServices, context: TurnContext): Recipient | undefined {
  const team = teamOfTurn(context);
  if (team) return { kind: 'channel', channelKey: channelKeyFor(teamKeyFor(services, team.teamId)) };
  const activity = context.activity;
  if ((activity.conversation?.conversationType ?? 'personal') !== 'personal') return undefined;
  const userId = activity.from?.aadObjectId ?? (services.localMode ? activity.from?.id : undefined);
  return userId ? userRecipient(services, userId) : undefined;
}
