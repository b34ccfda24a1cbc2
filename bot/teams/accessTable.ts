/**
 * The declared access table (least access, denied by default): for every card verb, every
 * dialog and every HTTP route, where it may be used and which roles may call it. The router
 * refuses anything not declared here, and anything used in the wrong place (a case dialog in a
 * channel, a channel verb in a 1:1 chat); the use cases then check the role on the record itself
 * (the assigned handler of this case, the reporter of this case, an owner of this team…).
 * `test/security/authorizationMatrix.test.ts` walks every role against every entry.
 */

/** Who a caller can be. */
export const ACCESS_ROLES = [
  /** Any signed-in member of the tenant: in their 1:1 chat with the bot, or in the tab with a valid Entra token (locally: the developer sign-in). */
  'staff',
  /** The reporter of the case: by their Teams user (named, confidential) or by reference + secret (anonymous). */
  'caseReporter',
  /** The handler the case is assigned to now (never someone routing excluded). */
  'assignedHandler',
  /** A coordinator of a unit: handover of the cases of people in their units, agenda settings of their units' teams, digests. */
  'unitCoordinator',
  /** An owner of the team (Microsoft Graph or the directory file). */
  'teamOwner',
  /** Anyone in the team's channel. */
  'teamMember',
  /** The owner of an agreed team action. */
  'actionOwner',
  /** Teams' Bot Connector, with a valid Bot Framework / Entra token for this app (production), or anyone on loopback (local mode). */
  'botConnector',
  /** Anyone who can reach the URL (liveness only: no data). */
  'anyone',
  /** A developer on loopback in local mode (the route does not exist in production). */
  'localDeveloper',
] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** Where an entry may be used. */
export type AccessScope = 'personalChat' | 'teamChannel' | 'http';

export interface AccessRule {
  scope: AccessScope;
  roles: readonly AccessRole[];
}

/** Card verbs (`Action.Execute`). */
export const VERB_ACCESS = {
  showMyCases: { scope: 'personalChat', roles: ['staff'] },
  showWelcome: { scope: 'personalChat', roles: ['staff'] },
  refreshCase: { scope: 'personalChat', roles: ['assignedHandler'] },
  acknowledgeCase: { scope: 'personalChat', roles: ['assignedHandler'] },
  consentExtension: { scope: 'personalChat', roles: ['caseReporter'] },
  giveFeedback: { scope: 'personalChat', roles: ['caseReporter'] },
  openTeamSettings: { scope: 'teamChannel', roles: ['teamMember'] },
  saveTeamSettings: { scope: 'teamChannel', roles: ['teamOwner', 'unitCoordinator'] },
  topicDiscussed: { scope: 'teamChannel', roles: ['teamMember'] },
  topicOther: { scope: 'teamChannel', roles: ['teamMember'] },
  topicSkipped: { scope: 'teamChannel', roles: ['teamMember'] },
  actionDone: { scope: 'personalChat', roles: ['actionOwner'] },
  actionNewDate: { scope: 'personalChat', roles: ['actionOwner'] },
  refreshAction: { scope: 'personalChat', roles: ['actionOwner'] },
  // Aftercare: stops the check-ins of the reporter's own closed case (`stopCheckIns` checks the reporter on the case).
  stopCheckIns: { scope: 'personalChat', roles: ['caseReporter'] },
} as const satisfies Record<string, AccessRule>;

/** Dialogs (task modules): report content is only ever shown here, so all are 1:1-chat only. */
export const DIALOG_ACCESS = {
  wizard: { scope: 'personalChat', roles: ['staff'] },
  anonymousStatus: { scope: 'personalChat', roles: ['staff'] },
  // Anyone hands over their own open cases (a commander changing post; none, when they have none); only a unit
  // coordinator may choose someone else's, which the use case checks (`handOverCases`). The successor, per case:
  // holds the case's role for its unit or above and is not excluded (`successorUnitFor`), never the one handing
  // over, and for a non-coordinator within their unit tree (`isInUnitTree`); the answer is counts only.
  handover: { scope: 'personalChat', roles: ['staff'] },
  caseDetails: { scope: 'personalChat', roles: ['assignedHandler'] },
  caseUpdate: { scope: 'personalChat', roles: ['assignedHandler'] },
  caseQuestion: { scope: 'personalChat', roles: ['assignedHandler'] },
  // The new handler under the handover's rules (`reassignCase`: role for the unit, not excluded, not themself).
  caseReassign: { scope: 'personalChat', roles: ['assignedHandler'] },
  caseClose: { scope: 'personalChat', roles: ['assignedHandler'] },
  caseExtend: { scope: 'personalChat', roles: ['assignedHandler'] },
  // Only confidential cases, and not while a request waits: the use case checks (`requestReporterIdentity`).
  caseIdentity: { scope: 'personalChat', roles: ['assignedHandler'] },
  caseMessages: { scope: 'personalChat', roles: ['caseReporter'] },
  caseWithdraw: { scope: 'personalChat', roles: ['caseReporter'] },
  // A case's audit record (who did what, when; no content): a coordinator of the case's unit who is not excluded from it (`exportCaseAudit`).
  auditExport: { scope: 'personalChat', roles: ['unitCoordinator'] },
  // Counts of the cases in the units one coordinates, small numbers suppressed; no content (`coordinatorInsights`).
  insights: { scope: 'personalChat', roles: ['unitCoordinator'] },
  // Aftercare check-in of a closed case: its reporter, by Teams user (with the case id) or by reference + secret
  // (anonymous: opened without a case id, the form asks for both and shows nothing of any case).
  checkIn: { scope: 'personalChat', roles: ['caseReporter'] },
  // Lessons from closed cases: a coordinator of the lesson's unit level who may handle its case reviews it (`openLessonReview`, `reviewLesson`);
  // the dialog shows the lesson, its category and unit, never the case.
  lessonReview: { scope: 'personalChat', roles: ['unitCoordinator'] },
} as const satisfies Record<string, AccessRule>;

