/**
 * Lessons from closed cases (geleerde lessen, issue 15): a handler may propose, when closing a case,
 * a short lesson in their own words for the team-meeting agenda. A coordinator reviews it; once
 * approved it goes on the agenda only when enough cases exist that nobody can be recognised
 * (the insights' small-number rule) and not before a delay after the case closed.
 */
import { z } from 'zod';
import { SUPPRESSION_THRESHOLD } from '../insights/caseInsights';
import { mentionsPerson } from '../mentionsPerson';
import { LESSON_TEXT_MAX_LENGTH } from '../textLimits';

/** Where a proposed lesson stands: waiting for review, held by the coordinator for later, approved or rejected. */
export const LESSON_STATUSES = ['proposed', 'held', 'approved', 'rejected'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** What a coordinator decides in the review dialog. */
export const LESSON_DECISIONS = ['approve', 'reject', 'hold'] as const;
export type LessonDecision = (typeof LESSON_DECISIONS)[number];

/** The longest lesson (in textLimits, which has no imports, so the tab can take it without the parser). */
export { LESSON_TEXT_MAX_LENGTH };

/** Days after the case closed before an approved lesson may go on the agenda, when LESSON_DELAY_DAYS is not set. */
export const DEFAULT_LESSON_DELAY_DAYS = 30;

/** The window of closed cases counted for the threshold: the year before the moment of posting. */
export const LESSON_COUNT_WINDOW_DAYS = 365;

/** At least this many closed cases of the lesson's category in its unit level (and below) in the window: the insights' rule. */
export const LESSON_MIN_CASES = SUPPRESSION_THRESHOLD;

const DAY_MS = 86_400_000;

/** A lesson as typed (CRLF as LF, trimmed), at most 600 characters (a topic's introduction); empty means "no lesson" in the close form. */
export const optionalLessonText = z
  .union([z.string(), z.undefined(), z.null()], { error: 'invalidValue' })
  .transform((value) => (value ?? '').replace(/\r\n/g, '\n').trim())
  .pipe(z.string().max(LESSON_TEXT_MAX_LENGTH, { error: 'lessonTooLong' }));

/** A lesson the coordinator approves: required. */
export const lessonText = optionalLessonText.pipe(z.string().min(1, { error: 'lessonRequired' }));

function normalise(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Why a lesson could make someone recognisable, as a locale key under `validation.`, or undefined:
 * it contains the case's reference (also without dashes or in lower case), or the name (full name
 * or surname, see mentionsPerson) of one of `names` — people of the directory around the case.
 */
export function lessonIdentifies(text: string, names: readonly string[], reference: string): 'lessonNamesCase' | 'lessonNamesPerson' | undefined {
  if (reference && normalise(text).includes(normalise(reference))) return 'lessonNamesCase';
  if (names.some((name) => mentionsPerson(text, name))) return 'lessonNamesPerson';
  return undefined;
}

/**
 * Whether an approved lesson may be offered to the agenda now: the delay after its case closed has
 * passed, and at least {@link LESSON_MIN_CASES} cases of its category were closed in its unit
 * level (and below) in the {@link LESSON_COUNT_WINDOW_DAYS} before now.
 */
export function lessonAvailable(input: { closedAt: string; now: Date; delayDays: number; closedCasesInWindow: number }): boolean {
  return lessonDelayPassed(input.closedAt, input.now, input.delayDays) && input.closedCasesInWindow >= LESSON_MIN_CASES;
}

/** Whether `delayDays` have passed since the case closed. */
export function lessonDelayPassed(closedAt: string, now: Date, delayDays: number): boolean {
  return Date.parse(closedAt) + delayDays * DAY_MS <= now.getTime();
}

/** The start of the counting window before `now`. */
export function lessonCountWindowStart(now: Date): Date {
  return new Date(now.getTime() - LESSON_COUNT_WINDOW_DAYS * DAY_MS);
}
