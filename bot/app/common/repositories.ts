import type { TeamActionRepository, TeamRepository } from '../agenda/agendaPorts';
import type { AuditRepository } from '../audit/auditPorts';
import type { CaseRepository } from '../cases/casePorts';
import type { DraftRepository } from '../intake/draftPorts';
import type { SealedRecordRepository } from '../outbox/addressPorts';
import type { OutboxRepository } from '../outbox/outboxPorts';
import type { AttemptRepository } from '../reporter/attemptPorts';
import type { PurgeLogRepository } from '../retention/purgeLogPorts';

/** All repositories, as built by the composition root. */
export interface Repositories {
  drafts: DraftRepository;
  cases: CaseRepository;
  conversationReferences: SealedRecordRepository;
  relayAddresses: SealedRecordRepository;
  /** Proactive messages waiting to be delivered (and the record of those that were). */
  outbox: OutboxRepository;
  /** The register of cases deleted by retention (the case's own history goes with it). */
  purgeLog: PurgeLogRepository;
  /** The audit record of every case event; outlives the case (AUDIT_RETENTION_DAYS). */
  audit: AuditRepository;
  /** Teams that installed the bot (werkoverleg topics). */
  teams: TeamRepository;
  /** Follow-up actions agreed in team meetings. */
  teamActions: TeamActionRepository;
  /** Failed reference + secret attempts per user (the guessing limit, shared by every instance). */
  attempts: AttemptRepository;
  /** Releases connections and flushes files. */
  close(): Promise<void>;
}
