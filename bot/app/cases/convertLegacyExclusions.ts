import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from './casePorts';

/**
 * Turns the sealed exclusion list of a case stored before exclusion marks into marks, in place.
 * For an anonymous case the reporter is left out: routing put them first in that list
 * (`routeReport` starts the set with the reporter), and an anonymous case keeps no trace of them.
 */
export function convertLegacyExclusions(deps: Pick<IntakeDependencies, 'cipher' | 'exclusions'>, record: CaseRecord): void {
  if (!record.sealedExclusions) return;
  const { excluded } = deps.cipher.open<{ excluded: string[] }>('content', record.sealedExclusions, `${record.id}:exclusions`);
  const kept = record.identity === 'anonymous' ? excluded.slice(1) : excluded;
  const marks = deps.exclusions.mark(record.id, kept);
  if (record.exclusionMarks && record.exclusionMarks.kid === marks.kid) marks.marks = [...new Set([...record.exclusionMarks.marks, ...marks.marks])].sort();
  record.exclusionMarks = marks;
  delete record.sealedExclusions;
}
