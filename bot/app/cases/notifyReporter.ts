import { reporterRecipient } from './caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { ReporterEvent } from '../../domain/reporterEvent';
import type { CaseRecord } from './casePorts';

/**
 * Queues a content-free notice to the reporter. Anonymous reporters get neither reference nor
 * case id, and their notice waits a random while, so that neither its text nor its time links
 * their chat to the case.
 */
export function notifyReporter(
  deps: Pick<IntakeDependencies, 'cipher' | 'pseudonyms' | 'random' | 'settings'>,
  record: CaseRecord,
  event: ReporterEvent,
  now: Date,
  role?: string,
): void {
  const recipient = reporterRecipient(deps, record);
  if (!recipient) return;
  if (recipient.kind === 'relay') {
    const delayMs = Math.floor(deps.random() * deps.settings.anonymousNoticeDelayMinutes * 60_000);
    enqueueNotification(deps, record, recipient, { type: 'reporterNotice', event, locale: record.locale, role }, now, { notBefore: new Date(now.getTime() + delayMs) });
    return;
  }
  enqueueNotification(deps, record, recipient, { type: 'reporterNotice', event, locale: record.locale, caseId: record.id, reference: record.reference, role }, now);
  if (event === 'closed') enqueueNotification(deps, record, recipient, { type: 'feedback', caseId: record.id, reference: record.reference, locale: record.locale }, now);
}
