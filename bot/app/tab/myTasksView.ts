import type { HandlerRole } from '../../domain/chooseRoute';
import type { CaseClock } from '../../domain/deadlines/caseClocks';
import { timeLeft } from '../../domain/deadlines/timeLeft';
import type { IdentityMode, RequestKind } from '../../domain/report';
import { isExcludedFromCase } from '../cases/caseAccess';
import { identityRequestStatus } from '../cases/identityRequestStatus';
import type { HandlerFormName } from '../cases/openHandlerForm';
import type { IntakeDependencies } from '../intake/intakeDependencies';
import type { CaseState } from '../../domain/caseLifecycle';
import type { CaseRecord } from '../cases/casePorts';
import type { PageRequest } from '../common/storePorts';

/** A running deadline of an assigned case, with the time left as the task card counts it. */
export interface TaskDeadline {
  clock: string;
  dueAt: string;
  overdue: boolean;
  /** Amsterdam calendar days to the due date: 0 today, negative when late. */
  calendarDaysLeft: number;
  workingDaysLeft?: number;
}

/** One case in the handler's "Mijn taken": what the task card shows (no report content). */
export interface MyTaskView {
  caseId: string;
  reference: string;
  kind: RequestKind;
  identity: IdentityMode;
  state: CaseState;
  role: HandlerRole | string;
  unitId?: string;
  /** The unit's name in the directory (the filter's label); absent when not known. */
  unitName?: string;
  receivedAt: string;
  deadlines: TaskDeadline[];
  /** The nearest running deadline (sort key); absent when none runs. */
  nearestDueAt?: string;
  /** The task card's first action: confirm receipt. */
  canAcknowledge: boolean;
  /**
   * The handler forms this case offers now, as the task card and the case dialog do: update,
   * question, pass on and close; postpone the decision for a klacht; ask who reported while this
   * handler of a confidential report may ask.
   */
  forms: HandlerFormName[];
}

const MAX_PAGES = 10;

/**
 * The open cases assigned to this person, nearest deadline first (cases without a running clock
 * last), each with its running clocks and time left. A case they are excluded from (a directory
 * change) is left out, as the task card would refuse it too.
 */
export async function myTasksView(deps: IntakeDependencies, userId: string): Promise<MyTaskView[]> {
  const handlerKey = deps.pseudonyms.pseudonym('user', userId);
  const records: CaseRecord[] = [];
  let page: PageRequest = { limit: 100 };
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const result = await deps.repos.cases.listOpenByHandler(handlerKey, page);
    records.push(...result.items.map((item) => item.value));
    if (!result.continuationToken) break;
    page = { limit: 100, continuationToken: result.continuationToken };
  }
  const now = deps.clock.now();
  const unitNames = new Map<string, string>();
  for (const unitId of new Set(records.map((record) => record.assignment?.unitId).filter((id): id is string => id !== undefined))) {
    const [unit] = await deps.directory.unitChain(unitId);
    if (unit) unitNames.set(unitId, unit.name);
  }
  return records
    .filter((record) => record.handlerKey === handlerKey && !isExcludedFromCase(deps, record, userId))
    .map((record) => taskViewOf(deps, record, handlerKey, now, unitNames.get(record.assignment?.unitId ?? '')))
    .sort((a, b) => (a.nearestDueAt ?? '9999').localeCompare(b.nearestDueAt ?? '9999') || a.receivedAt.localeCompare(b.receivedAt));
}

/**
 * One case of the handler's list (after a change from the tab), as the list shows it; undefined
 * when it is no longer theirs or no longer open (closed, passed on): one read, not the whole list.
 */
export async function myTaskView(deps: IntakeDependencies, userId: string, caseId: string): Promise<MyTaskView | undefined> {
  const handlerKey = deps.pseudonyms.pseudonym('user', userId);
  const record = (await deps.repos.cases.get(caseId))?.value;
  if (!record || record.isOpen !== true || record.handlerKey !== handlerKey || isExcludedFromCase(deps, record, userId)) return undefined;
  const [unit] = record.assignment?.unitId ? await deps.directory.unitChain(record.assignment.unitId) : [];
  return taskViewOf(deps, record, handlerKey, deps.clock.now(), unit?.name);
}

function taskViewOf(deps: IntakeDependencies, record: CaseRecord, handlerKey: string, now: Date, unitName: string | undefined): MyTaskView {
  const deadlines = (record.clocks ?? [])
    .filter((clock) => !clock.stoppedAt && clock.startedAt <= now.toISOString())
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((clock) => ({ clock: clock.clock, dueAt: clock.dueAt, ...timeLeft(clock as CaseClock, now, deps.calendar) }));
  return {
    caseId: record.id,
    reference: record.reference,
    kind: record.kind,
    identity: record.identity,
    state: record.state,
    role: record.assignment?.role ?? record.routing?.role ?? 'meldpunt',
    unitId: record.assignment?.unitId,
    unitName,
    receivedAt: record.receivedAt,
    deadlines,
    nearestDueAt: deadlines[0]?.dueAt,
    canAcknowledge: record.state === 'submitted',
    forms: formsOf(record, handlerKey),
  };
}

function formsOf(record: CaseRecord, handlerKey: string): HandlerFormName[] {
  return [
    'update',
    'question',
    'reassign',
    'close',
    ...(record.kind === 'complaint' ? (['extend'] as const) : []),
    ...(identityRequestStatus(record, handlerKey) === 'available' ? (['identity'] as const) : []),
  ];
}
