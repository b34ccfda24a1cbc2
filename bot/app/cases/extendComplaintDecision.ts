import { DateTime } from 'luxon';
import type { CaseClock } from '../../domain/deadlines/caseClocks';
import { extendDecision } from '../../domain/deadlines/extendDecision';
import { ExtensionRefusedError } from '../../domain/deadlines/extensionRefusedError';
import { ZONE } from '../../domain/workingCalendar';
import { assertAssignedHandler, findReporterCase } from './caseAccess';
import { refreshNextDueAt } from '../deadlines/caseClockUpdates';
import { appendCaseMessage } from './caseMessages';
import { reporterRecipient } from './caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import type { CaseDependencies } from '../intake/intakeDependencies';
import { notifyReporter } from './notifyReporter';
import type { CaseRecord } from './casePorts';
import { notifyHandler } from '../reporter/replyAsReporter';
import { updateCase } from './updateCase';

export type ExtensionOutcome = { status: 'extended'; newDueAt: string } | { status: 'consent_requested'; proposedDueAt: string };

/** The postponement form, parsed at the adapter: whole days from 1, and the reason the complainant reads. */
export interface ExtendDecisionCommand {
  caseId: string;
  days: number;
  reason: string;
}

/** The notice the complainant reads in their dialog (Awb 9:11(2): told in writing, with the reason). */
function noticeText(record: CaseRecord, newDueAt: string, reason: string): string {
  const date = DateTime.fromISO(newDueAt, { zone: ZONE }).setLocale(record.locale === 'en' ? 'en-GB' : 'nl-NL').toLocaleString(DateTime.DATE_FULL);
  return record.locale === 'en'
    ? `The decision on your complaint is postponed until ${date}. Reason: ${reason}`
    : `De beslissing op je klacht wordt uitgesteld tot ${date}. Reden: ${reason}`;
}

/** Reasons live sealed in the messages, never in the stored clocks. */
function withoutReasons(clocks: CaseClock[]): CaseClock[] {
  return clocks.map((clock) => (clock.extensions ? { ...clock, extensions: clock.extensions.map((extension) => ({ ...extension, reason: '' })) } : clock));
}

/**
 * The handler postpones the decision on a klacht (Awb 9:11): once by at most 4 weeks with a
 * reason, which the complainant receives in writing (a notice in their dialog). A second
 * postponement is not refused outright: the complainant is asked in their chat, and it takes
 * effect only when they consent.
 */
export async function extendComplaintDecision(deps: CaseDependencies, command: ExtendDecisionCommand, handlerUserId: string): Promise<ExtensionOutcome> {
  const { days, reason } = command;
  const { result } = await updateCase(deps, command.caseId, (record, now) => {
    assertAssignedHandler(deps, record, handlerUserId);
    const clocks = (record.clocks ?? []) as CaseClock[];
    try {
      const { clocks: extended, notice } = extendDecision(clocks, { days, reason, at: now }, deps.settings.deadlinePolicy);
      record.clocks = withoutReasons(extended);
      refreshNextDueAt(deps, record);
      appendCaseMessage(deps, record, { from: 'handler', kind: 'extension', at: now.toISOString(), text: noticeText(record, notice.newDueAt, reason) });
      record.history.push({ at: now.toISOString(), actor: record.handlerKey!, type: 'decision_extended', detail: { days: String(days) } });
      notifyReporter(deps, record, 'extended', now);
      return { record, result: { status: 'extended', newDueAt: notice.newDueAt } as ExtensionOutcome };
    } catch (error) {
      if (!(error instanceof ExtensionRefusedError) || error.refusal !== 'consent_required') throw error;
      const { notice } = extendDecision(clocks, { days, reason, at: now, consented: true }, deps.settings.deadlinePolicy);
      record.pendingExtension = { days, requestedAt: now.toISOString(), proposedDueAt: notice.newDueAt };
      appendCaseMessage(deps, record, { from: 'handler', kind: 'extension', at: now.toISOString(), text: noticeText(record, notice.newDueAt, reason) });
      record.history.push({ at: now.toISOString(), actor: record.handlerKey!, type: 'extension_consent_asked', detail: { days: String(days) } });
      const recipient = reporterRecipient(deps, record);
      if (recipient) enqueueNotification(deps, record, recipient, { type: 'extensionConsent', caseId: record.id, reference: record.reference, locale: record.locale }, now);
      return { record, result: { status: 'consent_requested', proposedDueAt: notice.newDueAt } as ExtensionOutcome };
    }
  });
  deps.logger.info('case.extension', { status: result.status, days });
  return result;
}

/** What the complainant's consent card shows after their answer. */
export interface ConsentAnswered {
  answer: 'yes' | 'no';
  reference: string;
  /** The decision date that was proposed (absent when nothing was pending). */
  proposedDueAt?: string;
}

/** The complainant answers the request for a second postponement in their chat. Only they can; once. */
export async function answerExtensionConsent(deps: CaseDependencies, command: { caseId: string; consent: 'yes' | 'no' }, reporterUserId: string): Promise<ConsentAnswered> {
  const { caseId, consent } = command;
  const found = await findReporterCase(deps, { kind: 'user', userId: reporterUserId, caseId });
  const proposedDueAt = found.value.pendingExtension?.proposedDueAt;
  await updateCase(deps, found.value.id, async (record, now) => {
    const pending = record.pendingExtension;
    if (!pending) throw new ExtensionRefusedError('consent_required');
    delete record.pendingExtension;
    if (consent === 'yes') {
      const { clocks } = extendDecision((record.clocks ?? []) as CaseClock[], { days: pending.days, reason: 'consented', at: now, consented: true }, deps.settings.deadlinePolicy);
      record.clocks = withoutReasons(clocks);
      refreshNextDueAt(deps, record);
    }
    record.history.push({ at: now.toISOString(), actor: 'reporter', type: consent === 'yes' ? 'extension_consented' : 'extension_refused' });
    await notifyHandler(deps, record, consent === 'yes' ? 'extensionConsented' : 'extensionRefused', now);
    return { record, result: undefined };
  });
  deps.logger.info('case.extension_consent', { consent });
  return { answer: consent, reference: found.value.reference, proposedDueAt };
}
