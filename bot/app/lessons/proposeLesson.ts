import { ValidationError } from '../../domain/errors';
import { toLocale } from '../../domain/locale';
import { lessonIdentifies } from '../../domain/lessons/lesson';
import type { Category } from '../../domain/report';
import { mayHandleCase } from '../cases/caseAccess';
import { userRecipient } from '../cases/caseParties';
import { enqueueNotification } from '../outbox/enqueueNotification';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import { randomId } from '../common/randomId';
import { lessonTextContext } from './lessonRecord';
import { namesAroundCase } from './namesAroundCase';

/** A lesson typed in the close form (parsed at the adapter): in the handler's own words, with its category and unit level. */
export interface LessonProposal {
  text: string;
  category: Category;
  unitId: string;
}

/** The unit levels a lesson of this case may apply to: the case's unit and the units above it (nearest first). */
export async function lessonUnitsOf(deps: Pick<CaseDependencies, 'directory' | 'settings'>, record: CaseRecord): Promise<{ id: string; name: string }[]> {
  return (await deps.directory.unitChain(record.unitId ?? deps.settings.centralUnitId)).map((unit) => ({ id: unit.id, name: unit.name }));
}

/**
 * Adds the handler's lesson to the case being closed (in memory, written with the closing): the
 * text sealed, status `proposed`, a history entry without content, and to each coordinator of the
 * lesson's unit level who is not excluded from the case a content-free notice that a lesson
 * waits for review. Refuses (ValidationError on the field, nothing changed) a unit level that is
 * not the case's unit or above, and a text with the case's reference or the name of someone
 * around the case (see namesAroundCase): a lesson must not make anyone recognisable.
 */
export async function proposeLesson(deps: CaseDependencies, record: CaseRecord, proposal: LessonProposal, now: Date): Promise<void> {
  if (!(await lessonUnitsOf(deps, record)).some((unit) => unit.id === proposal.unitId)) throw new ValidationError({ lessonUnit: 'lessonUnitNotAllowed' });
  const problem = lessonIdentifies(proposal.text, await namesAroundCase(deps, record, proposal.unitId), record.reference);
  if (problem) throw new ValidationError({ lessonText: problem });
  const at = now.toISOString();
  record.lesson = {
    id: randomId(deps),
    status: 'proposed',
    category: proposal.category,
    unitId: proposal.unitId,
    sealedText: deps.cipher.seal('content', { text: proposal.text }, lessonTextContext(record.id)),
    proposedAt: at,
  };
  record.lessonStatus = 'proposed';
  record.lessonId = record.lesson.id;
  record.history.push({ at, actor: record.handlerKey!, type: 'lesson_proposed' });
  for (const coordinator of (await deps.directory.holdersOfRole('coordinator', proposal.unitId)).people) {
    if (!(await mayHandleCase(deps, record, coordinator))) continue;
    const locale = toLocale((await deps.directory.getPerson(coordinator))?.locale);
    enqueueNotification(deps, record, userRecipient(deps, coordinator), { type: 'lessonToReview', locale }, now);
  }
}
