import type { RoutingDecision } from '../../domain/routeReport';
import { rememberCaseActor } from './caseActors';
import { handlerLocale, userRecipient } from './caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { HandlerNews } from '../outbox/notificationIntent';
import type { CaseRecord } from './casePorts';

/**
 * Puts a case in a handler's hands: records the assignment and its reason in the history and
 * queues the handler's task card (which, when it cannot be delivered at all, sends the case to
 * the fallback route).
 */
export async function assignCase(
  deps: Pick<IntakeDependencies, 'cipher' | 'pseudonyms' | 'directory'>,
  record: CaseRecord,
  decision: Pick<RoutingDecision, 'role' | 'handlerId' | 'unitId'>,
  now: Date,
  event: { type: 'assigned' | 'reassigned'; actor: string; detail?: Record<string, string> },
  news: HandlerNews = 'assigned',
): Promise<void> {
  const handler = await deps.directory.getPerson(decision.handlerId);
  record.assignment = {
    role: decision.role,
    unitId: decision.unitId,
    sealedHandler: deps.cipher.seal('identity', { userId: decision.handlerId, name: handler?.name ?? '' }, `${record.id}:handler`),
    since: now.toISOString(),
  };
  record.handlerKey = deps.pseudonyms.pseudonym('user', decision.handlerId);
  rememberCaseActor(deps, record, { userId: decision.handlerId, name: handler?.name ?? '', role: 'handler' });
  record.history.push({ at: now.toISOString(), actor: event.actor, type: event.type, detail: { role: decision.role, unit: decision.unitId, ...event.detail } });
  enqueueNotification(
    deps,
    record,
    userRecipient(deps, decision.handlerId),
    { type: 'handlerTask', caseId: record.id, news, locale: await handlerLocale(deps, decision.handlerId) },
    now,
    { onUndeliverable: { caseId: record.id, reason: 'handler_unreachable' } },
  );
}
