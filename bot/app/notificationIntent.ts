import type { Locale } from '../domain/locale';

/** News for a handler, shown on their task card. */
export type HandlerNews = 'assigned' | 'answered' | 'information' | 'withdrawn' | 'reminder' | 'extensionConsented' | 'extensionRefused';

/** What happened, as told to a reporter (no content, no names). */
export type ReporterEvent = 'acknowledged' | 'update' | 'question' | 'reassigned' | 'closed' | 'withdrawn' | 'late' | 'extended';

/**
 * What a proactive message is about: stored (sealed) in the outbox and turned into a card by the
 * Teams layer at delivery, from the case as it is then. Intents for anonymous reporters carry
 * neither case id nor reference, so nothing in their chat links them to the case.
 */
export type NotificationIntent =
  | { type: 'handlerTask'; caseId: string; news: HandlerNews; locale: Locale }
  | { type: 'reporterNotice'; event: ReporterEvent; locale: Locale; caseId?: string; reference?: string; role?: string }
  | { type: 'feedback'; caseId: string; reference: string; locale: Locale }
  /** To an escalation contact (the handler's manager, or a coordinator): references and dates only, no access to content. */
  | { type: 'escalation'; caseId: string; clock: string; level: number; locale: Locale }
  /** To a complainant: consent asked for a second postponement of the decision (Awb 9:11(3)). */
  | { type: 'extensionConsent'; caseId: string; reference: string; locale: Locale }
  /** To a coordinator: the weekly counts per unit (no content). */
  | { type: 'digest'; week: string; units: { unitId: string; open: number; dueThisWeek: number; overdue: number }[]; locale: Locale }
  /** To a coordinator: cases of someone who left the directory were handed to the fallback. */
  | { type: 'handlerLeft'; count: number; locale: Locale };
