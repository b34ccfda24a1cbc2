import { normalizeCaseReference } from '../../domain/caseReference';
import { ForbiddenError } from '../../domain/errors';
import { mayHandleCase } from '../cases/caseAccess';
import { flushCaseOutbox } from '../outbox/flushCaseOutbox';
import { isCoordinatorOf } from '../handover/handOverCases';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { AuditActorRole, AuditEntry } from './auditPorts';
import type { Page, PageRequest } from '../common/storePorts';
import { randomId } from '../common/randomId';
import { checkAuditIntegrity, sealedAuditEntry, type AuditIntegrity } from './auditEntrySeal';

/** The most entries one export shows (a dialog has a size limit); the card says when there are more. */
export const AUDIT_EXPORT_MAX_ENTRIES = 200;

/** One line of an exported audit record: no content, only who (role, and a staff member's name), what and when. */
export interface AuditExportLine {
  at: string;
  /** The event type (`content_opened`, `acknowledged`, `purged`, `audit_exported`, …). */
  action: string;
  actorRole: AuditActorRole;
  /** Staff only (handler, coordinator), when known. */
  actorName?: string;
}

export interface CaseAuditExport {
  reference: string;
  lines: AuditExportLine[];
  /** More entries exist than were shown. */
  truncated: boolean;
  /** Entries changed, made up or deleted since they were written (see auditEntrySeal). */
  integrity: AuditIntegrity;
}

/**
 * A case's audit record for a coordinator ("wie deed wat, wanneer"): allowed to a coordinator of
 * the case's unit or of a unit above it, who may handle the case (not excluded at routing, not
 * named as involved). Works after the case was purged too: the unit then comes from the audit
 * entries (the exclusions went with the case). The export is itself recorded (`audit_exported`)
 * before it is read, so it appears in what it shows. Refuses a malformed or unknown reference
 * exactly as it refuses someone not allowed, so the answer does not tell whether a case exists.
 */
export async function exportCaseAudit(deps: CaseDependencies, reference: string, userId: string): Promise<CaseAuditExport> {
  const normalized = normalizeCaseReference(reference);
  if (!normalized) throw new ForbiddenError('audit export refused');
  const stored = await deps.repos.cases.findByReference(normalized);
  let caseId: string;
  let unitId: string | undefined;
  if (stored) {
    caseId = stored.value.id;
    unitId = stored.value.unitId;
    if (!(await mayHandleCase(deps, stored.value, userId))) throw new ForbiddenError('audit export refused');
  } else {
    // The case is gone (purged): its audit entries say which case and unit it was; the latest case under this reference counts.
    const latest = (await readAll((page) => deps.repos.audit.listByReference(normalized, page))).entries.at(-1);
    if (!latest) throw new ForbiddenError('audit export refused');
    caseId = latest.caseId;
    unitId = latest.unitId;
  }
  if (!(await isCoordinatorOf(deps, userId, unitId ?? deps.settings.centralUnitId))) throw new ForbiddenError('audit export refused');

  // History written by a request that crashed before its flush: copied now, so the export misses nothing.
  if (stored && (stored.value.auditPending || (stored.value.auditedCount ?? 0) < stored.value.history.length)) await flushCaseOutbox(deps, stored);
  await recordExport(deps, { caseId, reference: normalized, unitId, userId });

  const { entries, truncated } = await readAll((page) => deps.repos.audit.listByCase(caseId, page));
  return {
    reference: normalized,
    truncated,
    integrity: checkAuditIntegrity(deps, entries),
    lines: entries.map((entry) => ({
      at: entry.at,
      action: entry.action,
      actorRole: entry.actorRole,
      ...actorNameOf(deps, entry),
    })),
  };
}

/** A staff actor's name; none when it does not open (an entry moved or altered: the integrity check counts it). */
function actorNameOf(deps: CaseDependencies, entry: AuditEntry): { actorName?: string } {
  if (!entry.sealedActor) return {};
  try {
    return { actorName: deps.cipher.open<{ name: string }>('identity', entry.sealedActor, entry.id).name };
  } catch {
    return {};
  }
}

async function recordExport(deps: CaseDependencies, target: { caseId: string; reference: string; unitId?: string; userId: string }): Promise<void> {
  const id = randomId(deps);
  const at = deps.clock.now().toISOString();
  const name = (await deps.directory.getPerson(target.userId))?.name ?? '';
  await deps.repos.audit.append(sealedAuditEntry(deps, {
    id,
    caseId: target.caseId,
    reference: target.reference,
    ...(target.unitId ? { unitId: target.unitId } : {}),
    at,
    action: 'audit_exported',
    actorRole: 'coordinator',
    actorKey: deps.pseudonyms.pseudonym('user', target.userId),
    sealedActor: deps.cipher.seal('identity', { userId: target.userId, name }, id),
    sortKey: `${at}#x${id}`,
  }));
}

/** Up to {@link AUDIT_EXPORT_MAX_ENTRIES} entries, following continuation tokens. */
async function readAll(list: (page: PageRequest) => Promise<Page<AuditEntry>>): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
  const entries: AuditEntry[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await list({ limit: 100, continuationToken });
    entries.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && entries.length < AUDIT_EXPORT_MAX_ENTRIES);
  return { entries: entries.slice(0, AUDIT_EXPORT_MAX_ENTRIES), truncated: entries.length > AUDIT_EXPORT_MAX_ENTRIES || continuationToken !== undefined };
}
