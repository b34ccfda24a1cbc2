/**
 * The data each card is rendered from. Render functions (one per card, next to its
 * `<name>.card.json` template) take one of these and return an Adaptive Card object (version 1.5).
 *
 * Contract for the data cards send back (the bot reads exactly these):
 * - Dialog (task module) cards use `Action.Submit` with `data: { vm: DialogAction }`; Teams merges
 *   the input values (by input id) into the same object.
 * - A chat button that opens a dialog is `Action.Submit` with
 *   `data: { msteams: { type: 'task/fetch' }, vm: { dialog: DialogName } }`.
 * - A chat button that changes the card in place is `Action.Execute` with a `verb` from `ChatVerb`
 *   and `data: {}` (plus what the verb needs).
 * - Input ids equal the `ReportAnswers` field names; toggles send "true"/"false"; the multi-select
 *   of categories sends a comma-separated string; the date sends YYYY-MM-DD.
 */
import type { Locale } from '../bot/domain/locale';
import type { CaseState } from '../bot/app/ports';
import type { Category, IdentityMode, ReportAnswers, RequestKind, WizardStep } from '../bot/domain/report';

/** Dialogs that a chat button can open. */
export type DialogName = 'wizard' | 'anonymousStatus';

/** Verbs of chat cards (`Action.Execute`). */
export type ChatVerb = 'showMyCases' | 'showWelcome';

/** Navigation in a dialog. */
export type DialogNav = 'next' | 'back' | 'stop' | 'goto' | 'submit' | 'close' | 'restart' | 'checkStatus';

export interface DialogAction {
  dialog?: DialogName;
  nav: DialogNav;
  /** The draft this card belongs to; a stale card (older draft) is detected by it. */
  draftId?: string;
  /** The step the card showed. */
  step?: WizardStep;
  /** With nav 'goto': the step to jump to (the review's "change" buttons). */
  goto?: WizardStep;
  /**
   * With nav 'submit': a random id made when the review card was rendered and stored nowhere,
   * so a retried submit yields the same case while nothing stored links the draft to it.
   */
  submissionId?: string;
}

/** One step of the report wizard, shown in a dialog. */
export interface WizardStepView {
  locale: Locale;
  draftId: string;
  step: Exclude<WizardStep, 'review'>;
  /** 1-based position, and the number of steps including review (7). */
  stepNumber: number;
  totalSteps: number;
  /** What the user entered so far: inputs show these values. */
  answers: ReportAnswers;
  /** Field name → locale key under `validation.` for a message shown next to that field. */
  errors: Partial<Record<keyof ReportAnswers, string>>;
  /** The step is shown after the reporter said someone is in immediate danger: show where to get help first. */
  showDangerHelp: boolean;
  /** Resumed from an earlier session: show a short "welcome back, we kept your answers" line. */
  resumed: boolean;
  /** The card pressed was older than the draft: say this is the latest draft instead. */
  stale?: boolean;
}

/** The review step: a summary with "change" per section, then submit. Only ever rendered in a dialog. */
export interface WizardReviewView {
  locale: Locale;
  draftId: string;
  /** Goes into the submit button's `vm.submissionId` (see DialogAction). */
  submissionId: string;
  stepNumber: number;
  totalSteps: number;
  answers: ReportAnswers;
  /** A message key under `validation.` when submitting found a missing answer (then a goto button is shown). */
  error?: { key: string; step: WizardStep };
}

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
}

/** Where to get help now (immediate danger), shown in a dialog. */
export interface DangerHelpView {
  locale: Locale;
  draftId: string;
}

/** Welcome card in the 1:1 chat (on install, "hallo", "help"). */
export interface WelcomeView {
  locale: Locale;
  /** A draft exists: offer to continue it. */
  hasDraft: boolean;
}

/** Receipt in the chat: reference, kind, next deadline. Never any content. */
export interface ChatReceiptView {
  locale: Locale;
  reference: string;
  kind: RequestKind;
  /** Formatted date/time, Europe/Amsterdam. */
  nextStepBy: string;
}

/** The reporter's own cases ("status", "mijn meldingen"), in the chat: references and states only. */
export interface MyCasesView {
  locale: Locale;
  cases: { reference: string; kind: RequestKind; state: CaseState; receivedOn: string }[];
  /** More cases exist than listed. */
  more: boolean;
}

/** Dialog to ask status of an anonymous report with reference + secret. */
export interface AnonymousStatusView {
  locale: Locale;
  reference?: string;
  /** Locale key under `validation.` when the reference/secret did not match. */
  error?: string;
  /** After a successful check: the case's state. */
  result?: { reference: string; kind: RequestKind; state: CaseState; receivedOn: string };
}

/** A short notice in the chat (e.g. "your draft is kept", "draft deleted"). `textKey` is a locale key; params fill {placeholders}. */
export interface NoticeView {
  locale: Locale;
  titleKey: string;
  textKey: string;
  params?: Record<string, string>;
  /** Offer the "make a report" button. */
  offerReport?: boolean;
}

/** Friendly error, with a correlation id the user can quote to the service desk. */
export interface ErrorView {
  locale: Locale;
  messageKey: string;
  correlationId: string;
}

export type { Category };
