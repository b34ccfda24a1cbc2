import { normalizeCaseReference } from '../../domain/caseReference';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { mentionsPerson } from '../../domain/mentionsPerson';
import { followUpSecretMatches } from '../reporter/followUpSecret';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseRecord, SealedCaseContent } from './casePorts';
import type { Versioned } from '../common/storePorts';

/** How a reporter proves the case is theirs: their Teams identity (named, confidential) or reference + secret (anonymous). */
export type ReporterCredentials = { kind: 'user'; userId: string; caseId: string } | { kind: 'secret'; reference: string; secret: string };

/**
 * Whether the person is excluded from the case: by its exclusion marks (keyed hashes), by those of
 * the case a retaliation case follows from, or by the sealed list of cases stored before marks existed.
 */
export function isExcludedFromCase(deps: Pick<IntakeDependencies, 'cipher' | 'exclusions'>, record: CaseRecord, personId: string): boolean {
  if (record.exclusionMarks && deps.exclusions.isMarked(record.id, personId, record.exclusionMarks)) return true;
  // A retaliation case is also closed to everyone excluded from the case it follows from (and from that one's, in a chain).
  for (let link = record.retaliationOf; link; link = link.earlier) {
    if (link.exclusionMarks && deps.exclusions.isMarked(link.caseId, personId, link.exclusionMarks)) return true;
  }
  return record.sealedExclusions ? deps.cipher.open<{ excluded: string[] }>('content', record.sealedExclusions, `${record.id}:exclusions`).excluded.includes(personId) : false;
}

/**
 * Whether a person may handle the case: not excluded at routing, and not named in the "who was
 * involved" answer (checked again for each new candidate, as routing only checked the people it
 * considered).
 */
export async function mayHandleCase(deps: Pick<IntakeDependencies, 'cipher' | 'directory' | 'exclusions'>, record: CaseRecord, personId: string): Promise<boolean> {
  if (isExcludedFromCase(deps, record, personId)) return false;
  const person = await deps.directory.getPerson(personId);
  const { involved } = deps.cipher.open<SealedCaseContent>('content', record.sealedContent, record.id);
  return !(person && mentionsPerson(involved, person.name));
}

/**
 * Refuses anyone but the assigned handler; and the assigned handler too, should they be among
 * the excluded (a directory change may have made them so).
 */
export function assertAssignedHandler(deps: Pick<IntakeDependencies, 'cipher' | 'pseudonyms' | 'exclusions'>, record: CaseRecord, userId: string): void {
  if (!record.handlerKey || record.handlerKey !== deps.pseudonyms.pseudonym('user', userId)) throw new ForbiddenError('not the assigned handler');
  if (isExcludedFromCase(deps, record, userId)) throw new ForbiddenError('excluded from this case');
}

/** Finds the reporter's case and checks that it is theirs; one refusal for every mismatch. */
export async function findReporterCase(deps: Pick<IntakeDependencies, 'repos' | 'pseudonyms'>, credentials: ReporterCredentials): Promise<Versioned<CaseRecord>> {
  if (credentials.kind === 'user') {
    const stored = await deps.repos.cases.get(credentials.caseId);
    if (!stored || !stored.value.reporterKey || stored.value.reporterKey !== deps.pseudonyms.pseudonym('user', credentials.userId)) {
      throw new NotFoundError('no such case for this reporter');
    }
    return stored;
  }
  const reference = normalizeCaseReference(credentials.reference);
  const stored = reference ? await deps.repos.cases.findByReference(reference) : undefined;
  if (!stored || stored.value.identity !== 'anonymous' || !followUpSecretMatches(deps.pseudonyms, stored.value.id, credentials.secret)) {
    throw new NotFoundError('reference or secret does not match');
  }
  return stored;
}
