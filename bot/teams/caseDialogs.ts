import { renderCaseDetails } from '../../cards/caseDetails';
import { formatDate, formatDateTime, t } from '../../cards/i18n';
import { renderHandlerAction } from '../../cards/handlerAction';
import { renderReporterCase } from '../../cards/reporterCase';
import type { CaseMessageLine } from '../../cards/caseThread';
import type { HandlerActionView } from '../../cards/handlerAction';
import type { HandlerOutcome } from '../domain/caseLifecycle';
import type { HandlerRole } from '../domain/chooseRoute';
import { CASE_MESSAGE_MAX_LENGTH } from '../domain/caseMessageText';
import { renderWithdraw } from '../../cards/withdraw';
import type { ReporterCredentials } from '../app/cases/caseAccess';
import { giveFeedback } from '../app/reporter/giveFeedback';
import { answerIdentityRequest } from '../app/reporter/answerIdentityRequest';
import { openHandlerForm, reopenHandlerForm, type HandlerFormCase } from '../app/cases/openHandlerForm';
import { openCaseDetails } from '../app/cases/openCaseDetails';
import { openReporterCase } from '../app/reporter/openReporterCase';
import type { CaseMessage } from '../app/cases/casePorts';
import { replyAsReporter } from '../app/reporter/replyAsReporter';
import { withdrawCase } from '../app/reporter/withdrawCase';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { Locale } from '../domain/locale';
import { CATEGORIES, type Category } from '../domain/report';
import type { BotServices } from './botServices';
import type { ParsedDialogAction } from './dialogAction';
import { dialogCard, dialogMessage } from './invokeResponses';
import { runHandlerForm, type HandlerFormDone } from './handlerForms';
import { parseForm } from './parseForm';
import { REPORTER_FORM_INPUTS } from './reporterForms';
import type { TurnIdentity } from './turnIdentity';

const HANDLER_FORMS = { caseUpdate: 'update', caseQuestion: 'question', caseReassign: 'reassign', caseClose: 'close', caseExtend: 'extend', caseIdentity: 'identity' } as const;
type HandlerForm = keyof typeof HANDLER_FORMS;

function isHandlerForm(dialog: string | undefined): dialog is HandlerForm {
  return dialog !== undefined && dialog in HANDLER_FORMS;
}

/**
 * Reporter credentials from a dialog's data: reference + secret for anonymous reporters, else the
 * Teams user and case id. Async because the guessing limit is read from the store (shared by all instances).
 */
export async function reporterCredentials(turn: TurnIdentity, action: ParsedDialogAction, services?: BotServices): Promise<ReporterCredentials> {
  if (action.reference && action.secret) {
    // Every dialog step with a secret counts against the same guessing limit as the status form.
    if (services && (await services.secretAttempts.isBlocked(services.pseudonyms.pseudonym('user', turn.reporter.userId)))) throw new NotFoundError('too many attempts');
    return { kind: 'secret', reference: action.reference, secret: action.secret };
  }
  if (!action.caseId) throw new NotFoundError('no case in the dialog');
  return { kind: 'user', userId: turn.reporter.userId, caseId: action.caseId };
}

/** A wrong reference + secret counts as a failed attempt (see AttemptLimiter); a store error while counting fails the request. */
async function countingSecretFailures<T>(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError && action.secret) await services.secretAttempts.recordFailure(services.pseudonyms.pseudonym('user', turn.reporter.userId));
    throw error;
  }
}

/** `task/fetch` of a case dialog: the content for the handler, a handler form, or the reporter's view. */
export function fetchCaseDialog(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction): Promise<object> {
  return countingSecretFailures(services, turn, action, () => fetchCaseDialogUnguarded(services, turn, action));
}

