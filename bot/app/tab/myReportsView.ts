import type { HandlerRole } from '../../domain/chooseRoute';
import type { ClockKind } from '../../domain/deadlines/deadlinePolicies';
import type { IdentityMode, RequestKind } from '../../domain/report';
import { readCaseMessages } from '../cases/caseMessages';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseState } from '../../domain/caseLifecycle';
import type { CaseMessage, CaseRecord } from '../cases/casePorts';
import { reporterRoute } from '../intake/reporterRoute';

/** The steps of a case a reporter is shown, in the order they can happen. */
export const REPORT_STEPS = ['received', 'acknowledged', 'message', 'extended', 'feedback', 'closed', 'withdrawn'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** One step of the timeline: what happened, when; `message` steps point into `messages`. */
export interface ReportTimelineStep {
  step: ReportStep;
  at: string;
  /** For `message`: the index in `messages`. */
  messageIndex?: number;
}

/** One of the reporter's own cases as the tab's "Mijn meldingen" shows it: never who handles it, only the role. */
export interface MyReportView {
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  state: CaseState;
  receivedAt: string;
  route: HandlerRole;
  /** What comes next and by when (none once closed). */
  next?: { clock: ClockKind; dueAt: string; overdue: boolean };
  timeline: ReportTimelineStep[];
  /** The thread between handler and reporter, oldest first. */
  messages: CaseMessage[];
  openQuestion: boolean;
  outcome?: CaseRecord['outcome'];
  /** The withdraw dialog's condition: any case not closed yet. */
  canWithdraw: boolean;
  /** The closing questions wait: closed, and not answered yet. */
  askFeedback: boolean;
}

/** History events the reporter may see on their timeline (others are the handlers' and the system's own). */
const VISIBLE_EVENTS: Readonly<Record<string, ReportStep>> = {
  acknowledged: 'acknowledged',
  decision_extended: 'extended',
  feedback_given: 'feedback',
  closed: 'closed',
  withdrawn: 'withdrawn',
};

const MAX_CASES = 100;

/**
 * The reporter's own named and confidential cases, newest first, each with its timeline and its
 * messages. Anonymous cases are linked to nobody, so they never appear here (they open with
 * reference and secret). Only cases whose reporter key is this user's are read.
 */
export async function myReportsView(deps: IntakeDependencies, userId: string): Promise<MyReportView[]> {
  const { items } = await deps.repos.cases.listByReporter(deps.pseudonyms.pseudonym('user', userId), { limit: MAX_CASES });
  const now = deps.clock.now();
  return items.map((record) => reportViewOf(deps, record, now));
}

/** One of the reporter's own cases (after a change from the tab), or undefined when it is not theirs: one read, not the whole list. */
export async function myReportView(deps: IntakeDependencies, userId: string, caseId: string): Promise<MyReportView | undefined> {
  const stored = await deps.repos.cases.get(caseId);
  if (!stored?.value.reporterKey || stored.value.reporterKey !== deps.pseudonyms.pseudonym('user', userId)) return undefined;
  return reportViewOf(deps, stored.value, deps.clock.now());
}

/** One case as the reporter sees it in the tab (their own, or an anonymous one opened with reference + secret). */
export function reportViewOf(deps: IntakeDependencies, record: CaseRecord, now: Date): MyReportView {
  const messages = readCaseMessages(deps, record);
  const route = reporterRoute(record, now.toISOString());
  return {
    caseId: record.id,
    reference: record.reference,
    kind: record.kind,
    identity: record.identity,
    state: record.state,
    receivedAt: record.receivedAt,
    route: route.route,
    next: route.nextDeadline && { ...route.nextDeadline, overdue: Date.parse(route.nextDeadline.dueAt) < now.getTime() },
    timeline: timelineOf(record, messages),
    messages,
    openQuestion: record.openQuestion === true,
    outcome: record.outcome,
    canWithdraw: record.state !== 'closed',
    askFeedback: record.state === 'closed' && record.feedback === undefined,
  };
}

function timelineOf(record: CaseRecord, messages: readonly CaseMessage[]): ReportTimelineStep[] {
  const steps: ReportTimelineStep[] = [{ step: 'received', at: record.receivedAt }];
  for (const event of record.history) {
    const step = VISIBLE_EVENTS[event.type];
    if (step) steps.push({ step, at: event.at });
  }
  messages.forEach((message, messageIndex) => steps.push({ step: 'message', at: message.at, messageIndex }));
  // Stable: events at the same moment keep the order above (received first).
  return steps.map((step, order) => ({ step, order })).sort((a, b) => a.step.at.localeCompare(b.step.at) || a.order - b.order).map(({ step }) => step);
}
