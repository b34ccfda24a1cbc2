import { nextCheckInAfter } from '../../domain/aftercare/checkIns';
import { reporterRecipient } from '../cases/caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { updateCase } from '../cases/updateCase';

const BATCH = 100;
const MAX_BATCHES = 20;

/**
 * The check-in timer (runs with the reminders): for each closed case whose next check-in moment
 * has passed, queues one content-free check-in to the reporter — in their chat, or for an
 * anonymous reporter through the relay after a random wait (as every notice to them), so that
 * neither its text nor its time ties their chat to the case. Moments missed while the timer did
 * not run are not made up for: one check-in, then the next moment to come. The next moment is
 * written in the same case write as the message, so each goes out once.
 */
export async function sendDueCheckIns(deps: CaseDependencies): Promise<number> {
  let sent = 0;
  const seen = new Set<string>();
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const due = (await deps.repos.cases.listDueForCheckIn(deps.clock.now().toISOString(), BATCH)).filter((entry) => !seen.has(entry.value.id));
    if (due.length === 0) break;
    for (const entry of due) {
      seen.add(entry.value.id);
      try {
        const { result } = await updateCase(deps, entry.value.id, (record, now) => {
          const aftercare = record.aftercare;
          const dueAt = record.nextCheckInAt;
          if (!aftercare || aftercare.stoppedAt || !dueAt || dueAt > now.toISOString()) {
            if (!aftercare || aftercare.stoppedAt) delete record.nextCheckInAt;
            return { record, result: false };
          }
          // The history entry first: the outbox id counts it, so this check-in's id differs from the closing notice's.
          record.history.push({ at: now.toISOString(), actor: 'system', type: 'check_in_sent' });
          const recipient = reporterRecipient(deps, record);
          if (recipient?.kind === 'relay') {
            const delayMs = Math.floor(deps.random() * deps.settings.anonymousNoticeDelayMinutes * 60_000);
            enqueueNotification(deps, record, recipient, { type: 'checkIn', locale: record.locale }, now, { notBefore: new Date(now.getTime() + delayMs) });
          } else if (recipient) {
            enqueueNotification(deps, record, recipient, { type: 'checkIn', locale: record.locale, caseId: record.id, reference: record.reference }, now);
          }
          aftercare.sent += 1;
          const next = nextCheckInAfter(aftercare.moments, now);
          if (next) record.nextCheckInAt = next;
          else delete record.nextCheckInAt;
          return { record, result: recipient !== undefined };
        });
        if (result) sent += 1;
      } catch (error) {
        deps.logger.warn('check_ins.case_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }
  if (sent > 0) deps.logger.info('check_ins.run', { sent });
  return sent;
}
