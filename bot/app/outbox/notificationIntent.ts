import type { Locale } from '../../domain/locale';
import type { ReporterEvent } from '../../domain/reporterEvent';

/** News for a handler, shown on their task card. */
export type HandlerNews = 'assigned' | 'answered' | 'information' | 'withdrawn' | 'reminder' | 'extensionConsented' | 'extensionRefused' | 'identityAccepted' | 'identityRefused';


/**
 * What a proactive message is about: stored (sealed) in the outbox and turned into a card by the
 * Teams layer at delivery, from the case as it is then. Intents for anonymous reporters carry
 * neither case id nor reference, so nothing in their chat links them to the case.
 */
export type NotificationIntent =
  | { type: 'handlerTask'; caseId: string; news: HandlerNews; locale: Locale }
  | { type: 'reporterNotice'; event: ReporterEvent; locale: Locale; caseId?: string; reference?: string; role?: string }
  | { type: 'feedback'; caseId: string; reference: string; locale: Locale }
  /** To a reporter after closing: "how are you doing since your report?" (aftercare). Anonymous: no case id, no reference. */
  | { type: 'checkIn'; locale: Locale; caseId?: string; reference?: string }
  /** To an escalation contact (the handler's manager, or a coordinator): references and dates only, no access to content. */
  | { type: 'escalation'; caseId: string; clock: string; level: number; locale: Locale }
  /** To a complainant: consent asked for a second postponement of the decision (Awb 9:11(3)). */
  | { type: 'extensionConsent'; caseId: string; reference: string; locale: Locale }
  /** To a confidential reporter: the handler asks whether they may know who reported. No reason: that is read in the dialog. */
  | { type: 'identityConsent'; caseId: string; reference: string; locale: Locale }
  /** To a coordinator: the weekly counts per unit (no content). */
  | {
      type: 'digest';
      week: string;
      units: { unitId: string; open: number; dueThisWeek: number; overdue: number }[];
      locale: Locale;
      /** Team-meeting agenda coverage this month for the same coordinator's units (counts only). */
      agenda?: { unitId: string; teams: number; postedPct: number; discussedPct: number; skippedPct: number; openActions: number; lateActions: number }[];
    }
  /** To a coordinator: cases of someone who left the directory were handed to the fallback. */
  | { type: 'handlerLeft'; count: number; locale: Locale }
  /** To a coordinator: a handler proposed a lesson for the team agenda; it waits for their review (no content, no case). */
  | { type: 'lessonToReview'; locale: Locale }
  /** To a team channel: the topic card of a posting, rendered from the team as it is at delivery. */
  | { type: 'teamTopic'; teamKey: string; postingId: string; locale: Locale }
  /** To the owner of an agreed action: its task card. */
  | { type: 'actionTask'; actionId: string; news: 'assigned' | 'reminder'; locale: Locale }
  /** To a team's owners (or the unit's coordinators): an agreed action is late. */
  | { type: 'actionLate'; actionId: string; locale: Locale };
