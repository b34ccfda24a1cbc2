import type { Locale } from '../bot/domain/locale';
import { displayDate } from './displayDate';
import template from './extensionConsent.card.json';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';

// Deadlines: klacht extension, coordinator digest.
//
// - The handler's extension form is `HandlerActionView` with `action: 'extend'`: inputs `days`
//   (Input.Number, 1–28, or more when the complainant consented) and `message` (the reason, which
//   goes into the written notice to the complainant); submit `vm: { dialog: 'caseExtend', nav: 'submit', caseId }`.
// - Reporter notices gain the event 'extended' (the decision on the klacht was postponed: the
//   notice says so and that the new date and the reason are in the dialog).
// - Consent card verb (`Action.Execute`): `consentExtension`, `data: { caseId, consent: 'yes' | 'no' }`.

/** In the complainant's chat: the handler asks to postpone the decision a second time, which needs their consent (Awb 9:11(3)). No content; the reason is in the dialog. */
export interface ExtensionConsentView {
  locale: Locale;
  caseId: string;
  reference: string;
  /** Formatted new decision date proposed. */
  proposedDue: string;
  /** After answering: 'yes' or 'no' replaces the buttons with a confirmation. */
  answered?: 'yes' | 'no';
}

interface ExtensionConsentData {
  lang: Locale;
  caseId: string;
  reference: string;
  answered: boolean;
  answeredYes: boolean;
  answeredNo: boolean;
  text: Record<'title' | 'reference' | 'request' | 'consent' | 'reason' | 'private' | 'read' | 'yes' | 'no' | 'answeredYes' | 'answeredNo', string>;
}

/**
 * In the complainant's chat: the handler wants to postpone the decision on their klacht a second
 * time, which needs the complainant's consent (Awb 9:11(3)). The card holds no content: the
 * reference, the proposed new date, that the complainant may refuse without consequences (the date
 * they already had then stays), and that the reason is read in a dialog ("Read the reason",
 * `caseMessages`). Two equal buttons answer it: `Action.Execute` verb `consentExtension` with
 * `data: { caseId, consent: 'yes' | 'no' }` — neither is styled, so the card does not steer the
 * answer. Once `answered`, the buttons are gone and one line confirms the answer. Without a
 * proposed date (an empty `proposedDue`), the texts leave the date out rather than show a gap.
 */
export function renderExtensionConsent(view: ExtensionConsentView): AdaptiveCard {
  const l = view.locale;
  const due = displayDate(view.proposedDue.trim(), l);
  const hasDue = due !== '';
  const data: ExtensionConsentData = {
    lang: l,
    caseId: view.caseId,
    reference: view.reference,
    answered: view.answered !== undefined,
    answeredYes: view.answered === 'yes',
    answeredNo: view.answered === 'no',
    text: {
      title: t(l, 'extensionConsent.title'),
      reference: t(l, 'extensionConsent.reference'),
      request: hasDue ? t(l, 'extensionConsent.request', { due }) : t(l, 'extensionConsent.requestNoDate'),
      consent: t(l, 'extensionConsent.consent'),
      reason: t(l, 'extensionConsent.reason'),
      private: t(l, 'extensionConsent.private'),
      read: t(l, 'extensionConsent.read'),
      yes: t(l, 'extensionConsent.yes'),
      no: t(l, 'extensionConsent.no'),
      answeredYes: hasDue ? t(l, 'extensionConsent.answeredYes', { due }) : t(l, 'extensionConsent.answeredYesNoDate'),
      answeredNo: t(l, 'extensionConsent.answeredNo'),
    },
  };
  return renderCard(template, data);
}
