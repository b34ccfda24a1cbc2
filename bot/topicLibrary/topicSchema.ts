import { z } from 'zod';
import { TOPIC_THEMES } from '../domain/agenda/topic';
import { CATEGORIES } from '../domain/report';

/** Limits of a topic's texts, as documented on `TopicText`. */
const TOPIC_LIMITS = { title: 80, intro: 600, question: 200, help: 400, source: 200, minQuestions: 2, maxQuestions: 3 } as const;

/** Names a missing field plainly; other type errors keep zod's message. */
const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : undefined) };

/** A trimmed, non-empty text of at most `max` characters; the message names the length found. */
function text(max: number) {
  return z
    .string(required)
    .trim()
    .min(1, 'must not be empty')
    .max(max, { error: (issue) => `must be at most ${max} characters (got ${typeof issue.input === 'string' ? issue.input.length : '?'})` });
}

const questionCount = (issue: { input?: unknown }): string =>
  `expected ${TOPIC_LIMITS.minQuestions} to ${TOPIC_LIMITS.maxQuestions} questions (got ${Array.isArray(issue.input) ? issue.input.length : '?'})`;

const topicTextSchema = z.strictObject(
  {
    title: text(TOPIC_LIMITS.title).describe('Short title of the topic card.'),
    intro: text(TOPIC_LIMITS.intro).describe('A short introduction of 2 to 4 sentences.'),
    questions: z
      .array(text(TOPIC_LIMITS.question), required)
      .min(TOPIC_LIMITS.minQuestions, { error: questionCount })
      .max(TOPIC_LIMITS.maxQuestions, { error: questionCount })
      .describe('Two or three open discussion questions (not yes/no).'),
    help: text(TOPIC_LIMITS.help).describe('Where to get help: who, and how to reach them.'),
  },
  required,
);

/**
 * One topic as written in a file (see `Topic` in bot/domain/agenda/topic.ts). Objects are strict:
 * a misspelt field is an error rather than silently ignored, because an ignored `questions` would
 * leave a card without questions.
 */
export const topicSchema = z.strictObject({
  id: z
    .string(required)
    .regex(/^[a-z0-9-]{3,60}$/, 'must be 3 to 60 characters: lower-case letters, digits and "-"')
    .describe('Stable id, unique in the file: 3 to 60 characters a-z, 0-9 and "-".'),
  themes: z.array(z.enum(TOPIC_THEMES), required).min(1, 'must name at least one theme').describe('The themes this topic belongs to.'),
  categories: z
    .array(z.enum(CATEGORIES))
    .default([])
    .describe('Report categories this topic helps a team talk about; may be empty.'),
  source: text(TOPIC_LIMITS.source).describe('Where the content comes from, e.g. the section of the plan.'),
  nl: topicTextSchema.describe('The Dutch text.'),
  en: topicTextSchema.describe('The English text.'),
});

/** The built-in library file, `config/topics/library.json`. */
export const libraryFileSchema = z.strictObject({
  topics: z.array(topicSchema, required).min(1, 'must list at least one topic'),
});

/**
 * A unit's own topics file, `config/topics/units/<name>.json`. `$schema` is allowed so that a
 * coordinator's editor can point at `config/topics/topic.schema.json` and check the file while typing.
 */
export const unitTopicFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Optional: path to topic.schema.json, for editors.'),
    unitId: z.string(required).trim().min(1, 'must not be empty').describe('The id of the unit in the organisation directory.'),
    topics: z.array(topicSchema, required).min(1, 'must list at least one topic').describe('The unit\'s own topics.'),
  })
  .meta({
    title: 'Veilig Melden: unit topics for the team meeting (werkoverleg)',
    description: 'Topics a unit adds to the built-in library. Each topic has a Dutch (nl) and English (en) text.',
  });
