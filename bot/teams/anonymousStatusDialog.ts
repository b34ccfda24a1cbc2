import { renderAnonymousStatus } from '../../cards/anonymousStatus';
import { formatDate, t } from '../../cards/i18n';
import { checkAnonymousStatus } from '../app/checkAnonymousStatus';
import type { Locale } from '../domain/locale';
import type { BotServices } from './botServices';
import { dialogCard } from './invokeResponses';

const MAX_TYPED = 100;

/** `task/fetch`: the form for reference + secret. */
export function fetchAnonymousStatusDialog(locale: Locale): object {
  return dialogCard(t(locale, 'dialog.anonymousStatusTitle'), renderAnonymousStatus({ locale }), 'medium');
}

/** `task/submit`: the state of the case when reference and secret match; one message for every mismatch. */
export async function submitAnonymousStatusDialog(services: BotServices, locale: Locale, inputs: Record<string, unknown>): Promise<object> {
  const reference = typeof inputs.reference === 'string' ? inputs.reference.slice(0, MAX_TYPED) : '';
  const secret = typeof inputs.secret === 'string' ? inputs.secret.slice(0, MAX_TYPED) : '';
  const title = t(locale, 'dialog.anonymousStatusTitle');
  if (!reference.trim() || !secret.trim()) {
    return dialogCard(title, renderAnonymousStatus({ locale, reference, error: 'required' }), 'medium');
  }
  const summary = await checkAnonymousStatus(services, reference, secret);
  if (!summary) return dialogCard(title, renderAnonymousStatus({ locale, reference, error: 'referenceOrSecretWrong' }), 'medium');
  return dialogCard(
    title,
    renderAnonymousStatus({
      locale,
      result: { reference: summary.reference, kind: summary.kind, state: summary.state, receivedOn: formatDate(new Date(summary.receivedAt), locale) },
    }),
    'medium',
  );
}
