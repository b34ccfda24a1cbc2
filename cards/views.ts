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
import type { CloseLessonErrors, CloseLessonView } from './closeLesson';
import type { Locale } from '../bot/domain/locale';
import type { CaseState, HandlerOutcome } from '../bot/domain/caseLifecycle';
import type { HandlerRole } from '../bot/domain/chooseRoute';
import type { CaseMessageAuthor, CaseMessageKind } from '../bot/domain/caseMessageKind';
import type { ReporterEvent } from '../bot/domain/reporterEvent';
import type { Category, IdentityMode, ReportAnswers, RequestKind, WizardStep } from '../bot/domain/report';
import type { Figure } from '../bot/domain/insights/caseInsights';
import type { InsightsPeriodName } from '../bot/domain/insights/insightsPeriod';
import type { ClockKind } from '../bot/domain/deadlines/deadlinePolicies';
import type { HelpContact } from '../bot/domain/helpContact';

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
  /** Opened with "Wijzig" on the review: Next (and Back) return to the review. */
  returnTo?: 'review';
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
  /** Where the report went (a role, in the reporter's words; never a person). */
  route: HandlerRole;
  /** The organisation's ways to get help, shown when someone is in danger (see DangerHelpView). */
  help?: readonly HelpContact[];
  /** The one deadline that applies next, formatted; absent when none runs. */
  nextDeadline?: ReporterDeadlineLine;
}

/** A deadline as the reporter is told it: which clock, and its date formatted in their language. */
export interface ReporterDeadlineLine {
  clock: ClockKind;
  due: string;
}

/** Where to get help now (immediate danger), shown in a dialog. */
export interface DangerHelpView {
  locale: Locale;
  draftId: string;
  /** The organisation's ways to get help (emergency first); absent: 112 and the services by name. */
  help?: readonly HelpContact[];
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
  /** Where the report went, and the one deadline that applies next (as on the dialog receipt). */
  route: HandlerRole;
  nextDeadline?: ReporterDeadlineLine;
}

/** The reporter's own cases ("status", "mijn meldingen"), in the chat: references and states only. */
export interface MyCasesView {
  locale: Locale;
  /** `caseId`: the case's button opens its dialog; `route` and `nextDeadline` as on the receipt. */
  cases: { caseId: string; reference: string; kind: RequestKind; state: CaseState; receivedOn: string; route: HandlerRole; nextDeadline?: ReporterDeadlineLine }[];
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
  /** A button that opens this dialog; `titleKey` is the locale key of its title (an unknown key leaves the button out). */
  openDialog?: { dialog: DialogName; titleKey: string; /** Sent along as `vm.reference` (the audit export's case). */ reference?: string; /** Sent along as `vm.period` (the insights' period). */ period?: InsightsPeriodName };
}

/** Friendly error, with a correlation id the user can quote to the service desk. */
export interface ErrorView {
  locale: Locale;
  messageKey: string;
  correlationId: string;
}

export type { Category };

// ---------------------------------------------------------------------------------------------
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

/** A deadline on a card: what, when (formatted), and whether it passed. */
export interface DeadlineLine {
  /** Locale key of the clock's name, e.g. `clocks.acknowledge`. */
  labelKey: string;
  /** Formatted date/time, Europe/Amsterdam. */
  due: string;
  overdue: boolean;
}

/**
 * The handler's task card in their 1:1 chat. NO report content: reference, kind, identity mode,
 * state, deadlines and buttons. `refresh.userIds` = [handlerUserId] so Teams shows the current
 * state to the handler (verb `refreshCase`).
 */
export interface HandlerTaskView {
  locale: Locale;
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  state: CaseState;
  /** The role the case is handled in. */
  role: HandlerRole;
  receivedOn: string;
  deadlines: DeadlineLine[];
  /** Entra object id of the assigned handler, for `refresh.userIds`. */
  handlerUserId: string;
  /** When the viewer is not the assigned handler (someone else pressed a button): show the refusal instead of buttons. */
  notForYou?: boolean;
  /** A short confirmation line after an action (locale key), e.g. `handler.done.acknowledged`. */
  doneKey?: string;
  /** A retaliation case (benadeling), opened by a check-in answer: labelled as such (never naming the earlier case). */
  retaliation?: boolean;
}

/** One message in a case's conversation (handler ↔ reporter), shown only in dialogs. */
export interface CaseMessageLine {
  from: CaseMessageAuthor;
  kind: CaseMessageKind;
  /** Formatted date/time. */
  at: string;
  text: string;
}

