import type { Locale } from '../bot/domain/locale';
import template from './checkIn.card.json';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';

/** The aftercare check-in in the reporter's chat (content-free): a question, a button to answer in a dialog, and one to stop. */
export interface CheckInView {
  locale: Locale;
  /** Anonymous reporters: no case id, no reference; they answer with reference + secret in the dialog (and stop there). */
  anonymous: boolean;
  caseId?: string;
  reference?: string;
  /** The reporter stopped the check-ins: the card says so and has no buttons. */
  stopped?: boolean;
}

interface CheckInData {
  lang: Locale;
  anonymous: boolean;
  stopped: boolean;
  showReference: boolean;
  caseId: string;
  reference: string;
  text: Record<'title' | 'text' | 'reference' | 'anonymous' | 'private' | 'answer' | 'stop' | 'stoppedTitle' | 'stoppedText', string>;
}

/**
 * "How are you doing since your report?" in the reporter's chat. Nothing about the case but its
 * reference (named and confidential reporters); for an anonymous reporter not even that, as for
 * every message in their chat. The answer is given in the check-in dialog.
 */
export function renderCheckIn(view: CheckInView): AdaptiveCard {
  const l = view.locale;
  const reference = view.anonymous ? '' : (view.reference ?? '');
  const data: CheckInData = {
    lang: l,
    anonymous: view.anonymous,
    stopped: view.stopped === true,
    showReference: reference !== '',
    caseId: view.anonymous ? '' : (view.caseId ?? ''),
    reference,
    text: {
      title: t(l, 'aftercare.checkIn.title'),
      text: t(l, 'aftercare.checkIn.text'),
      reference: t(l, 'aftercare.checkIn.reference'),
      anonymous: t(l, 'aftercare.checkIn.anonymous'),
      private: t(l, 'aftercare.checkIn.private'),
      answer: t(l, 'aftercare.checkIn.answer'),
      stop: t(l, 'aftercare.checkIn.stop'),
      stoppedTitle: t(l, 'aftercare.checkIn.stoppedTitle'),
      stoppedText: t(l, 'aftercare.checkIn.stoppedText'),
    },
  };
  return renderCard(template, data);
}
