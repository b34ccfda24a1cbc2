import type { AttemptLimiter } from '../app/reporter/attemptLimiter';
import type { AgendaDependencies } from '../app/agenda/agendaDependencies';
import type { HelpContact } from '../domain/helpContact';

/** What the Teams layer needs from the composition root. */
export interface BotServices extends AgendaDependencies {
  /** Local mode: emulator users without an Entra id are accepted. */
  localMode: boolean;
  /** Makes correlation ids for errors shown to users. */
  correlationId(): string;
  /**
   * Delivers the outbox items one turn queued (its ids), bounded: one attempt each, no waiting on
   * Retry-After or on other chats' backlog; what does not go, the outbox timer sends.
   */
  deliverQueued(itemIds: readonly string[]): Promise<void>;
  /** Failed reference + secret attempts per user, against guessing. */
  secretAttempts: AttemptLimiter;
  /** Where to get help right now (the organisation's help file), emergency number first; absent: the built-in texts (112 and the services by name). */
  helpContacts?: readonly HelpContact[];
}
