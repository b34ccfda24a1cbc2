import { ConflictError } from '../../domain/errors';
import { flushCaseOutbox } from '../outbox/flushCaseOutbox';
import type { IntakeDependencies, Reporter } from './intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import type { Versioned } from '../common/storePorts';
import { randomId } from '../common/randomId';

/** What storing a new case gave: the case as stored, or the case an earlier try of the same submission stored. */
export type StoredNewCase = { duplicate: false; record: CaseRecord } | { duplicate: true; record: CaseRecord };

/**
 * Ties a routed, new case to its reporter and stores it: an anonymous reporter gets a relay
 * address of their own (the case keeps only its id), anyone else a pseudonym and their sealed
 * identity. When the same submission won a race on another instance, the relay address is
 * removed again and that case is returned. The case's queued messages are then moved to the
 * outbox; if that fails the case is stored with them inside and the outbox timer moves them later.
 */
export async function storeNewCase(
  deps: Pick<IntakeDependencies, 'repos' | 'cipher' | 'pseudonyms' | 'randomBytes' | 'logger'>,
  record: CaseRecord,
  reporter: Reporter,
  now: Date,
): Promise<StoredNewCase> {
  if (record.identity === 'anonymous') {
    const relayId = randomId(deps);
    await deps.repos.relayAddresses.put({ id: relayId, sealed: deps.cipher.seal('relay', reporter.conversation, relayId), updatedAt: now.toISOString().slice(0, 10) });
    record.relayId = relayId;
  } else {
    record.reporterKey = deps.pseudonyms.pseudonym('user', reporter.userId);
    record.sealedReporter = deps.cipher.seal('identity', { userId: reporter.userId, name: reporter.name }, record.id);
  }

  let created: Versioned<CaseRecord>;
  try {
    created = await deps.repos.cases.create(record);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    if (record.relayId) await deps.repos.relayAddresses.delete(record.relayId);
    const winner = await deps.repos.cases.get(record.id);
    if (!winner) throw error;
    return { duplicate: true, record: winner.value };
  }
  try {
    await flushCaseOutbox(deps, created);
  } catch (error) {
    deps.logger.warn('outbox.flush_deferred', { errorName: error instanceof Error ? error.name : 'unknown' });
  }
  return { duplicate: false, record };
}
