/**
 * The words users see, in Dutch (default) and English. Messages live in `locales/<lang>.json` as
 * nested objects; a key is the dotted path to a string, e.g. `wizard.details.descriptionLabel`.
 */
import type { Locale } from '../bot/domain/locale';
import nl from './locales/nl.json';
import en from './locales/en.json';

/** The shape of a message catalogue; Dutch is the reference, English must match it. */
export type Messages = typeof nl;

type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

/** Every key that has a message, e.g. `'validation.required'`. */
export type MessageKey = LeafPaths<Messages>;

/** Values for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: Readonly<Record<Locale, Messages>> = { nl, en };

const INTL_LOCALES: Readonly<Record<Locale, string>> = { nl: 'nl-NL', en: 'en-GB' };

const TIME_ZONE = 'Europe/Amsterdam';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The message for `key` in `locale`, with `{name}` placeholders filled from `params`.
 * A missing key returns the key itself and a missing parameter leaves its placeholder: a card
 * must never fail to render because of a text.
 */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = lookup(locale, key);
  if (message === undefined) {
    return key;
  }
  if (!params) {
    return message;
  }
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder,
  );
}

/** Whether `key` names a message (in the Dutch reference catalogue). */
export function isMessageKey(key: string): key is MessageKey {
  return lookup('nl', key) !== undefined;
}

/**
 * Turns a key handed in from outside (e.g. `'required'` under `validation.`, or already
 * `'validation.required'`) into a known message key, or `fallback` when there is no such message,
 * so that a user never sees a raw key.
 */
export function messageKeyIn(group: 'validation' | 'errors', key: string, fallback: MessageKey): MessageKey {
  const full = key.startsWith(`${group}.`) ? key : `${group}.${key}`;
  return isMessageKey(full) ? full : fallback;
}

/** The `Intl` locale for a language: `nl-NL` or `en-GB`. */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

function toDate(value: Date | string): Date {
  // A calendar day (YYYY-MM-DD) is read at noon UTC, so it stays the same day in Amsterdam.
  if (typeof value === 'string' && ISO_DAY.test(value)) {
    return new Date(`${value}T12:00:00Z`);
  }
  return typeof value === 'string' ? new Date(value) : value;
}

function format(date: Date | string, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const value = toDate(date);
  // An unreadable date is shown as it came in rather than breaking the card.
  if (Number.isNaN(value.getTime())) {
    return String(date);
  }
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: TIME_ZONE }).format(value);
}

/**
 * A date such as "31 maart 2025" / "31 March 2025", in Europe/Amsterdam. Accepts a Date, an ISO
 * time or a calendar day (YYYY-MM-DD); an invalid date is returned as given.
 */
export function formatDate(date: Date | string, locale: Locale): string {
  return format(date, locale, { dateStyle: 'long' });
}

/** A date and time such as "31 maart 2025 om 12:00" / "31 March 2025 at 12:00", in Europe/Amsterdam. */
export function formatDateTime(date: Date | string, locale: Locale): string {
  return format(date, locale, { dateStyle: 'long', timeStyle: 'short' });
}

/** A whole number with the language's digit grouping: "10.000" / "10,000". */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
