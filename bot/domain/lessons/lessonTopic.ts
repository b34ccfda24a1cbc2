import type { Topic, TopicText } from '../agenda/topic';
import type { Category } from '../report';

/** The prefix of a lesson's topic id (`lesson/<lesson id>`): never the case id or reference. */
export const LESSON_TOPIC_PREFIX = 'lesson/';

/** What frames a lesson on the topic card, in both languages (like the library's topics, data rather than card strings). */
const FRAME: Readonly<Record<'nl' | 'en', Omit<TopicText, 'intro'>>> = {
  nl: {
    title: 'Geleerde les',
    questions: ['Wat betekent deze les voor ons team?', 'Wat zouden wij in zo’n situatie anders of eerder doen?', 'Wie spreken we aan, en hoe, als we zoiets zien?'],
    help: 'Praat erover met je leidinggevende, een vertrouwenspersoon of bedrijfsmaatschappelijk werk. Melden kan altijd, ook anoniem, via Veilig Melden.',
  },
  en: {
    title: 'Lesson learned',
    questions: ['What does this lesson mean for our team?', 'What would we do differently, or sooner, in such a situation?', 'Whom do we speak to, and how, when we see something like it?'],
    help: 'Talk about it with your manager, a confidential adviser or company social work. You can always report, anonymously too, through Veilig Melden.',
  },
};

/** A lesson topic's title in both languages, as its card shows it (the same for every lesson). */
export const LESSON_TOPIC_TITLE: Readonly<{ nl: string; en: string }> = { nl: FRAME.nl.title, en: FRAME.en.title };

/**
 * A lesson from closed cases as a topic of the team agenda ("Geleerde les / Lesson learned"): the
 * coordinator-approved text (in the words it was written in) framed by the same questions and help
 * in both languages, on the theme "fouten mogen als we ervan leren" and the lesson's category.
 * Nothing names the case: no reference, no unit, no date.
 */
export function lessonTopic(lessonId: string, category: Category, text: string): Topic {
  return {
    id: `${LESSON_TOPIC_PREFIX}${lessonId}`,
    themes: ['just_culture'],
    categories: [category],
    source: 'Veilig Melden — geleerde les uit afgesloten meldingen / lesson learned from closed reports',
    nl: { ...FRAME.nl, intro: text },
    en: { ...FRAME.en, intro: text },
  };
}

/** Whether a topic id is a lesson's. */
export function isLessonTopicId(topicId: string): boolean {
  return topicId.startsWith(LESSON_TOPIC_PREFIX);
}
