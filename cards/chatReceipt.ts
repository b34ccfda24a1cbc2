import type { Locale } from '../bot/domain/locale';
import template from './chatReceipt.card.json';
import { t } from './i18n';
import { reporterDeadlineText } from './reporterDeadlineText';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { RequestKind } from '../bot/domain/report';
import type { HandlerRole } from '../bot/domain/chooseRoute';
import type { ReporterDeadlineLine } from './reporterDeadlineText';

/** Receipt in the chat: reference, kind, next deadline. Never any content. */
export interface ChatReceiptView {
  locale: Locale;
  reference: string;
  kind: RequestKind;
  /** Formatted date/time, Europe/Amsterdam. */
  nextStepBy: string;
  /** Where the report went, and the one deadline that applies next (as on the dialog receipt). */
  route: HandlerRole;
  nextDeadline?: ReporterDeadlineLine;
}

interface ChatReceiptData {
  lang: Locale;
  reference: string;
  kindTitle: string;
  nextStepBy: string;
  routeTitle: string;
  hasDeadline: boolean;
  text: Record<'title' | 'thanks' | 'reference' | 'kind' | 'nextStepBy' | 'routeLabel' | 'next' | 'byWhen' | 'private' | 'myCases' | 'makeReport', string>;
}

/**
 * The receipt posted in the 1:1 chat after a submit: reference, kind, where it went (a role) and
 * the one deadline that applies next. Never any report content: chat messages are kept for compliance search.
 */
export function renderChatReceipt(view: ChatReceiptView): AdaptiveCard {
  const l = view.locale;
  const data: ChatReceiptData = {
    lang: l,
    reference: view.reference,
    kindTitle: t(l, `kinds.${view.kind}.title`),
    nextStepBy: view.nextStepBy,
    routeTitle: t(l, `receipt.routeShort.${view.route}`),
    hasDeadline: view.nextDeadline !== undefined,
    text: {
      title: t(l, 'chatReceipt.title'),
      thanks: t(l, 'chatReceipt.text'),
      reference: t(l, 'chatReceipt.reference'),
      kind: t(l, 'chatReceipt.kind'),
      nextStepBy: t(l, 'chatReceipt.nextStepBy'),
      routeLabel: t(l, 'receipt.routeLabel'),
      next: t(l, `receipt.route.${view.route}`),
      byWhen: reporterDeadlineText(l, view.nextDeadline),
      private: t(l, 'chatReceipt.private'),
      myCases: t(l, 'common.myCases'),
      makeReport: t(l, 'common.makeReport'),
    },
  };
  return renderCard(template, data);
}
