import type { AttemptRecord } from '../app/reporter/attemptPorts';
import type { AuditEntry } from '../app/audit/auditPorts';
import type { CaseRecord } from '../app/cases/casePorts';
import type { DraftRecord } from '../app/intake/draftPorts';
import type { OutboxItem } from '../app/outbox/outboxPorts';
import type { PurgeLogEntry } from '../app/retention/purgeLogPorts';
import type { Repositories } from '../app/common/repositories';
import type { SealedRecord } from '../app/outbox/addressPorts';
import type { TeamActionRecord, TeamRecord } from '../app/agenda/agendaPorts';
import { CONTAINER_NAMES } from './containerNames';
import type { DocumentContainer } from './documentContainer';
import { DocumentAttemptRepository } from './documentAttemptRepository';
import { DocumentAuditRepository } from './documentAuditRepository';
import { DocumentCaseRepository } from './documentCaseRepository';
import { DocumentDraftRepository } from './documentDraftRepository';
import { DocumentOutboxRepository } from './documentOutboxRepository';
import { DocumentPurgeLogRepository } from './documentPurgeLogRepository';
import { DocumentSealedRecordRepository } from './documentSealedRecordRepository';
import { DocumentTeamActionRepository } from './documentTeamActionRepository';
import { DocumentTeamRepository } from './documentTeamRepository';

/**
 * The repositories over one container per aggregate, whatever store opens the containers: both
 * factories use this, so the embedded store and Cosmos DB run the same repository code.
 */
export async function repositoriesOver(
  open: <T extends { id: string }>(name: string) => Promise<DocumentContainer<T>>,
  close: () => Promise<void>,
): Promise<Repositories> {
  return {
    drafts: new DocumentDraftRepository(await open<DraftRecord>(CONTAINER_NAMES.drafts)),
    cases: new DocumentCaseRepository(await open<CaseRecord>(CONTAINER_NAMES.cases)),
    conversationReferences: new DocumentSealedRecordRepository(await open<SealedRecord>(CONTAINER_NAMES.conversationReferences)),
    relayAddresses: new DocumentSealedRecordRepository(await open<SealedRecord>(CONTAINER_NAMES.relayAddresses)),
    outbox: new DocumentOutboxRepository(await open<OutboxItem>(CONTAINER_NAMES.outbox)),
    purgeLog: new DocumentPurgeLogRepository(await open<PurgeLogEntry>(CONTAINER_NAMES.purgeLog)),
    audit: new DocumentAuditRepository(await open<AuditEntry>(CONTAINER_NAMES.audit)),
    teams: new DocumentTeamRepository(await open<TeamRecord>(CONTAINER_NAMES.teams)),
    teamActions: new DocumentTeamActionRepository(await open<TeamActionRecord>(CONTAINER_NAMES.teamActions)),
    attempts: new DocumentAttemptRepository(await open<AttemptRecord>(CONTAINER_NAMES.attempts)),
    close,
  };
}
