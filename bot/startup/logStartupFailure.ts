import { findConfigurationProblems } from './findConfigurationProblems';
import { startupProblemsOf, unavailableReasonOf } from './unavailableReason';

/**
 * On Azure, once at start-up (the Functions `appStart` hook): when the application cannot be
 * built, one error line with the reason code and every problem (the failure's own, and what the
 * configuration check finds in the settings and files), so the cause is in the log, not only a
 * 503 on every probe. Our messages only: settings, files, entries and fields, never secret values.
 */
export async function logStartupFailure(error: unknown, env: NodeJS.ProcessEnv, write: (line: string) => void): Promise<void> {
  const problems = [...startupProblemsOf(error)];
  try {
    for (const problem of (await findConfigurationProblems(env)).problems) {
      if (!problems.includes(problem.text)) problems.push(problem.text);
    }
  } catch {
    // The check itself failing must not hide the failure it was meant to explain.
  }
  write(JSON.stringify({ level: 'error', event: 'startup.failed', reason: unavailableReasonOf(error), problems }));
}