/** The report's content for the assigned handler, in a dialog. */
export interface CaseDetailsView {
  locale: Locale;
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  state: CaseState;
  categories: Category[];
  receivedOn: string;
  /** Named reports; confidential ones only when the reporter agreed that this handler may know. Otherwise absent. */
  reporterName?: string;
  /**
   * Confidential reports: 'available' (the handler may ask who reported: a button opens the
   * `caseIdentity` form), 'pending' (asked, waiting for the reporter), 'disclosed' (the reporter
   * agreed: `reporterName` is shown). Absent: nothing to show (named, anonymous, or closed).
   */
  identityRequest?: 'available' | 'pending' | 'disclosed';
  involved?: string;
  incidentDate?: string;
  location?: string;
  description: string;
  wantsCounsellorContact: boolean;
  immediateDanger: boolean;
  /** The routing decision as a locale key under `routing.` (e.g. `routing.r5_manager_involved`). */
  routingReasonKey: string;
  messages: CaseMessageLine[];
  /** History lines: formatted time + locale key under `history.` (e.g. `history.acknowledged`). */
  history: { at: string; eventKey: string }[];
}

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

/** Confirm withdrawing a report, in a dialog (button `vm: { dialog: 'caseWithdraw', nav: 'submit', caseId | reference+secret }`). */
export interface WithdrawView {
  locale: Locale;
  caseId?: string;
  reference: string;
  secret?: string;
}

/**
 * After closing, in a named/confidential reporter's chat: the two optional evaluation questions
 * (1–5) with `Action.Execute` verb `giveFeedback`, `data: { caseId }`. Replaced in place by a
 * thank-you (`answered: true`). Anonymous reporters answer in their status dialog instead.
 */
export interface FeedbackView {
  locale: Locale;
  caseId: string;
  reference: string;
  answered: boolean;
  errors?: Partial<Record<'takenSeriously' | 'wouldReportAgain', string>>;
}

// ---------------------------------------------------------------------------------------------
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

/** One unit's line in a coordinator's weekly digest: counts only, never content. */
export interface DigestUnitLine {
  unitName: string;
  open: number;
  dueThisWeek: number;
  overdue: number;
}

/** The weekly digest in a coordinator's chat. */
export interface CoordinatorDigestView {
  locale: Locale;
  /** Formatted week label, e.g. "week 49 (30 november – 6 december 2026)". */
  week: string;
  units: DigestUnitLine[];
  /** Team-meeting agenda coverage this month per unit (absent or empty: no teams installed). */
  agenda?: AgendaCoverageLine[];
  /** The tab's deep link when the tab exists; absent for now. */
  tabUrl?: string;
}

// ---------------------------------------------------------------------------------------------
// Handover on a change of command ("overdracht bij wisseling van commandant").
//
// - Chat command "overdracht" / "handover": a notice (no content) with a button that opens the
//   dialog: `Action.Submit` + `msteams: { type: 'task/fetch' }` + `vm: { dialog: 'handover', nav: 'next' }`.
// - In the dialog: inputs `fromPerson` (coordinators only; for anyone else it is fixed to
//   themself) and `toPerson`. Both are `Input.ChoiceSet`s whose values are Entra object ids:
//   static choices from the directory, plus Teams' people picker (`choices.data`: `Data.Query` on
//   `graph.microsoft.com/users`), which sends the same ids. Submit
//   `vm: { dialog: 'handover', nav: 'submit' }`, cancel and close `vm: { dialog: 'handover', nav: 'close' }`.

/** A person offered in a picker: Entra object id and display name. */
export interface PersonChoice {
  id: string;
  name: string;
}

/**
 * What a handover did: counts per outcome (shown in the dialog only, never in a chat). No
 * references: which case went where would tell whom a case excludes.
 */
export interface HandoverOutcome {
  /** Display names of the person handed over from and of the successor. */
  fromName: string;
  toName: string;
  toSuccessor: number;
  /** Cases the successor may not take (not their role or unit, excluded, involved): sent to the Meldpunt. */
  toFallback: number;
  /** Cases nobody eligible could take: still with the old handler. */
  notMoved: number;
}

