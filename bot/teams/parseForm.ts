import type { z } from 'zod';
import { ValidationError } from '../domain/errors';

/**
 * Parses what a form sent into a use case's typed command. Every invalid field is reported at
 * once, with its first issue's message as the locale key under `validation.` (so the form comes
 * back with each message next to its field, in the user's language).
 */
export function parseForm<S extends z.ZodType>(schema: S, inputs: unknown): z.output<S> {
  const parsed = schema.safeParse(inputs);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fields[field] ??= issue.message;
  }
  throw new ValidationError(fields);
}
