import * as fs from 'node:fs';
import * as path from 'node:path';
import { CASE_STATES } from '../../bot/domain/caseLifecycle';
import { ConcurrencyError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../bot/domain/errors';
import { LOCALES } from '../../bot/domain/locale';
import { CATEGORIES, IDENTITY_MODES, MANAGER_INVOLVED, REQUEST_KINDS } from '../../bot/domain/report';
import { formatDate, formatDateTime, isMessageKey, messageKeyIn, t, type MessageKey } from '../../cards/i18n';
import en from '../../cards/locales/en.json';
import nl from '../../cards/locales/nl.json';

const CATALOGUES = { nl, en } as const;

function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('when both languages are compared, then they have exactly the same keys', () => {
    expect(leaves(en).map(([key]) => key)).toEqual(leaves(nl).map(([key]) => key));
  });

  it.each(LOCALES)('when reading %s, then every message is a non-empty string without template syntax or HTML', (locale) => {
    for (const [key, value] of leaves(CATALOGUES[locale])) {
      expect([key, typeof value]).toEqual([key, 'string']);
      expect([key, (value as string).trim()]).not.toEqual([key, '']);
      expect(value).not.toMatch(/\$\{|<[a-z/]/i);
    }
  });

  it('when a message has {placeholders}, then the other language has the same ones', () => {
    const english = new Map(leaves(en));
    for (const [key, value] of leaves(nl)) {
      expect([key, placeholders(english.get(key) as string)]).toEqual([key, placeholders(value as string)]);
    }
  });

  it('when the Dutch texts address the reader, then they say "je", never "u" or "uw"', () => {
    for (const [key, value] of leaves(nl)) {
      expect([key, /\b(u|uw)\b/i.test(value as string)]).toEqual([key, false]);
    }
  });

  it.each(LOCALES)('when %s mentions a phone number, then it is only 112', (locale) => {
    const numbers = leaves(CATALOGUES[locale]).flatMap(([, value]) => (value as string).match(/\d{3,}/g) ?? []);
    expect(new Set(numbers)).toEqual(new Set(['112']));
  });

  it('when the domain has a category, kind, identity mode, answer or case state, then it has words in both languages', () => {
    const keys = [
      ...CATEGORIES.flatMap((c) => [`categories.${c}.title`, `categories.${c}.hint`]),
      ...REQUEST_KINDS.flatMap((k) => [`kinds.${k}.title`, `kinds.${k}.hint`, `kinds.${k}.next`]),
      ...IDENTITY_MODES.flatMap((m) => [`identity.${m}.title`, `identity.${m}.hint`, `receipt.identity.${m}`]),
      ...MANAGER_INVOLVED.map((m) => `managerInvolved.${m}`),
      ...CASE_STATES.flatMap((s) => [`states.${s}.title`, `states.${s}.hint`]),
    ];
    for (const key of keys) expect([key, isMessageKey(key)]).toEqual([key, true]);
  });

  it('when the domain raises an error, then its message key exists under errors.', () => {
    const errors = [new ConcurrencyError(), new ConflictError(), new NotFoundError(), new ForbiddenError(), new ValidationError({})];
    for (const error of errors) expect(isMessageKey(`errors.${error.messageKey}`)).toBe(true);
    expect(isMessageKey('errors.draftExpired')).toBe(true);
  });

  it('when the bot reports a validation problem, then each key it uses exists under validation.', () => {
    const used = ['required', 'tooLong', 'invalidChoice', 'invalidValue', 'invalidDate', 'dateInFuture', 'pickAtLeastOneCategory', 'complaintNotAnonymous', 'staleCard', 'referenceOrSecretWrong'];
    for (const key of used) expect(isMessageKey(`validation.${key}`)).toBe(true);
  });

  it('when a card calls t() with a literal key, then that key exists', () => {
    const dir = path.join(__dirname, '../../cards');
    const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const keys = sources.flatMap((source) => [...source.matchAll(/\bt\(\s*\w+\s*,\s*'([^']+)'/g)].map((m) => m[1]));
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) expect([key, isMessageKey(key)]).toEqual([key, true]);
  });
});

describe('t', () => {
  it('when the key exists, then the message in that language is returned', () => {
    expect(t('nl', 'common.back')).toBe('Terug');
    expect(t('en', 'common.back')).toBe('Back');
  });

  it('when parameters are given, then {placeholders} are filled and unknown ones are left as they are', () => {
    expect(t('nl', 'common.progress', { number: 2, total: 7 })).toBe('Stap 2 van 7');
    expect(t('en', 'common.progress', { number: 2 })).toBe('Step 2 of {total}');
  });

  it('when the key is missing or points at a group, then the key itself is returned and nothing throws', () => {
    expect(t('nl', 'no.such.key' as MessageKey)).toBe('no.such.key');
    expect(t('en', 'categories' as MessageKey)).toBe('categories');
    expect(t('en', '__proto__.toString' as MessageKey)).toBe('__proto__.toString');
  });

  it('when a key from outside is resolved, then a short key gets its group, and an unknown one the fallback', () => {
    expect(messageKeyIn('validation', 'required', 'validation.generic')).toBe('validation.required');
    expect(messageKeyIn('errors', 'errors.notFound', 'errors.generic')).toBe('errors.notFound');
    expect(messageKeyIn('errors', 'constructor', 'errors.generic')).toBe('errors.generic');
  });
});

describe('formatDate and formatDateTime', () => {
  it('when formatting a time, then it is shown in Europe/Amsterdam in the user’s language', () => {
    expect(formatDateTime(new Date('2025-01-15T16:00:00Z'), 'nl')).toBe('15 januari 2025 om 17:00');
    expect(formatDateTime('2025-07-15T16:00:00Z', 'en')).toBe('15 July 2025 at 18:00');
  });

  it('when a UTC time is already the next day in Amsterdam, then the Amsterdam date is shown', () => {
    expect(formatDate('2025-03-30T23:30:00Z', 'nl')).toBe('31 maart 2025');
    expect(formatDate(new Date('2025-03-30T23:30:00Z'), 'en')).toBe('31 March 2025');
  });

  it('when formatting a calendar day, then it stays that day', () => {
    expect(formatDate('2025-03-14', 'nl')).toBe('14 maart 2025');
    expect(formatDate('2025-12-31', 'en')).toBe('31 December 2025');
  });

  it('when the date cannot be read, then it is returned as given instead of breaking the card', () => {
    expect(formatDate('2025-02-31x', 'nl')).toBe('2025-02-31x');
    expect(formatDateTime(new Date(Number.NaN), 'en')).toBe('Invalid Date');
  });
});
