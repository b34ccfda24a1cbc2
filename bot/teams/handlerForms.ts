import { z } from 'zod';
import { HANDLER_OUTCOMES } from '../domain/caseLifecycle';
import { caseMessageText, identityReasonText } from '../domain/caseMessageText';
import { REASSIGN_ROLES } from '../domain/chooseRoute';

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
  close: z.object({ outcome: z.enum(HANDLER_OUTCOMES, { error: 'pickOutcome' }), message: caseMessageText }),
  extend: z.object({ days: extensionDays, message: caseMessageText }),
  identity: z.object({ message: identityReasonText }),
} as const;
