import type { Locale } from '../../bot/domain/locale';
import { renderHandlerAction } from '../../cards/handlerAction';
import { renderLessonReview } from '../../cards/lessonReview';
import { renderNotice } from '../../cards/notice';
import type { AdaptiveCard } from '../../cards/renderCard';
import { handlerActionView } from './caseCardViews';
import type { RenderedCase } from './cardViews';

const UNITS = [
  { id: 'u-clas-11-inf', name: '11 Infanteriebataljon' },
  { id: 'u-clas-11', name: '11 Luchtmobiele Brigade' },
  { id: 'u-clas', name: 'Commando Landstrijdkrachten' },
  { id: 'u-defensie', name: 'Defensie' },
];

const LESSON = {
  lessonId: 'les-7Kq3mX2p',
  text: 'Spreek elkaar direct aan als grappen over iemand steeds terugkomen; wacht niet tot het iemand raakt.',
  category: 'bullying' as const,
  unitName: '11 Luchtmobiele Brigade',
  waiting: 3,
};

/** Lessons from closed cases: the close form with its lesson, the coordinator's notice and the review dialog in each state. */
export function lessonCards(locale: Locale): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const add = (template: string, surface: RenderedCase['surface'], name: string, card: AdaptiveCard) =>
    cases.push({ name: `${template} ${name} (${locale})`, card, locale, surface, wizard: false, template });
  add('handlerAction', 'dialog', 'close with a lesson', renderHandlerAction(handlerActionView(locale, 'close', { lesson: { text: LESSON.text, category: 'bullying', units: UNITS } })));
  add(
    'handlerAction',
    'dialog',
    'close with a lesson and every lesson error',
    renderHandlerAction(
      handlerActionView(locale, 'close', {
        lesson: { text: 'é'.repeat(1_200), unitId: 'u-nope', units: UNITS },
        errors: { lessonText: 'lessonNamesPerson', lessonCategory: 'pickCategory', lessonUnit: 'lessonUnitNotAllowed' },
      }),
    ),
  );
  add(
    'notice',
    'chat',
    'lessonToReview',
    renderNotice({ locale, titleKey: 'notices.lessonToReview.title', textKey: 'notices.lessonToReview.text', openDialog: { dialog: 'lessonReview', titleKey: 'lessons.review.open' } }),
  );
  add('notice', 'chat', 'lessonReview', renderNotice({ locale, titleKey: 'notices.lessonReview.title', textKey: 'notices.lessonReview.text', openDialog: { dialog: 'lessonReview', titleKey: 'lessons.review.open' } }));
  add('lessonReview', 'dialog', 'none waiting', renderLessonReview({ locale, errors: {} }));
  add('lessonReview', 'dialog', 'proposed', renderLessonReview({ locale, lesson: { ...LESSON, status: 'proposed' }, delayDays: 30, errors: {} }));
  add('lessonReview', 'dialog', 'held, after an approval', renderLessonReview({ locale, lesson: { ...LESSON, status: 'held', waiting: 1 }, done: 'approved', errors: {} }));
  add('lessonReview', 'dialog', 'longest text with an error', renderLessonReview({ locale, lesson: { ...LESSON, text: 'é'.repeat(1_200), status: 'proposed' }, errors: { lessonText: 'lessonNamesCase' } }));
  add('lessonReview', 'dialog', 'rejected, none left', renderLessonReview({ locale, done: 'rejected', errors: {} }));
  return cases;
}
