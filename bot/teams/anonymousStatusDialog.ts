import { renderAnonymousStatus } from '../../cards/anonymousStatus';
import { t } from '../../cards/i18n';
import { checkAnonymousStatus } from '../app/reporter/checkAnonymousStatus';
import type { Locale } from '../domain/locale';
import type { BotServices } from './botServices';
import { reporterCaseDialog } from './caseDialogs';
import { dialogCard } from './invokeResponses';
import type { TurnIdentity } from './turnIdentity';

const MAX_TYPED = 100;

/** `task/fetch`: the form for reference + secret. */
export function fetchAnonymousStatusDialog(locale: Locale): object {
  return dialogCard(t(locale, 'dialog.anonymousStatusTitle'), renderAnonymousStatus({ locale }), 'medium');
}

/**
 * `task/submit`: when reference and secret match, the case as the reporter sees it (state,
 * messages, answer, withdraw, closing questions); one message for every mismatch.
 */
export async function submitAnonymousStatusDialog(services: BotServices, turn: TurnIdentity, inputs: Record<string, unknown>): Promise<object> {
  const { locale } = turn;
  const reference = typeof inputs.reference === 'string' ? inputs.reference.slice(0, MAX_TYPED) : '';
  const secret = typeof inputs.secret === 'string' ? inputs.secret.slice(0, MAX_TYPED) : '';
  const title = t(locale, 'dialog.anonymousStatusTitle');
  if (!reference.trim() || !secret.trim()) {
    return dialogCard(title, renderAnonymousStatus({ locale, reference, error: 'required' }), 'medium');
  }
  const attemptKey = services.pseudonyms.pseudonym('user', turn.reporter.userId);
  if (await services.secretAttempts.isBlocked(attemptKey)) {
    services.logger.warn('anonymous_status.blocked');
    return dialogCard(title, renderAnonymousStatus({ locale, reference, error: 'tooManyAttempts' }), 'medium');
  }
  const summary = await checkAnonymousStatus(services, reference, secret);
  if (!summary) {
    await services.secretAttempts.recordFailure(attemptKey);
    return dialogCard(title, renderAnonymousStatus({ locale, reference, error: 'referenceOrSecretWrong' }), 'medium');
  }
  return reporterCaseDialog(services, turn, { kind: 'secret', reference, secret }, secret);
}
