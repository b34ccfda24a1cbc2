/**
 * A proactive message that can never be delivered as it stands: no address is stored for its
 * recipient, or a sealed part no longer opens. Retrying cannot help, so the outbox marks it failed.
 */
export class UndeliverableError extends Error {
  constructor(
    /** Stored as the item's `lastError`: a code, never details about the recipient. */
    readonly code: 'no_address' | 'unreadable' | 'nothing_to_send',
  ) {
    super(`message cannot be delivered: ${code}`);
    this.name = 'UndeliverableError';
  }
}
