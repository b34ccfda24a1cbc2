import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import { lessonIdentifies, type LessonDecision, type LessonStatus } from '../../domain/lessons/lesson';
import type { Category } from '../../domain/report';
import { mayHandleCase } from '../cases/caseAccess';
import { rememberCaseActor } from '../cases/caseActors';
import { isCoordinatorOf } from '../handover/handOverCases';
import type { CaseDependencies } from '../intake/intakeDependencies';
import type { CaseRecord } from '../cases/casePorts';
import type { Versioned } from '../common/storePorts';
import { updateCase } from '../cases/updateCase';
import { lessonTextContext } from './lessonRecord';
import { namesAroundCase } from './namesAroundCase';

/** A lesson as the reviewing coordinator sees it: its text, category and unit level; never the case (no reference, no names). */
export interface LessonForReview {
  lessonId: string;
  text: string;
  category: Category;
  unitName: string;
  status: 'proposed' | 'held';
  /** Lessons waiting for this coordinator, this one included. */
  waiting: number;
}

/** The coordinator's decision, parsed at the adapter; `text` is the (possibly edited) lesson, used on approval. */
export interface ReviewLessonCommand {
  lessonId: string;
  decision: LessonDecision;
  text: string;
}

const PAGE = 100;
const REVIEWABLE: readonly LessonStatus[] = ['proposed', 'held'];

/** The cases whose lesson waits for review and that this coordinator may review, proposed ones first (oldest first), then held ones. */
async function reviewableBy(deps: CaseDependencies, userId: string): Promise<Versioned<CaseRecord>[]> {
  const found: Versioned<CaseRecord>[] = [];
  for (const status of REVIEWABLE) {
    let continuationToken: string | undefined;
    do {
      const page = await deps.repos.cases.listByLessonStatus(status, { limit: PAGE, continuationToken });
      for (const entry of page.items) if (await mayReview(deps, entry.value, userId)) found.push(entry);
      continuationToken = page.continuationToken;
    } while (continuationToken);
  }
  return found;
}

/** A coordinator of the lesson's unit level (or above) who may handle the case (not excluded from it, not named as involved). */
async function mayReview(deps: CaseDependencies, record: CaseRecord, userId: string): Promise<boolean> {
  return record.lesson !== undefined && (await isCoordinatorOf(deps, userId, record.lesson.unitId)) && (await mayHandleCase(deps, record, userId));
}

async function assertCoordinator(deps: CaseDependencies, userId: string): Promise<void> {
  for (const unit of await deps.directory.allUnits()) if (await isCoordinatorOf(deps, userId, unit.id)) return;
  throw new ForbiddenError('lesson review: not a coordinator');
}

/**
 * The next lesson this coordinator may review (see reviewableBy), or `lessonId` when it still waits
 * for them; undefined when none waits.
 * Only for a coordinator: anyone else gets a ForbiddenError.
 */
export async function openLessonReview(deps: CaseDependencies, userId: string, lessonId?: string): Promise<LessonForReview | undefined> {
  await assertCoordinator(deps, userId);
  const waiting = await reviewableBy(deps, userId);
  // The lesson asked for (a form coming back with a warning) while it still waits, else the next one.
  const first = waiting.find((entry) => entry.value.lesson?.id === lessonId) ?? waiting[0];
  if (!first?.value.lesson) return undefined;
  const lesson = first.value.lesson;
  const unit = (await deps.directory.unitChain(lesson.unitId))[0];
  return {
    lessonId: lesson.id,
    text: deps.cipher.open<{ text: string }>('content', lesson.sealedText, lessonTextContext(first.value.id)).text,
    category: lesson.category,
    unitName: unit?.name ?? lesson.unitId,
    status: lesson.status === 'held' ? 'held' : 'proposed',
    waiting: waiting.length,
  };
}

/**
 * A coordinator's decision on a lesson: approve (with the text as they edited it: the same check
 * that nobody is recognisable, a ValidationError on `lessonText` otherwise), reject, or hold for
 * later. Only a coordinator who may review this lesson (see mayReview), and only while it waits:
 * anything else is "not found" and changes nothing. Nothing is published without approval.
 */
export async function reviewLesson(deps: CaseDependencies, command: ReviewLessonCommand, userId: string): Promise<LessonStatus> {
  await assertCoordinator(deps, userId);
  const target = (await reviewableBy(deps, userId)).find((entry) => entry.value.lesson?.id === command.lessonId);
  if (!target) throw new NotFoundError('lesson');
  const reviewerKey = deps.pseudonyms.pseudonym('user', userId);
  const reviewerName = (await deps.directory.getPerson(userId))?.name ?? '';
  const { result } = await updateCase(deps, target.value.id, async (record, now) => {
    const lesson = record.lesson;
    if (!lesson || lesson.id !== command.lessonId || !REVIEWABLE.includes(lesson.status)) throw new NotFoundError('lesson');
    const status: LessonStatus = command.decision === 'approve' ? 'approved' : command.decision === 'reject' ? 'rejected' : 'held';
    if (status === 'approved') {
      if (command.text === '') throw new ValidationError({ lessonText: 'lessonRequired' });
      const problem = lessonIdentifies(command.text, await namesAroundCase(deps, record, lesson.unitId), record.reference);
      if (problem) throw new ValidationError({ lessonText: problem });
      lesson.sealedText = deps.cipher.seal('content', { text: command.text }, lessonTextContext(record.id));
    }
    lesson.status = status;
    lesson.reviewedAt = now.toISOString();
    lesson.reviewerKey = reviewerKey;
    record.lessonStatus = status;
    // Cases whose lesson was proposed before `lessonId` existed get it now (the card's lookup by id).
    record.lessonId = lesson.id;
    rememberCaseActor(deps, record, { userId, name: reviewerName, role: 'coordinator' });
    record.history.push({ at: now.toISOString(), actor: reviewerKey, type: `lesson_${status}` });
    return { record, result: status };
  });
  deps.logger.info('lesson.reviewed', { status: result });
  return result;
}
