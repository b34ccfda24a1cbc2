import { auditEntryId } from './auditEntryId';
import { sealedAuditEntry } from './auditEntrySeal';
import { caseActors } from '../cases/caseActors';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { AuditActorRole, AuditEntry } from './auditPorts';
import type { CaseActor, CaseEvent, CaseRecord } from '../cases/casePorts';
import type { Repositories } from '../common/repositories';

/** What copying a case's history to the audit record needs. */
export type CaseAuditDependencies = Pick<IntakeDependencies, 'cipher' | 'pseudonyms'> & { repos: Pick<Repositories, 'audit'> };

/**
 * Appends the history entries the audit record does not have yet (`history[auditedCount ..]`),
 * in order, each under its deterministic id: a run repeated after a crash appends nothing twice.
 * Returns the new `auditedCount`; the caller stores it (with `auditPending: false`) in the case.
 */
export async function appendCaseAudit(deps: CaseAuditDependencies, record: CaseRecord): Promise<number> {
  const from = record.auditedCount ?? 0;
  if (from >= record.history.length) return record.history.length;
  const actors = caseActors(deps, record);
  for (let index = from; index < record.history.length; index += 1) {
    await deps.repos.audit.append(sealedAuditEntry(deps, auditEntryFromHistory(deps, record, index, actors)));
  }
  return record.history.length;
}

function auditEntryFromHistory(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord, index: number, actors: Record<string, CaseActor>): AuditEntry {
  const event = record.history[index];
  const id = auditEntryId(record.id, index);
  const staff = isStaff(event) ? actors[event.actor] : undefined;
  return {
    id,
    caseId: record.id,
    reference: record.reference,
    ...(record.unitId ? { unitId: record.unitId } : {}),
    at: event.at,
    action: event.type,
    actorRole: actorRole(event, staff),
    ...(isStaff(event) ? { actorKey: event.actor } : {}),
    ...(staff ? { sealedActor: deps.cipher.seal('identity', { userId: staff.userId, name: staff.name }, id) } : {}),
    // History details are codes, roles, units and counts (never report content): copied as they are.
    ...(event.detail ? { detail: { ...event.detail } } : {}),
    sortKey: `${event.at}#${String(index).padStart(6, '0')}`,
  };
}

function isStaff(event: CaseEvent): boolean {
  return event.actor !== 'reporter' && event.actor !== 'system';
}

function actorRole(event: CaseEvent, staff: CaseActor | undefined): AuditActorRole {
  if (event.actor === 'reporter' || event.actor === 'system') return event.actor;
  return staff?.role ?? 'handler';
}
