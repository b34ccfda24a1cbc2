import { insightsCsv } from '../../../cards/insights';
import { changeTeamAction } from '../../app/agenda/changeTeamAction';
import { acknowledgeCase } from '../../app/cases/acknowledgeCase';
import { openCaseDetails } from '../../app/cases/openCaseDetails';
import { HANDLER_FORM_NAMES, openHandlerForm, reopenHandlerForm, type HandlerFormName } from '../../app/cases/openHandlerForm';
import { giveFeedback } from '../../app/reporter/giveFeedback';
import { withdrawCase } from '../../app/reporter/withdrawCase';
import { myActionsView, ownActionView } from '../../app/tab/myActionsView';
import { openReporterCase } from '../../app/reporter/openReporterCase';
import { replyAsReporter } from '../../app/reporter/replyAsReporter';
import { anonymousCaseView } from '../../app/tab/anonymousCaseView';
import { myReportsView, myReportView, type MyReportView } from '../../app/tab/myReportsView';
import { myTaskView, myTasksView } from '../../app/tab/myTasksView';
import { teamAgendaView } from '../../app/tab/teamAgendaView';
import { coordinatorInsights } from '../../app/insights/coordinatorInsights';
import { tabViewsFor } from '../../app/tab/tabViewsFor';
import { runThenDeliverOwn } from '../../app/outbox/turnOutbox';
import { INSIGHTS_PERIODS, insightsPeriod, type InsightsPeriodName } from '../../domain/insights/insightsPeriod';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import { TabTokenRejected, type TabCaller } from '../../security/entraTabTokenVerifier';
import { ROUTE_ACCESS, type AccessRole, type TabRoute } from '../accessTable';
import type { BotServices } from '../botServices';
import { opaqueIdSchema } from '../opaqueIdSchema';
import { parseForm } from '../parseForm';
import { runHandlerForm } from '../handlerForms';
import { TAB_FORM_INPUTS } from './tabFormInputs';
import { taskCaseDetails } from './taskCaseDetails';

/** The tab's JSON routes (the static files have their own function). */
export type TabApiRoute = Exclude<TabRoute, 'GET /api/tab/ui/{file?}'>;

/** One call to the tab API, as the Functions entry point parsed it. */
export interface TabApiRequest {
  authorization?: string;
  params: Readonly<Record<string, string | undefined>>;
  /** Query parameters (only `period`, of the insights, is read). */
  query?: Readonly<Record<string, string | undefined>>;
  /** A POST's JSON body, parsed (undefined when absent or not JSON: the form's schema refuses it). */
  body?: unknown;
}

/** Every answer: a status and a JSON body; errors as `{ error: <code> }`. A download has its file instead. */
export interface TabApiResponse {
  status: number;
  body: Record<string, unknown>;
  /** A file to download (the insights' CSV): sent as it is, with its name. */
  file?: { contentType: string; name: string; text: string };
}

/** The signed-in person. */
interface Caller {
  userId: string;
  name: string;
  via: 'entra' | 'developer';
}

export interface TabApiOptions {
  /** Verifies a tab token (Entra SSO); absent when TAB_APP_ID_URI or the tenant is not configured. */
  verifyToken?: (token: string) => Promise<TabCaller>;
  /** Local mode only: the demo directory's people, for the developer sign-in (`Authorization: Developer <object id>`). */
  developerPeople?: () => readonly { aadObjectId: string; name: string }[];
}

