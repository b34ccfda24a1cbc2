import { z } from 'zod';
import { CASE_MESSAGE_MAX_LENGTH, IDENTITY_REASON_MAX_LENGTH } from './textLimits';

export { CASE_MESSAGE_MAX_LENGTH, IDENTITY_REASON_MAX_LENGTH };

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
