import type { Locale } from '../bot/domain/locale';
import { formatDate } from './i18n';

const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A date for display: an ISO date or time (`2025-03-31`, `2025-03-31T10:00:00Z`) is formatted in
 * the user's language (Europe/Amsterdam); anything else is taken as already formatted and shown as is.
 */
export function displayDate(value: string, locale: Locale): string {
  return ISO_DATE_OR_TIME.test(value) ? formatDate(value, locale) : value;
}
