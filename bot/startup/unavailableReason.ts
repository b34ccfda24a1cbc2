import { ConfigurationError } from '../domain/errors';

/** Why the application could not be built: what health and the start-up log say, never more. */
export type UnavailableReason = 'configuration' | 'storage' | 'directory' | 'keys';

const REASON = Symbol('unavailableReason');

/** Tags an error thrown while building one part of the application with that part (returns the error). */
export function markUnavailableReason<T>(error: T, reason: UnavailableReason): T {
  if (typeof error === 'object' && error !== null && !(REASON in error)) {
    Object.defineProperty(error, REASON, { value: reason, enumerable: false });
  }
  return error;
}

/** The part that failed; `configuration` when the error was not tagged. */
export function unavailableReasonOf(error: unknown): UnavailableReason {
  return typeof error === 'object' && error !== null && REASON in error ? ((error as Record<typeof REASON, UnavailableReason>)[REASON]) : 'configuration';
}

/**
 * What may be printed or logged about a start-up failure: the problems of a ConfigurationError
 * (our messages, naming settings, files, entries and fields, never secret values), else only the
 * error's name and code (a library's message may quote connection strings or keys).
 */
export function startupProblemsOf(error: unknown): readonly string[] {
  if (error instanceof ConfigurationError) return error.problems;
  const name = error instanceof Error ? error.name : typeof error;
  const code = typeof error === 'object' && error !== null && 'code' in error && (typeof error.code === 'string' || typeof error.code === 'number') ? ` ${error.code}` : '';
  return [`${unavailableReasonOf(error)}: could not be opened (${name}${code})`];
}
