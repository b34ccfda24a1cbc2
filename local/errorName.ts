/**
 * The name of a thrown value, safe to log: never its message or stack, which may carry report
 * content or secrets.
 */
export function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