/** The handover dialog: the form, or (after the handover) what moved where. */
export interface HandoverView {
  locale: Locale;
  /** The user coordinates a unit: `fromPerson` is a picker. Otherwise it is fixed to `self`. */
  coordinator: boolean;
  /** The user. */
  self: PersonChoice;
  /** Static choices for `fromPerson` (coordinators), in the order shown; at most `HANDOVER_MAX_CHOICES` are shown. */
  fromChoices: PersonChoice[];
  /** Static choices for `toPerson`, in the order shown; at most `HANDOVER_MAX_CHOICES` are shown. */
  toChoices: PersonChoice[];
  /** Current selections (Entra object ids), kept when the form comes back with an error. */
  fromPerson?: string;
  toPerson?: string;
  /** Field → locale key under `validation.` */
  errors: Partial<Record<'fromPerson' | 'toPerson', string>>;
  /** After the handover: replaces the form. */
  result?: HandoverOutcome;
}

// ---------------------------------------------------------------------------------------------
// Team meeting agenda (werkoverleg): cards in a team channel, and action tasks in a 1:1 chat.
//
// Channel cards use `Action.Execute` with these verbs and `data` (Teams merges input values by id):
// - `saveTeamSettings` `{}`: inputs `weekdays` (multi-select, comma-separated ISO weekdays "1,3"),
//   `time` (Input.Time, "HH:mm"), `everyWeeks` ("1" | "2" | "4"), `leadWorkingDays` ("0".."5"),
//   `language` ("nl" | "en"), `unitId`, `paused` (toggle "true"/"false");
// - `openTeamSettings` `{}`: the settings card (from the welcome or after saving);
// - `topicDiscussed` `{ postingId }`: inputs `notes`, and three action slots `action1Text`,
//   `action1Owner` (Entra object id from the people picker or the member list), `action1Due`
//   (YYYY-MM-DD), … `action3Due`;
// - `topicOther` `{ postingId }`: another topic for the same meeting, now;
// - `topicSkipped` `{ postingId }`: input `skipReason` (optional).
// The action task card in the owner's 1:1 chat: `actionDone` `{ actionId }`, `actionNewDate`
// `{ actionId }` with input `newDate` (YYYY-MM-DD), and `refreshAction` `{ actionId }` (refresh,
// `refresh.userIds` = [ownerUserId]).

/** A unit offered on the settings card. */
export interface UnitChoice {
  id: string;
  name: string;
}

export type TeamSettingsField = 'weekdays' | 'time' | 'everyWeeks' | 'leadWorkingDays' | 'language' | 'unitId';

/** The settings card in the team channel (also the welcome after install, with `welcome`). */
export interface TeamSettingsView {
  locale: Locale;
  teamName: string;
  /** Just installed: show what the bot does in this channel above the form. */
  welcome: boolean;
  /** Values shown in the inputs: the saved settings, or what was entered when the card comes back with errors. */
  values: { weekdays: string; time: string; everyWeeks: string; leadWorkingDays: string; language: string; unitId: string; paused: boolean };
  /** Units to choose from (the team's unit first when known); at most 100 shown. */
  units: UnitChoice[];
  /** Field → key under `validation.` */
  errors: Partial<Record<TeamSettingsField, string>>;
  /** After a save: when the next topic will be posted and the meeting it is for (formatted), or that posting is paused. */
  saved?: { paused: false; nextPost: string; meeting: string } | { paused: true };
  /** The viewer may not change the settings: the form is replaced by who can (team owners and the unit's coordinators, by name). */
  readOnly?: { ownerNames: string[]; coordinatorNames: string[] };
}

/** A topic's text on a card, in the card's language. */
export interface TopicCardText {
  title: string;
  intro: string;
  questions: string[];
  help: string;
  source: string;
}

/** An agreed action as shown on the topic card after "discussed". */
export interface AgreedActionLine {
  text: string;
  ownerName: string;
  /** Formatted due date. */
  due: string;
}

export type TopicFormField = 'notes' | 'skipReason' | `action${1 | 2 | 3}${'Text' | 'Owner' | 'Due'}`;

/** The topic card posted in a team channel before a meeting. */
export interface TopicCardView {
  locale: Locale;
  postingId: string;
  /** Formatted date (and time) of the meeting. */
  meeting: string;
  topic: TopicCardText;
  state: 'posted' | 'discussed' | 'skipped';
  /** discussed / skipped: who recorded it and when (formatted). */
  recordedBy?: string;
  recordedAt?: string;
  /** discussed: the agreed actions. */
  actions?: AgreedActionLine[];
  /** Team members for the action-owner lists (shown next to Teams' people picker, which searches the organisation); at most 75 shown. */
  members: PersonChoice[];
  /** What was entered, kept when the card comes back with errors (then the form is shown open, with the messages next to the fields). */
  form?: Partial<Record<TopicFormField, string>>;
  /** Field → key under `validation.` */
  errors?: Partial<Record<TopicFormField, string>>;
}

