import { z } from 'zod';
import { caseMessageText } from '../../domain/caseMessageText';
import { actionNewDateForm } from '../agenda/agendaForms';
import { REPORTER_FORM_INPUTS } from '../reporterForms';

/** The longest reference or secret the anonymous form takes (as the bot's status dialog). */
const MAX_TYPED = 100;

const typedCode = z
  .union([z.string(), z.undefined(), z.null()], { error: 'invalidValue' })
  .transform((value) => (value ?? '').trim())
  .pipe(z.string().min(1, { error: 'required' }).max(MAX_TYPED, { error: 'invalidValue' }));

/**
 * What the tab's forms send as JSON, by field, as the use cases take it. Issue messages are
 * locale keys under `validation.` (cards/locales), shown by the page next to the field; see parseForm.
 */
export const TAB_FORM_INPUTS = {
  /** My reports: the answer to the handler's open question, or added information (the case decides which, as the bot's dialog). */
  reply: z.object({ message: caseMessageText }, { error: 'invalidValue' }),
  /** An anonymous case: its reference and secret. */
  anonymousCase: z.object({ reference: typedCode, secret: typedCode }, { error: 'invalidValue' }),
  /** Withdrawing: the withdraw dialog's confirmation ("Yes, withdraw my report"), sent as `confirm: true`. */
  withdraw: z.object({ confirm: z.literal(true, { error: 'confirmWithdraw' }) }, { error: 'invalidValue' }),
  /** The two closing questions, as the feedback card: a score from 1 to 5 each, or none. */
  feedback: z.object(REPORTER_FORM_INPUTS.feedback.shape, { error: 'invalidValue' }),
  /** An agreed action's new due date, as the action card (a real date, today or later: checked by the use case). */
  actionNewDate: z.object(actionNewDateForm.shape, { error: 'invalidValue' }),
} as const;