/** HTTP routes (method and path under /api). */
export const ROUTE_ACCESS = {
  'POST /api/messages': { scope: 'http', roles: ['botConnector'] },
  'GET /api/health': { scope: 'http', roles: ['anyone'] },
  'POST /api/dev/clock': { scope: 'http', roles: ['localDeveloper'] },
  // The Teams tab (bot/teams/tab): static files, then a JSON API for a signed-in caller (Entra token, or the developer sign-in locally).
  'GET /api/tab/ui/{file?}': { scope: 'http', roles: ['anyone'] },
  'GET /api/tab/me': { scope: 'http', roles: ['staff'] },
  // Only the caller's own cases: the use case lists by their reporter key (myReportsView).
  'GET /api/tab/my-reports': { scope: 'http', roles: ['staff'] },
  // The case dialog's answer / added information: the use case checks that the case is the caller's (openReporterCase, replyAsReporter).
  'POST /api/tab/my-reports/{caseId}/reply': { scope: 'http', roles: ['caseReporter'] },
  // An anonymous case by reference + secret (the status form's guessing limit; one refusal for every mismatch: anonymousCaseView).
  'POST /api/tab/anonymous-case': { scope: 'http', roles: ['staff'] },
  // The case dialog's answer for an anonymous case: whoever holds reference + secret (checked first, under the same
  // limit and with the same refusal as opening it: anonymousCaseView), then replyAsReporter with them.
  'POST /api/tab/anonymous-case/reply': { scope: 'http', roles: ['staff'] },
  // The withdraw dialog (with its confirmation) and the closing questions: the use cases check that the case is the caller's
  // (openReporterCase, then withdrawCase / giveFeedback); anyone else gets 404.
  'POST /api/tab/my-reports/{caseId}/withdraw': { scope: 'http', roles: ['caseReporter'] },
  'POST /api/tab/my-reports/{caseId}/feedback': { scope: 'http', roles: ['caseReporter'] },
  // The same for an anonymous case: whoever holds reference + secret (checked first, under the same limit and with the
  // same refusal as opening it: anonymousCaseView), then withdrawCase / giveFeedback with them.
  'POST /api/tab/anonymous-case/withdraw': { scope: 'http', roles: ['staff'] },
  'POST /api/tab/anonymous-case/feedback': { scope: 'http', roles: ['staff'] },
  // Only the agreed actions the caller owns: the use case lists by their owner key (myActionsView).
  'GET /api/tab/my-actions': { scope: 'http', roles: ['staff'] },
  // The action card's "done" and "new date": the use cases check the owner (ownActionView: anyone else 404; changeTeamAction).
  'POST /api/tab/my-actions/{actionId}/done': { scope: 'http', roles: ['actionOwner'] },
  'POST /api/tab/my-actions/{actionId}/new-date': { scope: 'http', roles: ['actionOwner'] },
  // Only the cases assigned to the caller: the use case lists by their handler key (myTasksView).
  'GET /api/tab/my-tasks': { scope: 'http', roles: ['staff'] },
  // The task card's acknowledge: the use case checks that the caller is this case's handler (acknowledgeCase).
  'POST /api/tab/my-tasks/{caseId}/acknowledge': { scope: 'http', roles: ['assignedHandler'] },
  // The task card's "open the case": its content for the assigned handler, the reading recorded in the case history as
  // from the dialog (openCaseDetails). A POST: it writes the audit trail, and nothing may prefetch or cache it.
  'POST /api/tab/my-tasks/{caseId}/open': { scope: 'http', roles: ['assignedHandler'] },
  // A handler form's case facts (reference, decision date, the lesson's unit levels): the assigned handler only, and
  // "ask who reported" only while she may ask (openHandlerForm).
  'GET /api/tab/my-tasks/{caseId}/forms/{form}': { scope: 'http', roles: ['assignedHandler'] },
  // The task card's update, question, pass on, close, postpone and ask who reported: the case dialog's forms and use
  // cases (runHandlerForm; each use case checks that the caller is the case's assigned handler and not excluded).
  'POST /api/tab/my-tasks/{caseId}/forms/{form}': { scope: 'http', roles: ['assignedHandler'] },
  // The teams the caller owns or whose unit (or a unit above it) they coordinate: schedule, postings, open actions;
  // nothing of any report. The use case decides and refuses anyone else (teamAgendaView: 403).
  'GET /api/tab/team-agenda': { scope: 'http', roles: ['teamOwner', 'unitCoordinator'] },
  // Counts of the cases in the units one coordinates, small numbers suppressed; no content (coordinatorInsights).
  'GET /api/tab/insights': { scope: 'http', roles: ['unitCoordinator'] },
  // The same figures as the dialog's CSV (coordinatorInsights, then cards/insights.ts): counts only, small numbers suppressed.
  'GET /api/tab/insights/csv': { scope: 'http', roles: ['unitCoordinator'] },
  // The developer sign-in's list of demo people: local mode only, never registered in production.
  'GET /api/tab/dev/people': { scope: 'http', roles: ['localDeveloper'] },
} as const satisfies Record<string, AccessRule>;

