/** A failed delivery, as the messenger reports it. */
export class DeliveryError extends Error {
  constructor(
    /** HTTP status from the connector, when there was one. */
    readonly status: number | undefined,
    /** 429, 412, 502, 503, 504 and network errors are worth retrying; 400/401/403/404 are not. */
    readonly retryable: boolean,
    /** From the `Retry-After` header, when given. */
    readonly retryAfterMs?: number,
  ) {
    super(`delivery failed${status ? ` (${status})` : ''}`);
    this.name = 'DeliveryError';
  }
}

/** Sends proactive messages through the Bot Connector. Implemented in bot/teams. */
export interface ProactiveMessenger {
  /**
   * Sends an Adaptive Card to a conversation (a stored conversation reference). Throws DeliveryError.
   * With `maxWaitMs`, a send that would wait longer for the rate limits is not made: a retryable
   * DeliveryError with that wait as `retryAfterMs` instead.
   */
  sendCard(conversation: unknown, card: object, options?: { maxWaitMs?: number }): Promise<{ activityId?: string }>;
  /** Replaces a card sent earlier. Throws DeliveryError. */
  updateCard(conversation: unknown, activityId: string, card: object): Promise<void>;
  /** Opens (or finds) the 1:1 chat of the bot with a user; returns its conversation reference. Throws DeliveryError. */
  createPersonalConversation(userId: string, options?: { maxWaitMs?: number }): Promise<unknown>;
}
