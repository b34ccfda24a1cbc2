import { z } from 'zod';
import { CHECK_IN_ANSWERS, CHECK_IN_TEXT_MAX_LENGTH } from '../domain/aftercare/checkIns';
import { caseMessageText } from '../domain/caseMessageText';

/** A closing question's score: "1".."5" (or a number), or nothing (both questions are optional). */
const score = z.preprocess(
  (value) => (value === undefined || value === null || value === '' ? undefined : typeof value === 'number' ? String(value) : value),
  z.string({ error: 'pickOneToFive' }).trim().regex(/^[1-5]$/, { error: 'pickOneToFive' }).transform(Number).optional(),
);

/**
 * What the reporter's forms and buttons send, by input id, as the use cases take it. Issue
 * messages are locale keys under `validation.`; see parseForm.
 */
export const REPORTER_FORM_INPUTS = {
  feedback: z.object({ takenSeriously: score, wouldReportAgain: score }),
  extensionConsent: z.object({ consent: z.enum(['yes', 'no'], { error: 'invalidChoice' }) }),
  identityAnswer: z.object({ identityAnswer: z.enum(['accept', 'refuse'], { error: 'invalidChoice' }) }),
  answer: z.object({ answer: caseMessageText }),
  information: z.object({ information: caseMessageText }),
  /** An aftercare check-in: one of the choices, and optional text (blank is none). */
  checkIn: z.object({
    answer: z.enum(CHECK_IN_ANSWERS, { error: 'pickCheckInAnswer' }),
    text: z.preprocess(
      (value) => (value === null ? undefined : value),
      z
        .string({ error: 'checkInTextTooLong' })
        .trim()
        .max(CHECK_IN_TEXT_MAX_LENGTH, { error: 'checkInTextTooLong' })
        .transform((text) => (text === '' ? undefined : text))
        .optional(),
    ),
  }),
} as const;
