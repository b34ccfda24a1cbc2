import type { Locale } from '../bot/domain/locale';
import { LESSON_TEXT_MAX_LENGTH } from '../bot/domain/textLimits';
import { CATEGORIES, type Category } from '../bot/domain/report';
import { caseFieldError } from './caseFieldError';
import type { FieldErrorData } from './fieldError';
import { formatNumber, t } from './i18n';

/** The close form's optional lesson (issue 15): what was typed, and the unit levels the handler may choose from. */
export interface CloseLessonView {
  /** Input `lessonText` (multiline, at most LESSON_TEXT_MAX_LENGTH). */
  text?: string;
  /** Input `lessonCategory` (ChoiceSet of CATEGORIES): current value; the case's first category when nothing was typed yet. */
  category?: Category;
  /** Input `lessonUnit`: current value (the case's unit when nothing was chosen yet). */
  unitId?: string;
  /** The case's unit and the units above it, nearest first. */
  units: { id: string; name: string }[];
}

/** Errors of the lesson's inputs: locale keys under `validation.` */
export type CloseLessonErrors = Partial<Record<'lessonText' | 'lessonCategory' | 'lessonUnit', string>>;

/** The card data of the lesson part of the close form. */
export interface CloseLessonData {
  /** Shown only in the close form, with the unit levels to choose from. */
  show: boolean;
  text: { value: string } & FieldErrorData;
  category: { value: string } & FieldErrorData;
  unit: { value: string } & FieldErrorData;
  categories: { title: string; value: string }[];
  units: { title: string; value: string }[];
  labels: Record<'heading' | 'anonymityNote' | 'reviewNote' | 'textLabel' | 'categoryLabel' | 'unitLabel' | 'maxLength', string>;
}

/** The lesson part of the close form as card data; empty choices when the form is not the close form. */
export function closeLessonData(locale: Locale, view: CloseLessonView | undefined, errors: CloseLessonErrors): CloseLessonData {
  const l = locale;
  return {
    show: (view?.units.length ?? 0) > 0,
    text: { value: view?.text ?? '', ...caseFieldError(l, errors.lessonText) },
    category: { value: view?.category ?? '', ...caseFieldError(l, errors.lessonCategory) },
    unit: { value: view?.unitId ?? view?.units[0]?.id ?? '', ...caseFieldError(l, errors.lessonUnit) },
    categories: CATEGORIES.map((category) => ({ title: t(l, `categories.${category}.title`), value: category })),
    units: (view?.units ?? []).map((unit) => ({ title: unit.name, value: unit.id })),
    labels: {
      heading: t(l, 'handler.action.close.lesson.heading'),
      anonymityNote: t(l, 'handler.action.close.lesson.anonymityNote'),
      reviewNote: t(l, 'handler.action.close.lesson.reviewNote'),
      textLabel: t(l, 'handler.action.close.lesson.textLabel'),
      categoryLabel: t(l, 'handler.action.close.lesson.categoryLabel'),
      unitLabel: t(l, 'handler.action.close.lesson.unitLabel'),
      maxLength: t(l, 'handler.action.maxLength', { max: formatNumber(LESSON_TEXT_MAX_LENGTH, l) }),
    },
  };
}
