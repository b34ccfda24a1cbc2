import type { Locale } from '../bot/domain/locale';
import type { IdentityMode } from '../bot/domain/report';
import { t } from './i18n';

/** The reporter as the handler may know them: what the case dialog and the tab's case panel show. */
export interface CaseReporterView {
  locale: Locale;
  identity: IdentityMode;
  /** Confidential reports: whether the handler may ask who reported, waits for the answer, or was told. */
  identityRequest?: 'available' | 'pending' | 'disclosed';
  /** Named reports; confidential ones only when the reporter agreed that this handler may know. */
  reporterName?: string;
}

/** The line on asking who reported, per state of the request. */
export const IDENTITY_NOTES = {
  available: 'handler.details.identityAvailable',
  pending: 'handler.details.identityPending',
  disclosed: 'handler.details.identityDisclosed',
} as const;

/**
 * What is shown as the reporter: a name for a named report, and for a confidential one only when
 * the reporter agreed; otherwise what the handler may know (confidential, anonymous). Its own file
 * so that the tab can use it without the card renderer.
 */
export function reporterValue(view: CaseReporterView): { value: string; answered: boolean } {
  const l = view.locale;
  if (view.identity === 'anonymous') return { value: t(l, 'handler.details.reporterAnonymous'), answered: false };
  if (view.identity === 'confidential' && view.identityRequest === 'disclosed' && view.reporterName) return { value: view.reporterName, answered: true };
  if (view.identity === 'confidential' || !view.reporterName) return { value: t(l, 'handler.details.reporterConfidential'), answered: false };
  return { value: view.reporterName, answered: true };
}
