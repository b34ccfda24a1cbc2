import type { Locale } from '../bot/domain/locale';
import { DESCRIPTION_MAX_LENGTH, LOCATION_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, type ReportAnswers } from '../bot/domain/report';
import { formatNumber, messageKeyIn, t } from './i18n';

/** A field's error as card data: `hasError` drives `$when`, `error` is the text shown under the input. */
export interface FieldErrorData {
  hasError: boolean;
  error: string;
}

const MAX_LENGTH: Partial<Record<keyof ReportAnswers, number>> = {
  description: DESCRIPTION_MAX_LENGTH,
  involved: SHORT_TEXT_MAX_LENGTH,
  location: LOCATION_MAX_LENGTH,
};

/**
 * The message for a field's validation error. `key` is a key under `validation.` (as in
 * `WizardStepView.errors`); an unknown key shows the general "check this answer" text, never the raw key.
 * For `required`, the field's own message (e.g. "Kies hoe je wilt melden.") is clearer than the
 * general one and is used when given.
 */
export function fieldError(locale: Locale, field: keyof ReportAnswers, key: string | undefined, requiredMessage = ''): FieldErrorData {
  if (!key) {
    return { hasError: false, error: '' };
  }
  if (requiredMessage && (key === 'required' || key === 'validation.required')) {
    return { hasError: true, error: requiredMessage };
  }
  const max = MAX_LENGTH[field] ?? SHORT_TEXT_MAX_LENGTH;
  return { hasError: true, error: t(locale, messageKeyIn('validation', key, 'validation.generic'), { max: formatNumber(max, locale) }) };
}
