import type { Locale } from '../bot/domain/locale';
import { CASE_MESSAGE_MAX_LENGTH } from '../bot/domain/textLimits';
import type { FieldErrorData } from './fieldError';
import { formatNumber, messageKeyIn, t } from './i18n';

/**
 * The error under an input of a case dialog or the feedback card, as card data. `key` is a key
 * under `validation.` (e.g. `messageRequired`, `tooLong`); an unknown key shows the general
 * "check this answer" text, never the raw key. `{max}` in the message is the message length limit.
 */
export function caseFieldError(locale: Locale, key: string | undefined): FieldErrorData {
  if (!key) {
    return { hasError: false, error: '' };
  }
  return {
    hasError: true,
    error: t(locale, messageKeyIn('validation', key, 'validation.generic'), { max: formatNumber(CASE_MESSAGE_MAX_LENGTH, locale) }),
  };
}
