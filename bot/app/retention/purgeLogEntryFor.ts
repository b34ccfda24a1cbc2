import { createHash } from 'node:crypto';
import type { CaseRecord } from '../cases/casePorts';
import type { PurgeLogEntry } from './purgeLogPorts';

/**
 * The register entry for deleting `record` by retention. Built from the case alone (plus the
 * time), so a retry after a crash builds the same id and the register keeps one entry per case.
 * Only the kind, the closing month and the outcome are copied: nothing that names the case
 * (reference), its content or the people in it.
 */
export function purgeLogEntryFor(record: CaseRecord, purgedAt: Date): PurgeLogEntry {
  const caseIdHash = createHash('sha256').update(record.id, 'utf8').digest('hex');
  return {
    id: `purge:${caseIdHash}`,
    purgedAt: purgedAt.toISOString(),
    caseIdHash,
    kind: record.kind,
    closedAt: (record.closedAt ?? '').slice(0, 7),
    // Absent rather than undefined: the stores drop undefined fields, and the entry should read back as written.
    ...(record.outcome ? { outcome: record.outcome } : {}),
    reason: 'retention',
  };
}
