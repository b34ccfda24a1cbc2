import { CHECK_IN_ANSWERS, CHECK_IN_TEXT_MAX_LENGTH } from '../bot/domain/aftercare/checkIns';
import type { HelpContact } from '../bot/domain/helpContact';
import type { Locale } from '../bot/domain/locale';
import template from './checkInDialog.card.json';
import { dangerHelpText, type DangerHelpText } from './dangerHelpText';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';

/** Where to get support after a report (nazorg), in the order the dialog lists them. */
const SUPPORT = ['counsellor', 'bmw', 'chaplain', 'doctor', 'ago'] as const;

/** What the check-in dialog shows. */
export interface CheckInDialogView {
  locale: Locale;
  /** 'form': the question; 'answered': thanks; 'stopped': no more check-ins. */
  state: 'form' | 'answered' | 'stopped';
  /** Named and confidential reporters: their case. Absent: an anonymous reporter, asked for reference + secret. */
  caseId?: string;
  /** What was typed, shown again with the errors. */
  reference?: string;
  answer?: string;
  text?: string;
  /** Field errors: `answer`, `text` (locale keys under `aftercare.errors`), `credentials`. */
  errors?: Readonly<Partial<Record<'answer' | 'text' | 'credentials', 'pickCheckInAnswer' | 'checkInTextTooLong' | 'bothRequired' | 'referenceOrSecretWrong' | 'tooManyAttempts'>>>;
  /** The organisation's ways to get help now (HELP_CONTACTS_FILE); absent: 112 and the services by name. */
  help?: readonly HelpContact[];
}

interface CheckInDialogData {
  lang: Locale;
  state: CheckInDialogView['state'];
  hasCaseId: boolean;
  caseId: string;
  askCredentials: boolean;
  reference: string;
  answer: string;
  typed: string;
  choices: { title: string; value: string }[];
  hasCredentialsError: boolean;
  credentialsError: string;
  hasAnswerError: boolean;
  hasTextError: boolean;
  support: { line: string }[];
  danger: DangerHelpText;
  errors: Record<'pickCheckInAnswer' | 'checkInTextTooLong' | 'bothRequired', string>;
  text: Record<
    | 'title'
    | 'intro'
    | 'credentialsHint'
    | 'referenceLabel'
    | 'secretLabel'
    | 'answerLabel'
    | 'textLabel'
    | 'textHint'
    | 'send'
    | 'stop'
    | 'close'
    | 'thanksTitle'
    | 'thanksText'
    | 'stoppedTitle'
    | 'stoppedText'
    | 'supportTitle',
    string
  >;
}

/**
 * The aftercare check-in dialog: how are you doing, have you met negative consequences since your
 * report (a few choices and optional text, sealed when stored), the support one can turn to
 * (vertrouwenspersoon, BMW, geestelijk verzorger, bedrijfsarts, AGO), and the same "in danger now"
 * help as the report wizard. An anonymous reporter types reference and secret here, never in the chat.
 */
export function renderCheckInDialog(view: CheckInDialogView): AdaptiveCard {
  const l = view.locale;
  const errors = view.errors ?? {};
  const data: CheckInDialogData = {
    lang: l,
    state: view.state,
    hasCaseId: view.caseId !== undefined,
    caseId: view.caseId ?? '',
    askCredentials: view.caseId === undefined,
    reference: view.reference ?? '',
    answer: view.answer ?? '',
    typed: view.text ?? '',
    choices: CHECK_IN_ANSWERS.map((value) => ({ value, title: t(l, `aftercare.answers.${value}`) })),
    hasCredentialsError: errors.credentials !== undefined,
    credentialsError: errors.credentials ? t(l, `aftercare.errors.${errors.credentials}`) : '',
    hasAnswerError: errors.answer !== undefined,
    hasTextError: errors.text !== undefined,
    support: SUPPORT.map((key) => ({ line: t(l, `aftercare.support.${key}`) })),
    danger: dangerHelpText(l, view.help),
    errors: {
      pickCheckInAnswer: t(l, 'aftercare.errors.pickCheckInAnswer'),
      checkInTextTooLong: t(l, 'aftercare.errors.checkInTextTooLong', { max: CHECK_IN_TEXT_MAX_LENGTH }),
      bothRequired: t(l, 'aftercare.errors.bothRequired'),
    },
    text: {
      title: t(l, 'aftercare.dialog.title'),
      intro: t(l, 'aftercare.dialog.intro'),
      credentialsHint: t(l, 'aftercare.dialog.credentialsHint'),
      referenceLabel: t(l, 'aftercare.dialog.referenceLabel'),
      secretLabel: t(l, 'aftercare.dialog.secretLabel'),
      answerLabel: t(l, 'aftercare.dialog.answerLabel'),
      textLabel: t(l, 'aftercare.dialog.textLabel'),
      textHint: t(l, 'aftercare.dialog.textHint'),
      send: t(l, 'aftercare.dialog.send'),
      stop: t(l, 'aftercare.dialog.stop'),
      close: t(l, 'common.close'),
      thanksTitle: t(l, 'aftercare.dialog.thanksTitle'),
      thanksText: t(l, 'aftercare.dialog.thanksText'),
      stoppedTitle: t(l, 'aftercare.checkIn.stoppedTitle'),
      stoppedText: t(l, 'aftercare.checkIn.stoppedText'),
      supportTitle: t(l, 'aftercare.support.title'),
    },
  };
  return renderCard(template, data);
}
