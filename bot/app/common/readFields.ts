import { ValidationError } from '../../domain/errors';

/**
 * Runs several field readers and reports every invalid field at once (not just the first), so a
 * form comes back with all its messages next to their fields. Readers throw ValidationError.
 */
export function readFields<T extends Record<string, () => unknown>>(readers: T): { [K in keyof T]: ReturnType<T[K]> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, read] of Object.entries(readers)) {
    try {
      values[name] = read();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(errors, error.fields);
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return values as { [K in keyof T]: ReturnType<T[K]> };
}
