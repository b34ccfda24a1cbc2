import type { Locale } from '../bot/domain/locale';
import template from './feedback.card.json';
import { feedbackQuestions, type FeedbackQuestionsData } from './feedbackQuestions';
import { t } from './i18n';
import { renderCard, type AdaptiveCard } from './renderCard';

/**
 * After closing, in a named/confidential reporter's chat: the two optional evaluation questions
 * (1–5) with `Action.Execute` verb `giveFeedback`, `data: { caseId }`. Replaced in place by a
 * thank-you (`answered: true`). Anonymous reporters answer in their status dialog instead.
 */
export interface FeedbackView {
  locale: Locale;
  caseId: string;
  reference: string;
  answered: boolean;
  errors?: Partial<Record<'takenSeriously' | 'wouldReportAgain', string>>;
}

interface FeedbackData {
  lang: Locale;
  caseId: string;
  answered: boolean;
  questions: FeedbackQuestionsData;
  text: Record<'title' | 'intro' | 'send' | 'thanksTitle' | 'thanks' | 'support', string>;
}

/**
 * After a case is closed, in a named or confidential reporter's chat: the plan's two evaluation
 * questions (inputs `takenSeriously` and `wouldReportAgain`, values "1".."5"), explained as
 * optional and not shown to the handler, sent with `Action.Execute` verb `giveFeedback` and
 * `data: { caseId }`. An error is shown under its question. Once answered, the card is replaced
 * by a thank-you without inputs or buttons. The answers are scores only: nothing typed.
 */
export function renderFeedback(view: FeedbackView): AdaptiveCard {
  const l = view.locale;
  const data: FeedbackData = {
    lang: l,
    caseId: view.caseId,
    answered: view.answered,
    questions: feedbackQuestions(l, view.errors),
    text: {
      title: t(l, 'feedback.title'),
      intro: t(l, 'feedback.intro', { reference: view.reference }),
      send: t(l, 'feedback.send'),
      thanksTitle: t(l, 'feedback.thanksTitle'),
      thanks: t(l, 'feedback.thanks'),
      support: t(l, 'feedback.support'),
    },
  };
  return renderCard(template, data);
}
