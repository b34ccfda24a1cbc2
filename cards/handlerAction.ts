import type { Locale } from '../bot/domain/locale';
import { caseFieldError } from './caseFieldError';
import { closeLessonData, type CloseLessonData, type CloseLessonErrors, type CloseLessonView } from './closeLesson';
import { CASE_MESSAGE_MAX_LENGTH, IDENTITY_REASON_MAX_LENGTH } from '../bot/domain/caseMessageText';
import { displayDate } from './displayDate';
import type { FieldErrorData } from './fieldError';
import template from './handlerAction.card.json';
import { formatNumber, t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';
import { HANDLER_OUTCOMES } from '../bot/domain/caseLifecycle';
import { REASSIGN_ROLES } from '../bot/domain/chooseRoute';
import type { CaseDialogName } from './actionData';
import type { HandlerRole } from '../bot/domain/chooseRoute';
import type { HandlerOutcome } from '../bot/domain/caseLifecycle';

/** A handler's form in a dialog: update, question, reassign or close. Keeps what was typed on an error. */
export interface HandlerActionView {
  locale: Locale;
  caseId: string;
  reference: string;
  action: 'update' | 'question' | 'reassign' | 'close' | 'extend' | 'identity';
  /** Extend: input `days` — current value (as typed). */
  days?: string;
  /** Extend: the current decision date, formatted, shown above the form. */
  currentDue?: string;
  /** Input `message` (multiline, max 4,000): the text for the reporter; for reassign: the reason (input `reason`). */
  message?: string;
  /** Reassign: input `targetRole` (ChoiceSet of HANDLER_ROLES except line_manager) — current value. */
  targetRole?: HandlerRole;
  /** Close: input `outcome` (ChoiceSet of HANDLER_OUTCOMES) — current value. */
  outcome?: HandlerOutcome;
  /** Close: the optional lesson for the team agenda (see cards/closeLesson.ts). */
  lesson?: CloseLessonView;
  /** Field → locale key under `validation.` */
  errors: Partial<Record<'message' | 'targetRole' | 'outcome' | 'days', string>> & CloseLessonErrors;
}


type Action = HandlerActionView['action'];

interface InputData extends FieldErrorData {
  value: string;
}


/** The `days` input: `Input.Number` takes a number, so a value is only set when what was typed is one. */
interface DaysInputData extends FieldErrorData {
  hasValue: boolean;
  value: number;
}

interface HandlerActionData {
  lang: Locale;
  caseId: string;
  dialog: CaseDialogName;
  isAction: Record<Action, boolean>;
  showReaderNote: boolean;
  showCurrentDue: boolean;
  currentDue: string;
  days: DaysInputData;
  message: InputData;
  targetRole: InputData;
  outcome: InputData;
  roles: { title: string; value: string }[];
  outcomes: { title: string; value: string; hint: string }[];
  lesson: CloseLessonData;
  text: Record<
    | 'title'
    | 'reference'
    | 'intro'
    | 'readerNote'
    | 'careNote'
    | 'maxLength'
    | 'messageLabel'
    | 'targetRoleLabel'
    | 'reassignNote'
    | 'outcomeLabel'
    | 'closeNote'
    | 'currentDueLabel'
    | 'consentNote'
    | 'daysLabel'
    | 'daysOutOfRange'
    | 'submit'
    | 'cancel',
    string
  >;
}

/** The dialog each form belongs to: its buttons send it back in `vm.dialog`. */
export const HANDLER_ACTION_DIALOGS: Readonly<Record<Action, CaseDialogName>> = {
  update: 'caseUpdate',
  question: 'caseQuestion',
  reassign: 'caseReassign',
  close: 'caseClose',
  extend: 'caseExtend',
  identity: 'caseIdentity',
};

/** A number as typed: digits, optionally signed and with a decimal part (Teams sends `Input.Number` values as such strings). */
const TYPED_NUMBER = /^-?\d+(\.\d+)?$/;

function input(locale: Locale, value: string | undefined, errorKey: string | undefined): InputData {
  return { value: value ?? '', ...caseFieldError(locale, errorKey) };
}

/** The typed number of days shown again (also when out of range, next to its error); nothing when it is empty or not a number. */
function daysInput(locale: Locale, value: string | undefined, errorKey: string | undefined): DaysInputData {
  const typed = (value ?? '').trim();
  const hasValue = TYPED_NUMBER.test(typed);
  return { hasValue, value: hasValue ? Number(typed) : 0, ...caseFieldError(locale, errorKey) };
}

/**
 * A handler's form in a dialog: send an update, ask a question (input `message`), pass the case on
 * (inputs `targetRole` — every handler role except the line manager — and `message`, the reason),
 * or close it (inputs `outcome`, each outcome explained, and `message`, the closing message to the
 * reporter, and optionally a lesson for the team agenda: inputs `lessonText`, `lessonCategory`,
 * `lessonUnit`, with the note that nobody may be recognisable), or postpone the decision on a klacht (Awb 9:11): the current decision date, the rule
 * (once, at most 4 weeks, with a reason the complainant gets in writing; again only with the
 * complainant's consent, which the bot asks), input `days` (`Input.Number`, 1–28) and `message`,
 * the reason for the complainant, or ask a confidential reporter who they are (`message`, the
 * reason the reporter reads before deciding, at most 1,000 characters). What was typed is kept and an error is shown under its field.
 * No input is marked required (the bot validates and the labels say what is required), so a press
 * always reaches the bot.
 */
export function renderHandlerAction(view: HandlerActionView): AdaptiveCard {
  const l = view.locale;
  const action = view.action;
  const isAction: Record<Action, boolean> = {
    update: action === 'update',
    question: action === 'question',
    reassign: action === 'reassign',
    close: action === 'close',
    extend: action === 'extend',
    identity: action === 'identity',
  };
  const maxLength = action === 'identity' ? IDENTITY_REASON_MAX_LENGTH : CASE_MESSAGE_MAX_LENGTH;
  const currentDue = view.currentDue ? displayDate(view.currentDue, l) : '';
  const data: HandlerActionData = {
    lang: l,
    caseId: view.caseId,
    dialog: HANDLER_ACTION_DIALOGS[action],
    isAction,
    showReaderNote: action !== 'reassign',
    showCurrentDue: currentDue !== '',
    currentDue,
    days: daysInput(l, view.days, view.errors.days),
    message: input(l, view.message, view.errors.message),
    targetRole: input(l, view.targetRole, view.errors.targetRole),
    outcome: input(l, view.outcome, view.errors.outcome),
    roles: REASSIGN_ROLES.map((role) => ({ title: t(l, `roles.${role}`), value: role })),
    outcomes: HANDLER_OUTCOMES.map((outcome) => ({ title: t(l, `outcomes.${outcome}`), value: outcome, hint: t(l, `handler.action.outcomeHints.${outcome}`) })),
    lesson: closeLessonData(l, view.lesson, view.errors),
    text: {
      title: t(l, `handler.action.${action}.title`),
      reference: t(l, 'handler.action.reference', { reference: view.reference }),
      intro: t(l, `handler.action.${action}.intro`),
      readerNote: t(l, action === 'extend' ? 'handler.action.extend.readerNote' : 'handler.action.readerNote'),
      careNote: t(l, 'handler.action.careNote'),
      maxLength: t(l, 'handler.action.maxLength', { max: formatNumber(maxLength, l) }),
      messageLabel: t(l, `handler.action.${action}.messageLabel`),
      targetRoleLabel: t(l, 'handler.action.reassign.targetRoleLabel'),
      reassignNote: t(l, 'handler.action.reassign.note'),
      outcomeLabel: t(l, 'handler.action.close.outcomeLabel'),
      closeNote: t(l, 'handler.action.close.note'),
      currentDueLabel: t(l, 'handler.action.extend.currentDueLabel'),
      consentNote: t(l, 'handler.action.extend.consentNote'),
      daysLabel: t(l, 'handler.action.extend.daysLabel'),
      daysOutOfRange: t(l, 'validation.daysOutOfRange'),
      submit: t(l, `handler.action.${action}.submit`),
      cancel: t(l, 'handler.action.cancel'),
    },
  };
  return renderCard(template, data);
}