/** The tab's routes (static files and API). */
export type TabRoute = Extract<keyof typeof ROUTE_ACCESS, `${string} /api/tab/${string}`>;

/**
 * The local chat page (`local/chatPage`, `npm start` only): a stand-in for the Teams client on
 * loopback, and the Bot Connector endpoint it gives the bot as `serviceUrl`. Served by the local
 * host only without MicrosoftAppId; never registered in production (the Functions runtime does
 * not load `local/`). It reaches the bot only through `POST /api/messages`, as Teams does.
 */
export const LOCAL_PAGE_ACCESS = {
  'GET /': { scope: 'http', roles: ['localDeveloper'] },
  'GET /chat/{file}': { scope: 'http', roles: ['localDeveloper'] },
  'GET /chat/api/organisation': { scope: 'http', roles: ['localDeveloper'] },
  'GET /chat/api/messages': { scope: 'http', roles: ['localDeveloper'] },
  'POST /chat/api/open': { scope: 'http', roles: ['localDeveloper'] },
  'POST /chat/api/activity': { scope: 'http', roles: ['localDeveloper'] },
  'POST /chat/api/clock': { scope: 'http', roles: ['localDeveloper'] },
  'POST /connector/v3/conversations': { scope: 'http', roles: ['localDeveloper'] },
  'POST /connector/v3/conversations/{conversationId}/activities': { scope: 'http', roles: ['localDeveloper'] },
  'POST /connector/v3/conversations/{conversationId}/activities/{activityId}': { scope: 'http', roles: ['localDeveloper'] },
  'PUT /connector/v3/conversations/{conversationId}/activities/{activityId}': { scope: 'http', roles: ['localDeveloper'] },
  'DELETE /connector/v3/conversations/{conversationId}/activities/{activityId}': { scope: 'http', roles: ['localDeveloper'] },
  'GET /connector/v3/conversations/{conversationId}/pagedmembers': { scope: 'http', roles: ['localDeveloper'] },
  'GET /connector/v3/conversations/{conversationId}/members': { scope: 'http', roles: ['localDeveloper'] },
  'GET /connector/v3/conversations/{conversationId}/members/{userId}': { scope: 'http', roles: ['localDeveloper'] },
} as const satisfies Record<string, AccessRule>;

export type DeclaredVerb = keyof typeof VERB_ACCESS;
export type DeclaredDialog = keyof typeof DIALOG_ACCESS;

/** The rule of a verb, or undefined when it is not declared (refused). */
export function verbRule(verb: string): AccessRule | undefined {
  return Object.prototype.hasOwnProperty.call(VERB_ACCESS, verb) ? VERB_ACCESS[verb as DeclaredVerb] : undefined;
}

/** The rule of a dialog, or undefined when it is not declared (refused). */
export function dialogRule(dialog: string): AccessRule | undefined {
  return Object.prototype.hasOwnProperty.call(DIALOG_ACCESS, dialog) ? DIALOG_ACCESS[dialog as DeclaredDialog] : undefined;
}
