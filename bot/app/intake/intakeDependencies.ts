import type { DeadlinePolicy } from '../../domain/deadlines/deadlinePolicies';
import type { OrganisationDirectory } from '../../domain/directory';
import type { WorkingCalendar } from '../../domain/workingCalendar';
import type { Clock } from '../../domain/clock';
import type { ContentCipher, ExclusionMarker, Pseudonymizer } from '../common/cryptoPorts';
import type { Logger } from '../common/loggerPorts';
import type { ProactiveMessenger } from '../outbox/messengerPorts';
import type { Repositories } from '../common/repositories';

/** What the intake use cases need; built once by the composition root. */
export interface IntakeDependencies {
  repos: Repositories;
  cipher: ContentCipher;
  pseudonyms: Pseudonymizer;
  /** Keyed hashes of the people excluded from a case (its own key set, 'exclusion'). */
  exclusions: ExclusionMarker;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  /** Cryptographically strong random bytes. */
  randomBytes(size: number): Uint8Array;
  /** A number in [0, 1) for jitter (not for secrets). */
  random(): number;
  /** Waits (back-off); injected so tests never wait for real. */
  sleep(ms: number): Promise<void>;
  directory: OrganisationDirectory;
  messenger: ProactiveMessenger;
  settings: {
    /** Days after the last change that a draft is kept. */
    draftTtlDays: number;
    /** The root unit of the organisation: its Meldpunt is the last resort. */
    centralUnitId: string;
    /** Messages to anonymous reporters wait a random time up to this, so their arrival says little about when a handler acted. */
    anonymousNoticeDelayMinutes: number;
    /** Follow-up clocks, reminder stages and escalation (DOMAIN.md deadlines; env DEADLINE_POLICY). */
    deadlinePolicy: DeadlinePolicy;
    /** Months after closing at which the reporter gets an aftercare check-in (env CHECK_IN_MONTHS); absent: DEFAULT_CHECK_IN_MONTHS. */
    checkInMonths?: readonly number[];
    /** Days after closing before an approved lesson may go on the team agenda (env LESSON_DELAY_DAYS); absent: DEFAULT_LESSON_DELAY_DAYS. */
    lessonDelayDays?: number;
  };
}

/** The use cases about handling cases need the same things. */
export type CaseDependencies = IntakeDependencies;

/** The person in the 1:1 chat, as Teams tells us. Only ever held in memory. */
export interface Reporter {
  /** Entra object id (falls back to the channel account id in local mode). */
  userId: string;
  name: string;
  /** The Bot Framework conversation reference of the 1:1 chat, to reach them later. */
  conversation: unknown;
}
