import type { Locale } from '../bot/domain/locale';
import { DEFAULT_LESSON_DELAY_DAYS } from '../bot/domain/lessons/lesson';
import type { Category } from '../bot/domain/report';
import { caseFieldError } from './caseFieldError';
import type { FieldErrorData } from './fieldError';
import { formatNumber, t } from './i18n';
import template from './lessonReview.card.json';
import { renderCard, type AdaptiveCard } from './renderCard';

/**
 * The coordinator's review of a proposed lesson, in a dialog: the lesson's text (editable), its
 * category and unit level, and approve / hold / reject. Never the case: no reference, no names.
 */
export interface LessonReviewView {
  locale: Locale;
  /** The lesson to review now; absent when none waits. */
  lesson?: { lessonId: string; text: string; category: Category; unitName: string; status: 'proposed' | 'held'; waiting: number };
  /** The lesson delay setting (days), for the note on when it is published. */
  delayDays?: number;
  /** What was just decided on the previous lesson. */
  done?: 'approved' | 'rejected' | 'held';
  /** Input `lessonText` → locale key under `validation.` */
  errors: Partial<Record<'lessonText', string>>;
}

interface LessonReviewData {
  lang: Locale;
  hasDone: boolean;
  doneText: string;
  hasLesson: boolean;
  lesson: { lessonId: string; text: string; category: string; unitName: string; status: string };
  lessonText: FieldErrorData;
  text: Record<
    'title' | 'none' | 'waiting' | 'categoryLabel' | 'unitLabel' | 'statusLabel' | 'textLabel' | 'anonymityNote' | 'publishNote' | 'approve' | 'hold' | 'reject' | 'close',
    string
  >;
}

const DONE_KEYS = { approved: 'lessons.review.doneApproved', rejected: 'lessons.review.doneRejected', held: 'lessons.review.doneHeld' } as const;

/** Renders the lesson review dialog (buttons send `vm: { dialog: 'lessonReview', nav: 'submit', lessonId }` and `decision`). */
export function renderLessonReview(view: LessonReviewView): AdaptiveCard {
  const l = view.locale;
  const lesson = view.lesson;
  const data: LessonReviewData = {
    lang: l,
    hasDone: view.done !== undefined,
    doneText: view.done ? t(l, DONE_KEYS[view.done]) : '',
    hasLesson: lesson !== undefined,
    lesson: {
      lessonId: lesson?.lessonId ?? '',
      text: lesson?.text ?? '',
      category: lesson ? t(l, `categories.${lesson.category}.title`) : '',
      unitName: lesson?.unitName ?? '',
      status: lesson ? t(l, lesson.status === 'held' ? 'lessons.review.statusHeld' : 'lessons.review.statusProposed') : '',
    },
    lessonText: caseFieldError(l, view.errors.lessonText),
    text: {
      title: t(l, 'lessons.review.title'),
      none: t(l, 'lessons.review.none'),
      waiting: t(l, 'lessons.review.waiting', { count: formatNumber(lesson?.waiting ?? 0, l) }),
      categoryLabel: t(l, 'lessons.review.categoryLabel'),
      unitLabel: t(l, 'lessons.review.unitLabel'),
      statusLabel: t(l, 'lessons.review.statusLabel'),
      textLabel: t(l, 'lessons.review.textLabel'),
      anonymityNote: t(l, 'lessons.review.anonymityNote'),
      publishNote: t(l, 'lessons.review.publishNote', { days: formatNumber(view.delayDays ?? DEFAULT_LESSON_DELAY_DAYS, l) }),
      approve: t(l, 'lessons.review.approve'),
      hold: t(l, 'lessons.review.hold'),
      reject: t(l, 'lessons.review.reject'),
      close: t(l, 'lessons.review.close'),
    },
  };
  return renderCard(template, data);
}
