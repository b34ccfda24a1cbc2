import type { HandlerRole } from '../domain/chooseRoute';
import type { ResponsePolicy } from '../domain/firstResponseDeadline';
import type { WorkingCalendar } from '../domain/workingCalendar';
import type { Clock, ContentCipher, Logger, Pseudonymizer, Repositories } from './ports';

/** What the intake use cases need; built once by the composition root. */
export interface IntakeDependencies {
  repos: Repositories;
  cipher: ContentCipher;
  pseudonyms: Pseudonymizer;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  /** Cryptographically strong random bytes. */
  randomBytes(size: number): Uint8Array;
  settings: {
    /** Days after the last change that a draft is kept. */
    draftTtlDays: number;
    firstResponse: Readonly<Record<HandlerRole, ResponsePolicy>>;
  };
}

/** The person in the 1:1 chat, as Teams tells us. Only ever held in memory. */
export interface Reporter {
  /** Entra object id (falls back to the channel account id in local mode). */
  userId: string;
  name: string;
  /** The Bot Framework conversation reference of the 1:1 chat, to reach them later. */
  conversation: unknown;
}
