import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { assertAssignedHandler } from './caseAccess';
import { identityRequestStatus } from './identityRequestStatus';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { Category } from '../../domain/report';
import { lessonUnitsOf } from '../lessons/proposeLesson';
import type { CaseRecord } from './casePorts';

/** The forms the assigned handler opens from a case. */
export const HANDLER_FORM_NAMES = ['update', 'question', 'reassign', 'close', 'extend', 'identity'] as const;
export type HandlerFormName = (typeof HANDLER_FORM_NAMES)[number];

/** What a handler form shows besides what is typed: the case, and (a klacht) its current decision date. */
export interface HandlerFormCase {
  caseId: string;
  reference: string;
  decisionDueAt?: string;
  /** The case's categories (the close form's lesson starts with the first). */
  categories: Category[];
  /** The close form: the unit levels a lesson may apply to (the case's unit and above, nearest first). */
  lessonUnits: { id: string; name: string }[];
}

type FormDependencies = Pick<CaseDependencies, 'repos' | 'cipher' | 'pseudonyms' | 'exclusions' | 'directory' | 'settings'>;

async function assignedCase(deps: FormDependencies, caseId: string, handlerUserId: string): Promise<CaseRecord> {
  const stored = await deps.repos.cases.get(caseId);
  if (!stored) throw new NotFoundError('case');
  assertAssignedHandler(deps, stored.value, handlerUserId);
  return stored.value;
}

async function formCase(deps: FormDependencies, record: CaseRecord): Promise<HandlerFormCase> {
  const decision = record.clocks?.find((clock) => clock.clock === 'decision');
  return { caseId: record.id, reference: record.reference, decisionDueAt: decision?.dueAt, categories: record.categories, lessonUnits: await lessonUnitsOf(deps, record) };
}

/** Opens a handler form: only the assigned handler, and "ask who reported" only while this handler may ask. */
export async function openHandlerForm(deps: FormDependencies, command: { caseId: string; form: HandlerFormName }, handlerUserId: string): Promise<HandlerFormCase> {
  const record = await assignedCase(deps, command.caseId, handlerUserId);
  if (command.form === 'identity' && identityRequestStatus(record, record.handlerKey!) !== 'available') throw new ForbiddenError('identity request not possible now');
  return formCase(deps, record);
}

/** The case behind a form that comes back with errors: again only for its assigned handler. */
export async function reopenHandlerForm(deps: FormDependencies, command: { caseId: string }, handlerUserId: string): Promise<HandlerFormCase> {
  return formCase(deps, await assignedCase(deps, command.caseId, handlerUserId));
}
