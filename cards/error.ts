import type { Locale } from '../bot/domain/locale';
import template from './error.card.json';
import { messageKeyIn, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';

/** Friendly error, with a correlation id the user can quote to the service desk. */
export interface ErrorView {
  locale: Locale;
  messageKey: string;
  correlationId: string;
}

interface ErrorData {
  lang: Locale;
  title: string;
  message: string;
  correlation: string;
}

/**
 * A friendly error: what went wrong in plain words (`messageKey` under `errors.`, e.g. `concurrency`;
 * an unknown key shows the general message) and the correlation id to quote to the service desk.
 * Never an exception's own text. It has no buttons because it is shown in dialogs as well as in the
 * chat, and a chat verb (`Action.Execute`) does not work in a dialog.
 */
export function renderError(view: ErrorView): AdaptiveCard {
  const l = view.locale;
  const data: ErrorData = {
    lang: l,
    title: t(l, 'errors.title'),
    message: t(l, messageKeyIn('errors', view.messageKey, 'errors.generic')),
    correlation: t(l, 'errors.correlation', { id: view.correlationId }),
  };
  return renderCard(template, data);
}
