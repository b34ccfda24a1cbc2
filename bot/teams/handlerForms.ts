import { z } from 'zod';
import { HANDLER_OUTCOMES } from '../domain/caseLifecycle';
import { caseMessageText, identityReasonText } from '../domain/caseMessageText';
import { REASSIGN_ROLES } from '../domain/chooseRoute';
import { optionalLessonText } from '../domain/lessons/lesson';
import { CATEGORIES } from '../domain/report';

/** Days typed in the postponement form (`Input.Number` sends a string): a whole number from 1 to 999. */
const extensionDays = z
  .union([z.number(), z.string()], { error: 'daysOutOfRange' })
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(/^\d{1,3}$/, { error: 'daysOutOfRange' }).transform(Number).pipe(z.number().min(1, { error: 'daysOutOfRange' })));

/**
 * What each handler form sends, by input id, as its use case takes it (the case id comes from
 * the dialog's action). Issue messages are locale keys under `validation.`; see parseForm.
 */
export const HANDLER_FORM_INPUTS = {
  update: z.object({ message: caseMessageText }),
  question: z.object({ message: caseMessageText }),
  reassign: z.object({ targetRole: z.enum(REASSIGN_ROLES, { error: 'pickRole' }), message: caseMessageText }),
  close: z
    .object({
      outcome: z.enum(HANDLER_OUTCOMES, { error: 'pickOutcome' }),
      message: caseMessageText,
      // Optional: a lesson for the team agenda (issue 15); its category and unit level only matter when there is a text.
      lessonText: optionalLessonText.optional(),
      lessonCategory: z.union([z.enum(CATEGORIES), z.literal('')], { error: 'invalidChoice' }).optional(),
      lessonUnit: z.string({ error: 'invalidChoice' }).max(100, { error: 'invalidChoice' }).optional(),
    })
    .superRefine((form, context) => {
      if (!form.lessonText) return;
      if (!form.lessonCategory) context.addIssue({ code: 'custom', path: ['lessonCategory'], message: 'pickCategory' });
      if (!form.lessonUnit) context.addIssue({ code: 'custom', path: ['lessonUnit'], message: 'pickUnit' });
    })
    .transform(({ outcome, message, lessonText, lessonCategory, lessonUnit }) => ({
      outcome,
      message,
      lesson: lessonText && lessonCategory && lessonUnit ? { text: lessonText, category: lessonCategory, unitId: lessonUnit } : undefined,
    })),
  extend: z.object({ days: extensionDays, message: caseMessageText }),
  identity: z.object({ message: identityReasonText }),
} as const;
