import { SUPPRESSION_THRESHOLD } from '../../../bot/domain/insights/caseInsights';
import { LESSON_MIN_CASES, lessonAvailable, lessonIdentifies } from '../../../bot/domain/lessons/lesson';
import { isLessonTopicId, lessonTopic } from '../../../bot/domain/lessons/lessonTopic';

const DAY = 86_400_000;
const CLOSED = '2026-12-01T10:00:00.000Z';

describe('lessons from closed cases (domain)', () => {
  it('when the threshold is read, then it is the insights\' small-number rule', () => {
    expect(LESSON_MIN_CASES).toBe(SUPPRESSION_THRESHOLD);
  });

  it.each([
    [30 * DAY - 1, 5, false, 'a millisecond short of the delay'],
    [30 * DAY, 5, true, 'at the delay, with five cases'],
    [60 * DAY, 4, false, 'long after, with four cases'],
    [30 * DAY, 6, true, 'at the delay, with six cases'],
  ])('when %i ms after closing with %i cases, then available is %s (%s)', (after, cases, expected) => {
    expect(lessonAvailable({ closedAt: CLOSED, now: new Date(Date.parse(CLOSED) + after), delayDays: 30, closedCasesInWindow: cases })).toBe(expected);
  });

  it.each([
    ['the reference as written', 'Zie VM-7K3Q-9DX2.', 'lessonNamesCase'],
    ['the reference in lower case without dashes', 'zie vm7k3q9dx2', 'lessonNamesCase'],
    ['a full name', 'Jeroen van den Berg greep in.', 'lessonNamesPerson'],
    ['a surname with an accent removed', 'Het team van Meijér.', 'lessonNamesPerson'],
    ['nothing identifying', 'Spreek grappen over één collega meteen aan.', undefined],
    ['a short word that is also a surname of two letters', 'Bo zei niets.', undefined],
  ])('when a lesson contains %s, then the check says %s', (_what, text, expected) => {
    expect(lessonIdentifies(text, ['Jeroen van den Berg', 'Anouk Meijer', 'Bo Li'], 'VM-7K3Q-9DX2')).toBe(expected);
  });

  it('when a lesson becomes a topic, then its id is the lesson\'s, both languages carry the text and the fixed title, and nothing names a case', () => {
    const topic = lessonTopic('les-1', 'bullying', 'Spreek het meteen aan.');
    expect(isLessonTopicId(topic.id)).toBe(true);
    expect(topic).toMatchObject({ id: 'lesson/les-1', categories: ['bullying'], nl: { title: 'Geleerde les', intro: 'Spreek het meteen aan.' }, en: { title: 'Lesson learned', intro: 'Spreek het meteen aan.' } });
    expect(isLessonTopicId('core-values-1')).toBe(false);
  });
});