export interface TabApi {
  handle(route: TabApiRoute, request: TabApiRequest): Promise<TabApiResponse>;
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RouteHandler = (caller: Caller | undefined, request: TabApiRequest) => Promise<TabApiResponse>;

/**
 * The tab's API: signs the caller in (an Entra token from Teams, or locally the developer
 * sign-in), calls one use case and answers JSON. Who may call a route is the access table's
 * (a route for `staff` needs a signed-in caller; `localDeveloper` exists only with the developer
 * sign-in); what a caller may see or do on a case is the use case's. Nothing of a request is
 * logged but codes.
 */
export function createTabApi(services: BotServices, options: TabApiOptions): TabApi {
  const handlers: Record<TabApiRoute, RouteHandler> = {
    'GET /api/tab/me': async (caller) => ok({ name: caller!.name, signIn: caller!.via, views: await tabViewsFor(services, caller!.userId) }),
    'GET /api/tab/my-reports': async (caller) => ok({ reports: await myReportsView(services, caller!.userId) }),
    'GET /api/tab/my-tasks': async (caller) => ok({ tasks: await myTasksView(services, caller!.userId) }),
    'POST /api/tab/my-reports/{caseId}/reply': async (caller, request) => {
      const credentials = { kind: 'user', userId: caller!.userId, caseId: idParam(request, 'caseId') } as const;
      // As the case dialog: the caller's own case first (anyone else's: 404, whatever they sent), then the text;
      // with an open question it is the answer, otherwise added information. The handler's task card is queued with it.
      const { openQuestion } = await openReporterCase(services, credentials);
      const { message } = parseForm(TAB_FORM_INPUTS.reply, request.body);
      const kind = openQuestion ? 'answer' : 'information';
      await runThenDeliverOwn(services, () => replyAsReporter(services, credentials, { kind, message }));
      return ok({ sent: kind, report: (await myReportView(services, caller!.userId, credentials.caseId)) ?? null });
    },
    'POST /api/tab/anonymous-case': async (caller, request) => withAnonymousCase(caller!, request),
    // As the status dialog: reference + secret first, then the text (an answer to an open question, else information).
    'POST /api/tab/anonymous-case/reply': async (caller, request) =>
      withAnonymousCase(caller!, request, async (typed, report) => {
        const { message } = parseForm(TAB_FORM_INPUTS.reply, request.body);
        const kind = report.openQuestion ? 'answer' : 'information';
        await runThenDeliverOwn(services, () => replyAsReporter(services, { kind: 'secret', ...typed }, { kind, message }));
        return { sent: kind };
      }),
    'POST /api/tab/my-reports/{caseId}/withdraw': async (caller, request) => {
      const credentials = { kind: 'user', userId: caller!.userId, caseId: idParam(request, 'caseId') } as const;
      // As the withdraw dialog: the caller's own case first (anyone else's: 404), then the confirmation it asks for.
      await openReporterCase(services, credentials);
      parseForm(TAB_FORM_INPUTS.withdraw, request.body);
      // The handler's task card ("withdrawn") and the reporter's confirmation are queued with the change and sent right after it.
      await runThenDeliverOwn(services, () => withdrawCase(services, credentials));
      return ok({ report: await ownReport(caller!.userId, credentials.caseId) });
    },
    'POST /api/tab/my-reports/{caseId}/feedback': async (caller, request) => {
      const credentials = { kind: 'user', userId: caller!.userId, caseId: idParam(request, 'caseId') } as const;
      // As the feedback card: the caller's own closed case, once (the use case refuses an open case or a second time: 409).
      await openReporterCase(services, credentials);
      await giveFeedback(services, credentials, parseForm(TAB_FORM_INPUTS.feedback, request.body));
      return ok({ report: await ownReport(caller!.userId, credentials.caseId) });
    },
    'POST /api/tab/anonymous-case/withdraw': async (caller, request) =>
      withAnonymousCase(caller!, request, async (typed) => {
        parseForm(TAB_FORM_INPUTS.withdraw, request.body);
        await runThenDeliverOwn(services, () => withdrawCase(services, { kind: 'secret', ...typed }));
      }),
    'POST /api/tab/anonymous-case/feedback': async (caller, request) =>
      withAnonymousCase(caller!, request, async (typed) => {
        await giveFeedback(services, { kind: 'secret', ...typed }, parseForm(TAB_FORM_INPUTS.feedback, request.body));
      }),
    'GET /api/tab/my-actions': async (caller) => ok({ actions: await myActionsView(services, caller!.userId) }),
    'POST /api/tab/my-actions/{actionId}/done': async (caller, request) => {
      const actionId = idParam(request, 'actionId');
      // The caller's own action first (anyone else's: 404, nothing changes), then the action card's "done".
      await ownActionView(services, actionId, caller!.userId);
      await changeTeamAction(services, actionId, caller!.userId, { kind: 'done' });
      return ok({ action: await ownActionView(services, actionId, caller!.userId) });
    },
    'POST /api/tab/my-actions/{actionId}/new-date': async (caller, request) => {
      const actionId = idParam(request, 'actionId');
      await ownActionView(services, actionId, caller!.userId);
      // Parsed as the action card's form; the use case checks a real date, today or later (400 per field).
      const { newDate } = parseForm(TAB_FORM_INPUTS.actionNewDate, request.body);
      await changeTeamAction(services, actionId, caller!.userId, { kind: 'newDate', date: newDate });
      return ok({ action: await ownActionView(services, actionId, caller!.userId) });
    },
    'POST /api/tab/my-tasks/{caseId}/acknowledge': async (caller, request) => {
      const caseId = idParam(request, 'caseId');
      // As the card verb does: the notice to the reporter is queued with the change and sent right after it.
      await runThenDeliverOwn(services, () => acknowledgeCase(services, caseId, caller!.userId));
      return ok({ task: (await myTaskView(services, caller!.userId, caseId)) ?? null });
    },
    // As the task card's "open the case": the use case checks the handler and records the reading in the case history.
    'POST /api/tab/my-tasks/{caseId}/open': async (caller, request) =>
      ok({ details: taskCaseDetails(await openCaseDetails(services, idParam(request, 'caseId'), caller!.userId)) }),
    'GET /api/tab/my-tasks/{caseId}/forms/{form}': async (caller, request) => {
      const form = await openHandlerForm(services, { caseId: idParam(request, 'caseId'), form: formParam(request) }, caller!.userId);
      return ok({ form: { caseId: form.caseId, reference: form.reference, decisionDueAt: form.decisionDueAt ?? null, categories: form.categories, lessonUnits: form.lessonUnits } });
    },
    'POST /api/tab/my-tasks/{caseId}/forms/{form}': async (caller, request) => {
      const caseId = idParam(request, 'caseId');
      const form = formParam(request);
      // Only the assigned handler gets as far as the form (anyone else: 403, whatever they sent); then the case dialog's
      // form and use case. What it tells the reporter (or the new handler) is queued with the change and sent right after it.
      await reopenHandlerForm(services, { caseId }, caller!.userId);
      const { done, extension } = await runThenDeliverOwn(services, () => runHandlerForm(services, form, caseId, caller!.userId, request.body));
      return ok({ done, ...(extension ? { extension } : {}), task: (await myTaskView(services, caller!.userId, caseId)) ?? null });
    },
    // The use case refuses anyone who owns no team and coordinates no unit (ForbiddenError: 403), as the insights do.
    'GET /api/tab/team-agenda': async (caller) => ok({ teams: await teamAgendaView(services, caller!.userId) }),
    'GET /api/tab/insights': async (caller, request) => {
      const name = periodOf(request);
      // The use case refuses anyone who coordinates no unit (ForbiddenError: 403); counts only, small numbers suppressed.
      const insights = await coordinatorInsights(services, caller!.userId, insightsPeriod(name, services.clock.now()));
      services.logger.info('insights.opened', { period: name, units: insights.units.length, via: 'tab' });
      return ok({ period: name, insights });
    },
    'GET /api/tab/insights/csv': async (caller, request) => {
      const name = periodOf(request);
      const insights = await coordinatorInsights(services, caller!.userId, insightsPeriod(name, services.clock.now()));
      services.logger.info('insights.exported', { period: name, units: insights.units.length, via: 'tab' });
      // The dialog's CSV (cards/insights.ts), with every detail; machine codes, so the language does not matter.
      const { period, total, months, units, agenda } = insights;
      const text = insightsCsv({ locale: 'nl', period: name, periodLabel: period.label, ...(period.lastMonth ? { lastMonth: period.lastMonth } : {}), total, months, units, agenda });
      return { status: 200, body: {}, file: { contentType: 'text/csv; charset=utf-8', name: `veilig-melden-inzicht-${period.label}.csv`, text } };
    },
    'GET /api/tab/dev/people': async () => ok({ people: options.developerPeople!().map((person) => ({ id: person.aadObjectId, name: person.name })) }),
  };

  const ownReport = async (userId: string, caseId: string) => (await myReportView(services, userId, caseId)) ?? null;

  /**
   * An anonymous case by reference + secret, and what `run` does on it: one answer for an unknown
   * reference and a wrong secret (so the form finds no references), counted against the guessing
   * limit; then the case as it is afterwards, with what `run` adds to the answer.
   */
  const withAnonymousCase = async (
    caller: Caller,
    request: TabApiRequest,
    run?: (typed: { reference: string; secret: string }, report: MyReportView) => Promise<Record<string, unknown> | void>,
  ): Promise<TabApiResponse> => {
    const typed = parseForm(TAB_FORM_INPUTS.anonymousCase, request.body);
    const found = await anonymousCaseView(services, caller.userId, typed);
    if (found.status === 'refused') return failure(404, 'reference_or_secret_wrong');
    if (found.status === 'blocked') return failure(429, 'too_many_attempts');
    if (!run) return ok({ report: found.report });
    const extra = (await run(typed, found.report)) ?? {};
    const after = await anonymousCaseView(services, caller.userId, typed);
    return ok({ ...extra, report: after.status === 'found' ? after.report : null });
  };

  const signIn = async (authorization: string | undefined): Promise<Caller | TabApiResponse> => {
    const [scheme, value, extra] = (authorization ?? '').trim().split(/\s+/);
    if (!value || extra !== undefined) return failure(401, 'sign_in_required');
    if (scheme.toLowerCase() === 'bearer') {
      if (!options.verifyToken) return failure(503, 'tab_not_configured');
      let objectId: string;
      try {
        ({ objectId } = await options.verifyToken(value));
      } catch (error) {
        if (!(error instanceof TabTokenRejected)) {
          services.logger.error('tab.sign_in_unavailable', { errorName: error instanceof Error ? error.name : typeof error });
          return failure(503, 'sign_in_unavailable');
        }
        services.logger.warn('tab.token_rejected', { reason: error.reason });
        return failure(401, 'invalid_token');
      }
      const person = await services.directory.getPerson(objectId);
      if (!person) return failure(403, 'not_in_directory');
      return { userId: objectId, name: person.name, via: 'entra' };
    }
    if (scheme.toLowerCase() === 'developer' && options.developerPeople && OBJECT_ID.test(value)) {
      const person = options.developerPeople().find((candidate) => candidate.aadObjectId === value);
      return person ? { userId: person.aadObjectId, name: person.name, via: 'developer' } : failure(401, 'invalid_token');
    }
    return failure(401, 'invalid_token');
  };

  return {
    async handle(route, request) {
      const roles: readonly AccessRole[] = ROUTE_ACCESS[route].roles;
      try {
        if (roles.includes('localDeveloper')) {
          if (!options.developerPeople) return failure(404, 'not_found');
          return await handlers[route](undefined, request);
        }
        const caller = await signIn(request.authorization);
        if (!('userId' in caller)) return caller;
        return await handlers[route](caller, request);
      } catch (error) {
        return errorResponse(services, route, error);
      }
    },
  };
}

/** The insights' period from the query (this quarter when none); another value is a 400. */
function periodOf(request: TabApiRequest): InsightsPeriodName {
  const name = request.query?.period ?? 'thisQuarter';
  if (!(INSIGHTS_PERIODS as readonly string[]).includes(name)) throw new ValidationError({ period: 'invalidValue' });
  return name as InsightsPeriodName;
}

/** A route's id parameter, checked as an opaque id (a malformed one is a 400, never a lookup). */
function idParam(request: TabApiRequest, name: 'caseId' | 'actionId'): string {
  const parsed = opaqueIdSchema.safeParse(request.params[name]);
  if (!parsed.success) throw new ValidationError({ [name]: 'invalidValue' });
  return parsed.data;
}

/** A handler form's name from the route: one of the case dialog's forms, any other is a route that does not exist (404). */
function formParam(request: TabApiRequest): HandlerFormName {
  const form = request.params.form;
  if (!(HANDLER_FORM_NAMES as readonly (string | undefined)[]).includes(form)) throw new NotFoundError('no such form');
  return form as HandlerFormName;
}

function ok(body: Record<string, unknown>): TabApiResponse {
  return { status: 200, body };
}

function failure(status: number, code: string): TabApiResponse {
  return { status, body: { error: code } };
}

/** A refusal of the use case as 4xx with its code; anything else is a fault: 500 with a correlation id, its text never shown. */
function errorResponse(services: BotServices, route: TabApiRoute, error: unknown): TabApiResponse {
  if (error instanceof NotFoundError) return failure(404, error.code);
  if (error instanceof ForbiddenError) return failure(403, error.code);
  // A bad form: each field's problem as a locale key under `validation.`, which the page shows next to the field.
  if (error instanceof ValidationError) return { status: 400, body: { error: error.code, fields: error.fields } };
  if (error instanceof DomainError) return failure(409, error.code);
  const correlationId = services.correlationId();
  services.logger.error('tab.failed', { route, correlationId, errorName: error instanceof Error ? error.name : typeof error });
  return { status: 500, body: { error: 'internal', correlationId } };
}
