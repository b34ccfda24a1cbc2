/**
 * The data cards send back (the bot reads exactly these):
 * - Dialog (task module) cards use `Action.Submit` with `data: { vm: DialogAction }`; Teams merges
 *   the input values (by input id) into the same object.
 * - A chat button that opens a dialog is `Action.Submit` with
 *   `data: { msteams: { type: 'task/fetch' }, vm: { dialog: DialogName } }`.
 * - A chat button that changes the card in place is `Action.Execute` with a `verb` from `ChatVerb`
 *   and `data: {}` (plus what the verb needs).
 * - Input ids equal the `ReportAnswers` field names; toggles send "true"/"false"; the multi-select
 *   of categories sends a comma-separated string; the date sends YYYY-MM-DD.
 *
 * The data each card is rendered from sits in the card's own render file (e.g. `HandlerTaskView`
 * in `handlerTask.ts`): a render function takes it and returns an Adaptive Card object (version 1.5).
 */
import type { WizardStep } from '../bot/domain/report';

/** Dialogs that a chat button can open. */
export type DialogName = 'wizard' | 'anonymousStatus' | 'handover' | 'auditExport' | 'insights' | 'lessonReview';

/** Verbs of chat cards (`Action.Execute`). */
export type ChatVerb = 'showMyCases' | 'showWelcome';

/** Navigation in a dialog. */
export type DialogNav = 'next' | 'back' | 'stop' | 'goto' | 'submit' | 'close' | 'restart' | 'checkStatus' | 'resume';

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

// Handling a case (issue: routing, task cards, lifecycle, keeping the reporter informed).
//
// More action data contracts:
// - Handler dialogs open from the task card with `Action.Submit` + `msteams: { type: 'task/fetch' }`
//   + `vm: { dialog: CaseDialogName, caseId }`; inside a dialog, buttons send
//   `vm: { dialog, nav: 'submit' | 'close', caseId }` (+ `reference`, `secret` for anonymous reporters).
// - Task card verbs (`Action.Execute`): `acknowledgeCase` and `refreshCase`, `data: { caseId }`.
// - Feedback card verb (`Action.Execute`): `giveFeedback`, `data: { caseId }` + inputs.

/** Dialogs about a case. */
export type CaseDialogName =
  | 'caseDetails' // handler: the report's content
  | 'caseUpdate' // handler: send an update to the reporter
  | 'caseQuestion' // handler: ask the reporter a question
  | 'caseReassign' // handler: hand the case to another role or person
  | 'caseClose' // handler: close with an outcome and a message
  | 'caseMessages' // reporter: read messages, answer a question, add information
  | 'caseWithdraw' // reporter: withdraw the report
  | 'caseExtend' // handler: postpone the decision on a klacht
  | 'caseIdentity'; // handler: ask a confidential reporter whether they may know who they are

/** Verbs of case cards (`Action.Execute`). */
export type CaseVerb = 'acknowledgeCase' | 'refreshCase' | 'giveFeedback' | 'consentExtension';
