import { Channels, type ConversationParameters, type ConversationReference } from '@microsoft/agents-activity';
import { CardFactory, CloudAdapter, MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { DeliveryError, type ProactiveMessenger } from '../app/outbox/messengerPorts';
import { RateLimitWait, SlidingWindowLimiter, type LimitedKey, type WindowLimit } from './slidingWindowLimiter';
import { toDeliveryError } from './toDeliveryError';

/** How to reach Teams, and (for tests) where time comes from. */
export interface TeamsProactiveMessengerOptions {
  /** The bot's Entra app id. Absent in local mode: requests then go out without a token, to a local (fake) connector. */
  appId?: string;
  /** The organisation's tenant, for new 1:1 chats. */
  tenantId?: string;
  /** The Bot Connector endpoint of the tenant's region (e.g. `https://smba.trafficmanager.net/emea/`), for new 1:1 chats. */
  serviceUrl: string;
  /** Milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Waits while a rate limit is reached. Default a timer; tests inject one that moves their clock. */
  sleep?: (ms: number) => Promise<void>;
}

/** Teams' limits for one bot in one conversation (the hourly one is the optional one). */
export const PER_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Teams' limit for one app in one tenant, over all conversations. */
export const PER_TENANT_LIMITS: readonly WindowLimit[] = [{ limit: 30, windowMs: 1_000 }];

/** The token audience of the Bot Connector (what TeamsInfo uses for new conversations too). */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

const TENANT: LimitedKey = { key: 'tenant', limits: PER_TENANT_LIMITS };

/**
 * Refused calls (429) given back to the limits, at most a tenth of the tenant's rate: enough for
 * the occasional 429 Teams gives anyway, too few to feed a burst of 429s for our own excess.
 */
const GIVE_BACKS: LimitedKey = { key: 'given-back', limits: [{ limit: 3, windowMs: 1_000 }] };

type BotIdentity = Parameters<CloudAdapter['continueConversation']>[0];

/**
 * Sends proactive Adaptive Cards through the Agents SDK's CloudAdapter.
 *
 * Every call first waits for Teams' rate limits (per conversation and per tenant), so the bot
 * slows down instead of collecting 429s; failures come out as `DeliveryError` (see
 * `toDeliveryError` for how SDK errors map). The adapter can be the one that serves incoming
 * activities: errors are caught inside the turn, so the adapter's `onTurnError` (which would
 * post an error card, or the SDK's default "The agent encountered an error" texts, into the
 * chat) never sees them.
 *
 * Without an app id (local mode) the adapter has an empty auth configuration: a continued
 * conversation then uses the anonymous identity and the request carries no token, as the
 * unauthenticated local connector expects.
 */
export class TeamsProactiveMessenger implements ProactiveMessenger {
  private readonly now: () => number;
  private readonly limiter: SlidingWindowLimiter;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly options: TeamsProactiveMessengerOptions,
  ) {
    this.now = options.clock ?? Date.now;
    this.limiter = new SlidingWindowLimiter(this.now, options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))));
  }

  async sendCard(conversation: unknown, card: object, options: { maxWaitMs?: number } = {}): Promise<{ activityId?: string }> {
    const reference = toReference(conversation);
    return this.limited(reference, options.maxWaitMs, async () => {
      let activityId: string | undefined;
      await this.inTurn(reference, async (context) => {
        // A proactive message is a new message in the chat, not a reply to whatever activity the
        // stored reference last saw (in a channel that would put it in an old thread).
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        activityId = response?.id || undefined;
      });
      return { activityId };
    });
  }

  async updateCard(conversation: unknown, activityId: string, card: object): Promise<void> {
    const reference = toReference(conversation);
    await this.limited(reference, undefined, () =>
      this.inTurn(reference, async (context) => {
        const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
        activity.id = activityId;
        await context.updateActivity(activity);
      }),
    );
  }

  /**
   * Creates the bot's 1:1 chat with a user, who is named by their Entra object id (Teams accepts
   * it as member id for a bot in the user's tenant); Teams answers with the existing chat when
   * there is one. Returns the chat's conversation reference, without an activity id.
   */
  async createPersonalConversation(userId: string, options: { maxWaitMs?: number } = {}): Promise<unknown> {
    const { appId, tenantId, serviceUrl } = this.options;
    const parameters: Omit<ConversationParameters, 'activity'> = {
      isGroup: false,
      agent: { id: appId ? `28:${appId}` : 'veilig-melden-local' },
      members: [{ id: userId }],
      tenantId,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    };
    await this.acquire([TENANT], options.maxWaitMs);
    try {
      let reference: Partial<ConversationReference> | undefined;
      let failure: { error: unknown } | undefined;
      await this.adapter.createConversationAsync(appId ?? '', Channels.Msteams, serviceUrl, BOT_CONNECTOR_AUDIENCE, parameters as ConversationParameters, async (context) => {
        try {
          reference = context.activity.getConversationReference();
        } catch (error) {
          failure = { error };
        }
      });
      if (failure) throw failure.error;
      if (!reference?.conversation?.id) throw new DeliveryError(undefined, false);
      // The SDK fills in the new conversation's id as activity id; there is no such activity.
      delete reference.activityId;
      return reference;
    } catch (error) {
      throw toDeliveryError(error, this.now());
    }
  }

  /**
   * Waits for the rate limits of the reference's conversation and the tenant (at most `maxWaitMs`:
   * beyond it, a retryable DeliveryError without sending), then runs `call` with its errors mapped.
   */
  private async limited<T>(reference: ConversationReference, maxWaitMs: number | undefined, call: () => Promise<T>): Promise<T> {
    const keys: LimitedKey[] = [{ key: `conversation:${reference.conversation.id}`, limits: PER_CONVERSATION_LIMITS }, TENANT];
    const at = await this.acquire(keys, maxWaitMs);
    try {
      return await call();
    } catch (error) {
      const failure = toDeliveryError(error, this.now());
      // Refused with 429: Teams does not count a refused call, so neither do we (the call waits its Retry-After
      // anyway), but only a few a second: a 429 for our own excess must not let the next call in at once.
      if (failure.status === 429 && this.limiter.tryAcquire([GIVE_BACKS])) this.limiter.giveBack(keys, at);
      throw failure;
    }
  }

  /** Waits for the limits of `keys`, at most `maxWaitMs`: beyond it, a retryable DeliveryError saying how long it would have been. Resolves with the moment recorded. */
  private async acquire(keys: readonly LimitedKey[], maxWaitMs: number | undefined): Promise<number> {
    try {
      return await this.limiter.acquireAt(keys, maxWaitMs);
    } catch (error) {
      if (error instanceof RateLimitWait) throw new DeliveryError(undefined, true, error.waitMs);
      throw error;
    }
  }

    /** Runs `logic` in a continued turn of the conversation and rethrows its error after the turn, past `onTurnError`. */
  private async inTurn(reference: ConversationReference, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversation(this.identity(), reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }

  /** The app id selects the token; without one, an identity without audience is the SDK's anonymous (tokenless) identity. */
  private identity(): BotIdentity {
    return this.options.appId ? this.options.appId : {};
  }
}

/** A stored reference, checked enough that a corrupt one fails as "not retryable" instead of deep inside the SDK. */
function toReference(conversation: unknown): ConversationReference {
  const candidate = conversation as Partial<ConversationReference> | null | undefined;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.serviceUrl !== 'string' || typeof candidate.conversation?.id !== 'string') {
    throw new DeliveryError(undefined, false);
  }
  return candidate as ConversationReference;
}
