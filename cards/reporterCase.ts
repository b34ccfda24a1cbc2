import type { Locale } from '../bot/domain/locale';
import { CARD_BUDGET_BYTES, cardBytes } from './cardBudget';
import { caseFieldError } from './caseFieldError';
import { CASE_MESSAGE_MAX_LENGTH } from '../bot/domain/caseMessageText';
import { caseThread, type CaseThreadData } from './caseThread';
import { feedbackQuestions, type FeedbackQuestionsData } from './feedbackQuestions';
import type { FieldErrorData } from './fieldError';
import { formatNumber, t } from './i18n';
import { keyInGroup } from './keyInGroup';
import { renderCard, type AdaptiveCard } from './renderCard';
import template from './reporterCase.card.json';
import { reporterCaseKeys, type ReporterCaseKeys } from './reporterCaseKeys';
import type { CaseState } from '../bot/domain/caseLifecycle';
import type { CaseMessageLine } from './caseThread';

/**
 * The reporter's view of their case, in a dialog: state, the messages, an answer box when a
 * question is open, a box to add information, and withdraw. For anonymous reporters the dialog
 * carries `reference` + `secret` in its buttons' `vm` (dialog cards are not kept as messages).
 */
export interface ReporterCaseView {
  locale: Locale;
  caseId?: string;
  reference: string;
  /** Anonymous only: re-sent with each button so every step is authorised again. */
  secret?: string;
  state: CaseState;
  messages: CaseMessageLine[];
  /** An open question from the handler: show input `answer`. Otherwise show input `information`. */
  openQuestion: boolean;
  /** The case can still be withdrawn (not closed). */
  canWithdraw: boolean;
  /** Closed and no feedback given yet: show the two questions (inputs `takenSeriously`, `wouldReportAgain`, values "1".."5") in this dialog. */
  askFeedback: boolean;
  /**
   * Confidential reports: the handler asked to know who reported and the reporter has not answered.
   * Shows what accepting means and two buttons that send `identityAnswer: 'accept' | 'refuse'` with
   * `vm: { dialog: 'caseMessages', nav: 'submit', caseId }`. The reason is one of the messages.
   */
  identityRequestPending?: boolean;
  /** Field → locale key under `validation.` */
  errors: Partial<Record<'answer' | 'information' | 'takenSeriously' | 'wouldReportAgain' | 'identityAnswer', string>>;
  /** A confirmation line (locale key), e.g. `reporter.sent`. */
  doneKey?: string;
}

type ReporterVm = ReporterCaseKeys & { dialog: 'caseMessages' | 'caseWithdraw'; nav: 'submit' | 'next' | 'close' };

interface ReporterCaseData {
  lang: Locale;
  showDone: boolean;
  done: string;
  stateTitle: string;
  stateHint: string;
  thread: CaseThreadData;
  openQuestion: boolean;
  showInformation: boolean;
  showAnonymousCareful: boolean;
  answer: FieldErrorData;
  information: FieldErrorData;
  askFeedback: boolean;
  questions: FeedbackQuestionsData;
  showSend: boolean;
  canWithdraw: boolean;
  /** A handler asked to know who the reporter is: the explanation and the accept / refuse buttons. */
  identityRequest: boolean;
  identityAnswer: FieldErrorData;
  /** Whole `vm` objects: `caseId` and `secret` are present only when given, which a template cannot leave out. */
  vm: Record<'send' | 'withdraw' | 'close', ReporterVm>;
  text: Record<
    | 'title'
    | 'state'
    | 'messagesTitle'
    | 'noMessages'
    | 'openQuestion'
    | 'answerLabel'
    | 'informationLabel'
    | 'informationHint'
    | 'maxLength'
    | 'anonymousCareful'
    | 'feedbackIntro'
    | 'send'
    | 'withdraw'
    | 'identityTitle'
    | 'identityExplain'
    | 'identityAccept'
    | 'identityRefuse'
    | 'close',
    string
  >;
}

/** Room kept for the "not everything fits" note above the messages. */
const NOTE_RESERVE_BYTES = 400;

