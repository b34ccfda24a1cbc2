import type { Locale } from '../bot/domain/locale';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import template from './reporterNotice.card.json';
import type { ReporterEvent } from '../bot/domain/reporterEvent';
import type { HandlerRole } from '../bot/domain/chooseRoute';

/**
 * A notice in the reporter's chat about their case. NO content and no handler text: the event,
 * the reference (named/confidential only), and a button that opens the messages in a dialog.
 * For anonymous reporters: no reference and no case id at all (their chat history could be
 * exported): the button opens the anonymous status dialog (reference + secret).
 */
export interface ReporterNoticeView {
  locale: Locale;
  /** A case event, or the handler asking (in a confidential report) whether they may know who reported. */
  event: ReporterEvent | 'identityRequested';
  anonymous: boolean;
  /** Named/confidential only. */
  reference?: string;
  /** Named/confidential only: for the dialog button `vm: { dialog: 'caseMessages', caseId }`. */
  caseId?: string;
  /** Reassigned: the new role (never a person's name). */
  role?: HandlerRole;
}

interface ReporterNoticeData {
  lang: Locale;
  anonymous: boolean;
  showReference: boolean;
  showOpen: boolean;
  /** Empty for anonymous reporters: their chat must not link them to a case. */
  reference: string;
  caseId: string;
  text: Record<'title' | 'body' | 'reference' | 'anonymous' | 'private' | 'open' | 'openAnonymous', string>;
}

function title(view: ReporterNoticeView): string {
  const l = view.locale;
  if (view.event !== 'reassigned') return t(l, `reporter.notice.${view.event}.title`);
  return view.role ? t(l, 'reporter.notice.reassigned.title', { role: t(l, `roles.${view.role}`) }) : t(l, 'reporter.notice.reassigned.titleNoRole');
}

/**
 * A notice in the reporter's chat that something happened to their case (received, news, a
 * question, passed on — to a role, never a person —, closed, withdrawn, late, or the decision on
 * a klacht postponed). It carries no content and no handler text: those (for a postponement: the
 * new date and the reason) are read in a dialog, through the button.
 *
 * For an anonymous reporter the card holds neither the reference nor the case id, even when the
 * view has them: Teams keeps chat messages, so nothing in that chat may tie the person to the case.
 * Their button opens the status dialog, where they type reference and secret code.
 */
export function renderReporterNotice(view: ReporterNoticeView): AdaptiveCard {
  const l = view.locale;
  const anonymous = view.anonymous;
  const reference = anonymous ? '' : (view.reference ?? '');
  const caseId = anonymous ? '' : (view.caseId ?? '');
  const data: ReporterNoticeData = {
    lang: l,
    anonymous,
    showReference: reference !== '',
    showOpen: caseId !== '',
    reference,
    caseId,
    text: {
      title: title(view),
      body: t(l, `reporter.notice.${view.event}.text`),
      reference: t(l, 'reporter.notice.reference'),
      anonymous: t(l, 'reporter.notice.anonymous'),
      private: t(l, 'reporter.notice.private'),
      open: t(l, 'reporter.notice.open'),
      openAnonymous: t(l, 'reporter.notice.openAnonymous'),
    },
  };
  return renderCard(template, data);
}
