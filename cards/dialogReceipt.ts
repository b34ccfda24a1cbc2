import type { Locale } from '../bot/domain/locale';
import { dangerHelpText, type DangerHelpText } from './dangerHelpText';
import template from './dialogReceipt.card.json';
import { t } from './i18n';
import { reporterDeadlineText } from './reporterDeadlineText';
import { renderCard, type AdaptiveCard } from './renderCard';
import type { IdentityMode, RequestKind } from '../bot/domain/report';
import type { HandlerRole } from '../bot/domain/chooseRoute';
import type { HelpContact } from '../bot/domain/helpContact';
import type { ReporterDeadlineLine } from './reporterDeadlineText';

/** The dialog's last card after a submit: the receipt. */
export interface DialogReceiptView {
  locale: Locale;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  /** Formatted, Europe/Amsterdam, in the user's language: by when the reporter hears something. */
  nextStepBy: string;
  /** Anonymous reports only: the follow-up secret, shown once. */
  secret?: string;
  /** The reporter said someone is in immediate danger. */
  immediateDanger: boolean;
  /** Categories that get the "report a crime to the Koninklijke Marechaussee" advice. */
  showPoliceAdvice: boolean;
  /** The same submit arrived again: say it was already received. */
  duplicate: boolean;
  /** Where the report went (a role, in the reporter's words; never a person). */
  route: HandlerRole;
  /** The organisation's ways to get help, shown when someone is in danger (see DangerHelpView). */
  help?: readonly HelpContact[];
  /** The one deadline that applies next, formatted; absent when none runs. */
  nextDeadline?: ReporterDeadlineLine;
}

interface DialogReceiptData {
  lang: Locale;
  reference: string;
  kindTitle: string;
  nextStepBy: string;
  secret: string;
  showSecret: boolean;
  showSecretShownBefore: boolean;
  duplicate: boolean;
  showDangerHelp: boolean;
  showPoliceAdvice: boolean;
  showAnonymousCheck: boolean;
  hasDeadline: boolean;
  routeTitle: string;
  danger: DangerHelpText;
  text: Record<
    | 'title'
    | 'duplicate'
    | 'reference'
    | 'kind'
    | 'nextStepBy'
    | 'routeLabel'
    | 'anonymousCheck'
    | 'secretTitle'
    | 'secretWhy'
    | 'secretWriteDown'
    | 'secretOnce'
    | 'secretShownBefore'
    | 'whatNext'
    | 'next'
    | 'byWhen'
    | 'identity'
    | 'policeTitle'
    | 'policeText'
    | 'counsellor'
    | 'close',
    string
  >;
}

/**
 * The receipt at the end of the report dialog: reference, kind, where the report went (a role in
 * the reporter's words, never a person), the one deadline that applies next, and who can know
 * the reporter's identity. For an anonymous report the follow-up secret is shown
 * here, once, with the advice to write it down outside Teams. Help for immediate danger comes
 * first when the reporter said someone is in danger; the Koninklijke Marechaussee advice follows
 * when `showPoliceAdvice`.
 */
export function renderDialogReceipt(view: DialogReceiptView): AdaptiveCard {
  const l = view.locale;
  const anonymous = view.identity === 'anonymous';
  const showSecret = typeof view.secret === 'string' && view.secret.length > 0;
  const data: DialogReceiptData = {
    lang: l,
    reference: view.reference,
    kindTitle: t(l, `kinds.${view.kind}.title`),
    nextStepBy: view.nextStepBy,
    secret: view.secret ?? '',
    showSecret,
    showSecretShownBefore: anonymous && !showSecret,
    duplicate: view.duplicate,
    showDangerHelp: view.immediateDanger,
    showPoliceAdvice: view.showPoliceAdvice,
    showAnonymousCheck: anonymous,
    hasDeadline: view.nextDeadline !== undefined,
    routeTitle: t(l, `receipt.routeShort.${view.route}`),
    danger: dangerHelpText(l, view.help),
    text: {
      title: t(l, 'receipt.title'),
      duplicate: t(l, 'receipt.duplicate'),
      reference: t(l, 'receipt.reference'),
      kind: t(l, 'receipt.kind'),
      nextStepBy: t(l, 'receipt.nextStepBy'),
      routeLabel: t(l, 'receipt.routeLabel'),
      anonymousCheck: t(l, 'receipt.anonymousCheck'),
      secretTitle: t(l, 'receipt.secretTitle'),
      secretWhy: t(l, 'receipt.secretWhy'),
      secretWriteDown: t(l, 'receipt.secretWriteDown'),
      secretOnce: t(l, 'receipt.secretOnce'),
      secretShownBefore: t(l, 'receipt.secretShownBefore'),
      whatNext: t(l, 'receipt.whatNext'),
      // Which route was taken, and only the deadline that applies to it.
      next: t(l, `receipt.route.${view.route}`),
      byWhen: reporterDeadlineText(l, view.nextDeadline),
      identity: t(l, `receipt.identity.${view.identity}`),
      policeTitle: t(l, 'receipt.police.title'),
      policeText: t(l, 'receipt.police.text'),
      counsellor: t(l, 'receipt.counsellor'),
      close: t(l, 'common.close'),
    },
  };
  return renderCard(template, data);
}
