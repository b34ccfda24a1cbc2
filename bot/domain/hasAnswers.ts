import type { ReportAnswers } from './report';

/**
 * Whether the reporter answered anything: a choice, a text, a date, or a question answered
 * "yes". A toggle left off is no answer. Only a draft with an answer is kept, and only such a
 * draft is announced as "your answers were kept".
 */
export function hasAnswers(answers: ReportAnswers): boolean {
  return Object.values(answers).some((value) => {
    if (value === undefined || value === false || value === '') return false;
    return !(Array.isArray(value) && value.length === 0);
  });
}
