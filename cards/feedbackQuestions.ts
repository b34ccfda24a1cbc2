import type { Locale } from '../bot/domain/locale';
import { caseFieldError } from './caseFieldError';
import type { FieldErrorData } from './fieldError';
import { t } from './i18n';

/** The values a feedback answer can have (the plan's 1–5 scale). */
export const FEEDBACK_SCORES = ['1', '2', '3', '4', '5'] as const;

/** One of the two questions as card data: its label, its error and the five choices. */
export interface FeedbackQuestionData extends FieldErrorData {
  label: string;
}

/** The two evaluation questions, shared by the feedback chat card and the reporter's case dialog. */
export interface FeedbackQuestionsData {
  optional: string;
  choices: { title: string; value: string }[];
  takenSeriously: FeedbackQuestionData;
  wouldReportAgain: FeedbackQuestionData;
}

const CHOICE_KEYS = ['feedback.choice1', 'feedback.choice2', 'feedback.choice3', 'feedback.choice4', 'feedback.choice5'] as const;

/**
 * The plan's two evaluation questions ("did you feel taken seriously?", "would you report
 * again?"), each with the choices "1".."5" (1 = not at all, 5 = very much), the line that they are
 * optional and not shown to the handler, and the error under each when one is set.
 */
export function feedbackQuestions(locale: Locale, errors: Partial<Record<'takenSeriously' | 'wouldReportAgain', string>> = {}): FeedbackQuestionsData {
  return {
    optional: t(locale, 'feedback.optional'),
    choices: FEEDBACK_SCORES.map((value, i) => ({ value, title: t(locale, CHOICE_KEYS[i]) })),
    takenSeriously: { label: t(locale, 'feedback.takenSeriously'), ...caseFieldError(locale, errors.takenSeriously) },
    wouldReportAgain: { label: t(locale, 'feedback.wouldReportAgain'), ...caseFieldError(locale, errors.wouldReportAgain) },
  };
}
