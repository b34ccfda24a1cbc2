/**
 * The error catalogue. Each error has a stable `code` and a `messageKey` into cards/locales
 * (`errors.<key>`) for the user; `message` is for developers only and never reaches a user.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Locale key (under `errors.`) of the message a user may see. */
  abstract readonly messageKey: string;
}

/** A write lost a race: the document changed since it was read (ETag mismatch). */
export class ConcurrencyError extends DomainError {
  readonly code = 'concurrency';
  readonly messageKey = 'concurrency';
}

/** A document with this id already exists. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  readonly messageKey = 'generic';
}

/** The thing asked for does not exist (or the caller may not know that it does). */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  readonly messageKey = 'notFound';
}

/** The caller may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly messageKey = 'forbidden';
}

/** Input that came in from outside was not acceptable. `fields` maps field names to locale keys under `validation.`. */
export class ValidationError extends DomainError {
  readonly code = 'validation';
  readonly messageKey = 'validation';
  constructor(readonly fields: Readonly<Record<string, string>>) {
    super(`invalid input: ${Object.keys(fields).join(', ')}`);
  }
}

/** A required setting is missing or wrong; thrown at start-up only. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration is not valid:\n  - ${problems.join('\n  - ')}`);
  }
}
