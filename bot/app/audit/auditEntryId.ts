import { createHash } from 'node:crypto';

/** The deterministic id of a case's audit entry (`<caseId>:<history index>`, `<caseId>:purged`): a re-run appends nothing twice. */
export function auditEntryId(caseId: string, suffix: string | number): string {
  return createHash('sha256').update(`${caseId}:${suffix}`, 'utf8').digest('base64url');
}
