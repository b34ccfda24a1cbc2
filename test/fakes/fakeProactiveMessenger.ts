import type { ProactiveMessenger } from '../../bot/app/outbox/messengerPorts';

/** One card the fake delivered. */
export interface DeliveredCard {
  conversationId: string;
  card: Record<string, unknown>;
  activityId: string;
}

/** A conversation reference as the fake makes and expects them. */
export interface FakeReference {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string };
  user?: { id: string };
}

/**
 * An in-memory ProactiveMessenger: records what it delivers, and throws scripted errors for the
 * sends whose card matches (so a test decides which message fails, whatever the interleaving).
 */
export class FakeProactiveMessenger implements ProactiveMessenger {
  readonly delivered: DeliveredCard[] = [];
  /** The user ids chats were created for. */
  readonly createdFor: string[] = [];
  /** Every sendCard call in order, failed ones included. */
  readonly calls: { conversationId: string; card: Record<string, unknown> }[] = [];
  private readonly scripted: { matches: (card: Record<string, unknown>) => boolean; errors: Error[] }[] = [];
  /** Called after a successful send, before it returns (to simulate a crash right after sending). */
  afterSend?: (card: Record<string, unknown>) => void;
  private counter = 0;

  /** The next sends of a card matching `matches` throw these errors, one per send. */
  failWhen(matches: (card: Record<string, unknown>) => boolean, ...errors: Error[]): void {
    this.scripted.push({ matches, errors: [...errors] });
  }

  async sendCard(conversation: unknown, card: object): Promise<{ activityId?: string }> {
    const conversationId = (conversation as FakeReference).conversation.id;
    const content = card as Record<string, unknown>;
    this.calls.push({ conversationId, card: content });
    const script = this.scripted.find((entry) => entry.errors.length > 0 && entry.matches(content));
    if (script) throw script.errors.shift()!;
    this.counter += 1;
    const activityId = `activity-${this.counter}`;
    this.delivered.push({ conversationId, card: content, activityId });
    this.afterSend?.(content);
    return { activityId };
  }

  async updateCard(): Promise<void> {
    throw new Error('not used by these tests');
  }

  async createPersonalConversation(userId: string): Promise<unknown> {
    this.createdFor.push(userId);
    this.counter += 1;
    const reference: FakeReference = { serviceUrl: 'https://connector.invalid/', channelId: 'msteams', conversation: { id: `a:created-${this.counter}` }, user: { id: userId } };
    return reference;
  }

  /** The `seq` of the cards delivered to a conversation, in delivery order. */
  sequenceOf(conversationId: string): unknown[] {
    return this.delivered.filter((entry) => entry.conversationId === conversationId).map((entry) => entry.card.seq);
  }
}