const NO_THREAD: CaseThreadData = { isEmpty: true, messages: [], notAllShown: false, note: '', shortenedLabel: '' };

function reporterCaseData(view: ReporterCaseView, thread: CaseThreadData): ReporterCaseData {
  const l = view.locale;
  const done = keyInGroup('reporter', view.doneKey);
  const keys = reporterCaseKeys(view);
  // A closed case takes no more information: the box would suggest someone still reads it.
  const showInformation = !view.openQuestion && view.state !== 'closed';
  return {
    lang: l,
    showDone: done !== undefined,
    done: done ? t(l, done) : '',
    stateTitle: t(l, `states.${view.state}.title`),
    stateHint: t(l, `states.${view.state}.hint`),
    thread,
    openQuestion: view.openQuestion,
    showInformation,
    showAnonymousCareful: view.secret !== undefined && (view.openQuestion || showInformation),
    answer: caseFieldError(l, view.errors.answer),
    information: caseFieldError(l, view.errors.information),
    askFeedback: view.askFeedback,
    questions: feedbackQuestions(l, { takenSeriously: view.errors.takenSeriously, wouldReportAgain: view.errors.wouldReportAgain }),
    showSend: view.openQuestion || showInformation || view.askFeedback,
    canWithdraw: view.canWithdraw,
    identityRequest: view.identityRequestPending === true && view.caseId !== undefined,
    identityAnswer: caseFieldError(l, view.errors.identityAnswer),
    vm: {
      send: { dialog: 'caseMessages', nav: 'submit', ...keys },
      withdraw: { dialog: 'caseWithdraw', nav: 'next', ...keys },
      close: { dialog: 'caseMessages', nav: 'close', ...keys },
    },
    text: {
      title: t(l, 'reporter.case.title', { reference: view.reference }),
      state: t(l, 'reporter.case.state'),
      messagesTitle: t(l, 'reporter.case.messagesTitle'),
      noMessages: t(l, 'reporter.case.noMessages'),
      openQuestion: t(l, 'reporter.case.openQuestion'),
      answerLabel: t(l, 'reporter.case.answerLabel'),
      informationLabel: t(l, 'reporter.case.informationLabel'),
      informationHint: t(l, 'reporter.case.informationHint'),
      maxLength: t(l, 'reporter.case.maxLength', { max: formatNumber(CASE_MESSAGE_MAX_LENGTH, l) }),
      anonymousCareful: t(l, 'identity.anonymousCareful'),
      feedbackIntro: t(l, 'feedback.introDialog'),
      send: t(l, 'reporter.case.send'),
      withdraw: t(l, 'reporter.case.withdraw'),
      identityTitle: t(l, 'reporter.case.identity.title'),
      identityExplain: t(l, 'reporter.case.identity.explain'),
      identityAccept: t(l, 'reporter.case.identity.accept'),
      identityRefuse: t(l, 'reporter.case.identity.refuse'),
      close: t(l, 'common.close'),
    },
  };
}

/**
 * The reporter's view of their case, in a dialog: its state, the messages with the handler
 * (newest first in the room the card has, see `caseThread`), then an answer box when a question is
 * open (input `answer`) or else a box to add information (input `information`, not once the case
 * is closed), and after closing the two optional evaluation questions. When the handler of a
 * confidential report asked to know who reported (the reason is one of the messages): what
 * accepting means and two buttons that answer (`identityAnswer: 'accept' | 'refuse'` next to the
 * `send` vm; only with a `caseId`, as anonymous reports are never asked). Buttons: send, withdraw
 * (while possible) and close; each carries `reference`, plus `caseId` or the anonymous `secret`
 * when given, so every step is authorised again. A confirmation line comes first after sending.
 */
export function renderReporterCase(view: ReporterCaseView): AdaptiveCard {
  const withoutMessages = renderCard(template, reporterCaseData(view, NO_THREAD));
  const room = CARD_BUDGET_BYTES - cardBytes(withoutMessages) - NOTE_RESERVE_BYTES;
  return renderCard(template, reporterCaseData(view, caseThread(view.locale, view.messages, 'reporter', room)));
}
