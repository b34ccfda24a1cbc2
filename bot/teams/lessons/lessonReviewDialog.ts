import { z } from 'zod';
import { t } from '../../../cards/i18n';
import { renderLessonReview, type LessonReviewView } from '../../../cards/lessonReview';
import { openLessonReview, reviewLesson } from '../../app/lessons/reviewLessons';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { LESSON_DECISIONS, LESSON_TEXT_MAX_LENGTH, optionalLessonText } from '../../domain/lessons/lesson';
import type { BotServices } from '../botServices';
import type { ParsedDialogAction } from '../dialogAction';
import { dialogCard } from '../invokeResponses';
import { parseForm } from '../parseForm';
import type { TurnIdentity } from '../turnIdentity';

/** What the review dialog's buttons send besides `vm`: the decision, and (approve) the lesson as edited. */
const LESSON_REVIEW_INPUTS = z.object({
  decision: z.enum(LESSON_DECISIONS, { error: 'invalidChoice' }),
  // Hold and reject send no inputs.
  lessonText: optionalLessonText.optional(),
});

async function reviewDialog(services: BotServices, turn: TurnIdentity, extra: Pick<LessonReviewView, 'done' | 'errors'> & { typed?: { lessonId: string; text: string } }): Promise<object> {
  const lesson = await openLessonReview(services, turn.reporter.userId, extra.typed?.lessonId);
  // What was typed goes back only onto the lesson it was typed for.
  const shown = lesson && extra.typed?.lessonId === lesson.lessonId ? { ...lesson, text: extra.typed.text } : lesson;
  return dialogCard(
    t(turn.locale, 'dialog.lessonReviewTitle'),
    renderLessonReview({ locale: turn.locale, lesson: shown, delayDays: services.settings.lessonDelayDays, done: extra.done, errors: extra.errors }),
    'large',
  );
}

/**
 * `task/fetch` of the coordinators' lesson review ("lessen" in the chat, or the button on the
 * "a lesson to review" notice): the next lesson they may review. Someone who coordinates nothing
 * gets the use case's ForbiddenError (the generic "not allowed" dialog).
 */
export function fetchLessonReviewDialog(services: BotServices, turn: TurnIdentity): Promise<object> {
  return reviewDialog(services, turn, { errors: {} });
}

/**
 * `task/submit` of a review button: approve (with the edited text), hold or reject the lesson
 * named by `vm.lessonId`, then the next one. A text that could make someone recognisable comes
 * back with the message under the field and what was typed kept.
 */
export async function submitLessonReviewDialog(services: BotServices, turn: TurnIdentity, action: ParsedDialogAction, inputs: Record<string, unknown>): Promise<object> {
  if (!action.lessonId) throw new NotFoundError('no lesson in the dialog');
  const typed = typeof inputs.lessonText === 'string' ? { lessonId: action.lessonId, text: inputs.lessonText.slice(0, LESSON_TEXT_MAX_LENGTH * 2) } : undefined;
  try {
    const { decision, lessonText } = parseForm(LESSON_REVIEW_INPUTS, inputs);
    const status = await reviewLesson(services, { lessonId: action.lessonId, decision, text: lessonText ?? '' }, turn.reporter.userId);
    return reviewDialog(services, turn, { done: status === 'proposed' ? undefined : status, errors: {} });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reviewDialog(services, turn, { errors: { lessonText: error.fields.lessonText ?? error.fields.decision ?? 'invalidValue' }, typed });
  }
}
