import { z } from 'zod';

/**
 * The longest message a handler or reporter can type in a case dialog (update, question, answer,
 * added information, reason, closing message): the cards' `maxLength`, and what the bot accepts.
 */
export const CASE_MESSAGE_MAX_LENGTH = 4_000;

/** The longest reason a handler may give for asking a confidential reporter who they are (form and check). */
export const IDENTITY_REASON_MAX_LENGTH = 1_000;

/**
 * A message typed in a case dialog: text (CRLF as LF), trimmed, 1 to 4,000 characters. Each
 * issue's message is its locale key under `validation.`, shown next to the field.
 */
export const caseMessageText = z
  .union([z.string(), z.undefined(), z.null()], { error: 'invalidValue' })
  .transform((value) => (value ?? '').replace(/\r\n/g, '\n').trim())
  .pipe(z.string().min(1, { error: 'messageRequired' }).max(CASE_MESSAGE_MAX_LENGTH, { error: 'tooLong' }));

/** The reason a handler gives for asking who reported: a case message of at most 1,000 characters. */
export const identityReasonText = caseMessageText.pipe(z.string().max(IDENTITY_REASON_MAX_LENGTH, { error: 'identityReasonTooLong' }));