async function fetchCaseDialogUnguarded(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction): Promise<object> {
  const { locale } = turn;
  if (action.dialog === 'caseDetails') return caseDetailsDialog(services, turn, action.caseId ?? '');
  if (isHandlerForm(action.dialog)) {
    const form = await openHandlerForm(services, { caseId: action.caseId ?? '', form: HANDLER_FORMS[action.dialog] }, turn.reporter.userId);
    return handlerForm(locale, {
      caseId: form.caseId,
      reference: form.reference,
      action: HANDLER_FORMS[action.dialog],
      currentDue: decisionDue(form, locale),
      lesson: { category: form.categories[0], units: form.lessonUnits },
      errors: {},
    });
  }
  if (action.dialog === 'caseWithdraw') {
    const { record } = await openReporterCase(services, await reporterCredentials(turn, action, services));
    return dialogCard(t(locale, 'dialog.reporterCaseTitle'), renderWithdraw({ locale, caseId: action.secret ? undefined : record.id, reference: record.reference, secret: action.secret }), 'medium');
  }
  return reporterCaseDialog(services, turn, await reporterCredentials(turn, action, services), action.secret);
}

/** `task/submit` of a case dialog. Invalid input re-shows the form with the message next to the field and what was typed kept. */
export function submitCaseDialog(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction, inputs: Record<string, unknown>): Promise<object | undefined> {
  return countingSecretFailures(services, turn, action, () => submitCaseDialogUnguarded(services, turn, action, inputs));
}

async function submitCaseDialogUnguarded(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction, inputs: Record<string, unknown>): Promise<object | undefined> {
  const { locale } = turn;
  if (action.nav === 'close') return undefined;
  const userId = turn.reporter.userId;
  const caseId = action.caseId ?? '';

  if (isHandlerForm(action.dialog)) {
    // A button inside another dialog (the case's "ask who reported") opens the form in its place.
    if (action.nav === 'next') return fetchCaseDialogUnguarded(services, turn, action);
    const form = HANDLER_FORMS[action.dialog];
    let done: HandlerFormDone;
    try {
      done = (await runHandlerForm(services, form, caseId, userId, inputs)).done;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const formCase = await reopenHandlerForm(services, { caseId }, userId);
      return handlerForm(locale, {
        caseId,
        reference: formCase.reference,
        action: form,
        message: typeof inputs.message === 'string' ? inputs.message.slice(0, CASE_MESSAGE_MAX_LENGTH) : undefined,
        targetRole: typeof inputs.targetRole === 'string' ? (inputs.targetRole as HandlerRole) : undefined,
        outcome: typeof inputs.outcome === 'string' ? (inputs.outcome as HandlerOutcome) : undefined,
        days: typeof inputs.days === 'string' || typeof inputs.days === 'number' ? String(inputs.days).slice(0, 10) : undefined,
        currentDue: decisionDue(formCase, locale),
        lesson: {
          text: typeof inputs.lessonText === 'string' ? inputs.lessonText.slice(0, CASE_MESSAGE_MAX_LENGTH) : undefined,
          category: isCategory(inputs.lessonCategory) ? inputs.lessonCategory : undefined,
          unitId: typeof inputs.lessonUnit === 'string' ? inputs.lessonUnit.slice(0, 100) : undefined,
          units: formCase.lessonUnits,
        },
        errors: error.fields as HandlerActionView['errors'],
      });
    }
    return dialogMessage(t(locale, `handler.done.${done}`));
  }

  const credentials = await reporterCredentials(turn, action, services);
  if (action.dialog === 'caseWithdraw') {
    // Unguarded: this call is already inside submitCaseDialog's count, so a wrong secret counts once.
    if (action.nav !== 'submit') return fetchCaseDialogUnguarded(services, turn, action);
    await withdrawCase(services, credentials);
    return dialogMessage(t(locale, 'reporter.withdrawn'));
  }

  // caseMessages: the answer to a request to know who they are (its own buttons, nothing typed) …
  if (inputs.identityAnswer !== undefined) {
    try {
      const answer = await answerIdentityRequest(services, credentials, parseForm(REPORTER_FORM_INPUTS.identityAnswer, inputs).identityAnswer);
      return reporterCaseDialog(services, turn, credentials, action.secret, { doneKey: answer === 'accept' ? 'reporter.identityAccepted' : 'reporter.identityRefused' });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reporterCaseDialog(services, turn, credentials, action.secret, { errors: error.fields });
    }
  }

  // … or an answer or added information, and/or the closing questions.
  const view = await openReporterCase(services, credentials);
  const field = view.openQuestion ? 'answer' : 'information';
  const typed = typeof inputs[field] === 'string' ? (inputs[field] as string) : '';
  try {
    if (view.askFeedback && (inputs.takenSeriously !== undefined || inputs.wouldReportAgain !== undefined)) {
      await giveFeedback(services, credentials, parseForm(REPORTER_FORM_INPUTS.feedback, inputs));
    }
    if (typed.trim() !== '') {
      const message = field === 'answer' ? parseForm(REPORTER_FORM_INPUTS.answer, { answer: typed }).answer : parseForm(REPORTER_FORM_INPUTS.information, { information: typed }).information;
      await replyAsReporter(services, credentials, { kind: field, message });
    }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reporterCaseDialog(services, turn, credentials, action.secret, { errors: error.fields, typed: { [field]: typed } });
  }
  return reporterCaseDialog(services, turn, credentials, action.secret, { doneKey: 'reporter.sent' });
}