/** A follow-up action in its owner's 1:1 chat. */
export interface ActionTaskView {
  locale: Locale;
  actionId: string;
  /** What was agreed (one line). */
  text: string;
  teamName: string;
  /** Formatted due date. */
  due: string;
  /** Days left as text (e.g. "nog 3 dagen"), or empty. */
  timeLeft?: string;
  overdue: boolean;
  state: 'open' | 'done';
  /** A line on top: 'assigned' (new), 'reminder', 'newDate' (date changed), 'done' (just marked done). */
  news?: 'assigned' | 'reminder' | 'newDate' | 'done';
  /** Entra id of the owner: `refresh.userIds`. */
  ownerUserId: string;
  /** Someone else pressed a button: show that only the owner can change it, no buttons. */
  notForYou?: boolean;
  /** The new date entered, kept with an error. */
  newDate?: string;
  errors?: Partial<Record<'newDate', string>>;
}

/** One unit's agenda coverage for a month (coordinator digest, tab). Shares are whole percentages. */
export interface AgendaCoverageLine {
  unitName: string;
  /** Teams that set a rhythm (configured, installed). */
  teams: number;
  /** Share of those teams with at least one topic posted / discussed / skipped in the month. */
  postedPct: number;
  discussedPct: number;
  skippedPct: number;
  openActions: number;
  lateActions: number;
}

// ---------------------------------------------------------------------------------------------
// Audit export ("logboek"): a coordinator types "audit VM-XXXX-XXXX" / "logboek VM-XXXX-XXXX" in
// their 1:1 chat; a notice (reference only) has a button `Action.Submit` + `msteams: { type:
// 'task/fetch' }` + `vm: { dialog: 'auditExport', nav: 'next', reference }`. The dialog's close
// button sends `vm: { dialog: 'auditExport', nav: 'close' }`.

/** One event of a case's audit record: no content, only when, who and what. */
export interface AuditExportLine {
  /** ISO time. */
  at: string;
  actorRole: 'handler' | 'reporter' | 'system' | 'coordinator';
  /** Staff only: the name kept (sealed) with the entry. */
  actorName?: string;
  /** The event type, shown with its `history.<action>` label. */
  action: string;
}

/** The audit record of a case, in a dialog. */
export interface AuditExportView {
  locale: Locale;
  reference: string;
  /** Oldest first. */
  lines: AuditExportLine[];
  /** More events exist than were read. */
  truncated: boolean;
  /** What checking the entries' tamper seals found: changed or unverifiable entries, and deleted ones. */
  integrity?: { unsealed: number; missing: number };
}

// ---------------------------------------------------------------------------------------------
// Insights ("inzichten", "cijfers"): a coordinator types the command in their 1:1 chat; a notice has
// a button `Action.Submit` + `msteams: { type: 'task/fetch' }` + `vm: { dialog: 'insights', nav:
// 'next', period: 'thisQuarter' }`. The dialog's period buttons send `vm: { dialog: 'insights',
// nav: 'next', period }`; its close button `vm: { dialog: 'insights', nav: 'close' }`.

/** The figures of all units together, or of one unit: each a value or '<5' (suppressed). */
export interface InsightFiguresView {
  cases: Figure;
  categories: { category: Category; count: Figure }[];
  anonymousPct: Figure;
  medianDaysToAcknowledge: Figure;
  medianDaysToClose: Figure;
  deadlinesMetPct: Figure;
  takenSeriously: Figure;
  wouldReportAgain: Figure;
  /** Share of reporters who answered an aftercare check-in with "negative consequences" (absent: not counted). */
  negativeAfterClosePct?: Figure;
}

/** The coordinator's insights for one period, in a dialog. */
export interface InsightsView {
  locale: Locale;
  period: InsightsPeriodName;
  /** `2026-Q4` or `2026`. */
  periodLabel: string;
  /** The last complete month counted (`YYYY-MM`); absent when no month of the period has ended yet. */
  lastMonth?: string;
  total: InsightFiguresView;
  units: (InsightFiguresView & { unitId: string; unitName: string })[];
  /** Per month (`YYYY-MM`), teams of the units with meeting settings and how many discussed a topic. Not suppressed: teams, not people. */
  agenda: { month: string; teams: number; discussed: number; discussedPct: number; units: { unitId: string; teams: number; discussedPct: number }[] }[];
}
