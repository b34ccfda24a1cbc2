import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseActor, CaseRecord } from './casePorts';

/** The staff who acted on a case, by pseudonym (opened from `sealedActors`; empty when none were kept). */
export function caseActors(deps: Pick<IntakeDependencies, 'cipher'>, record: CaseRecord): Record<string, CaseActor> {
  return record.sealedActors ? deps.cipher.open<Record<string, CaseActor>>('identity', record.sealedActors, `${record.id}:actors`) : {};
}

/**
 * Keeps who a staff actor is (sealed, in the case), so the audit record can name them later. A
 * person once kept as handler stays 'handler' (a handler who hands over their own cases is not a
 * coordinator of them).
 */
export function rememberCaseActor(
  deps: Pick<IntakeDependencies, 'cipher' | 'pseudonyms'>,
  record: CaseRecord,
  actor: { userId: string; name: string; role: CaseActor['role'] },
): void {
  const actors = caseActors(deps, record);
  const key = deps.pseudonyms.pseudonym('user', actor.userId);
  const role = actors[key]?.role === 'handler' ? 'handler' : actor.role;
  actors[key] = { userId: actor.userId, name: actor.name, role };
  record.sealedActors = deps.cipher.seal('identity', actors, `${record.id}:actors`);
}