async function caseDetailsDialog(services: BotServices, turn: TurnIdentity, caseId: string): Promise<object> {
  const { locale } = turn;
  const details = await openCaseDetails(services, caseId, turn.reporter.userId);
  const record = details.record;
  return dialogCard(
    t(locale, 'dialog.caseTitle'),
    renderCaseDetails({
      locale,
      caseId: record.id,
      reference: record.reference,
      kind: record.kind,
      identity: record.identity,
      state: record.state,
      categories: details.categories,
      receivedOn: formatDate(new Date(record.receivedAt), locale),
      reporterName: details.reporterName,
      identityRequest: details.identityRequest,
      involved: details.involved,
      incidentDate: details.incidentDate,
      location: details.location,
      description: details.description,
      wantsCounsellorContact: details.wantsCounsellorContact,
      immediateDanger: details.immediateDanger,
      routingReasonKey: `routing.${record.routing?.rule ?? 'r8_line'}`,
      messages: messageLines(details.messages, locale),
      history: details.history.map((event) => ({ at: formatDateTime(new Date(event.at), locale), eventKey: `history.${event.type}` })),
    }),
  );
}

/** The current decision date of a klacht, for the extension form. */
function decisionDue(form: HandlerFormCase, locale: Locale): string | undefined {
  return form.decisionDueAt ? formatDateTime(new Date(form.decisionDueAt), locale) : undefined;
}

function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

function handlerForm(locale: Locale, view: Omit<HandlerActionView, 'locale'>): object {
  return dialogCard(t(locale, 'dialog.caseTitle'), renderHandlerAction({ locale, ...view }), 'medium');
}

/** The reporter's case in a dialog (after reference + secret, for anonymous reporters). */
export async function reporterCaseDialog(
  services: BotServices,
  turn: TurnIdentity,
  credentials: ReporterCredentials,
  secret: string | undefined,
  extra: { errors?: Record<string, string>; typed?: Record<string, string>; doneKey?: string } = {},
): Promise<object> {
  const { locale } = turn;
  const view = await openReporterCase(services, credentials);
  return dialogCard(
    t(locale, 'dialog.reporterCaseTitle'),
    renderReporterCase({
      locale,
      caseId: secret ? undefined : view.record.id,
      reference: view.record.reference,
      secret,
      state: view.record.state,
      messages: messageLines(view.messages, locale),
      openQuestion: view.openQuestion,
      canWithdraw: view.canWithdraw,
      askFeedback: view.askFeedback,
      identityRequestPending: view.identityRequestPending,
      errors: (extra.errors ?? {}) as never,
      doneKey: extra.doneKey,
    }),
  );
}

function messageLines(messages: CaseMessage[], locale: Locale): CaseMessageLine[] {
  return messages.map((message) => ({ from: message.from, kind: message.kind, at: formatDateTime(new Date(message.at), locale), text: message.text }));
}
