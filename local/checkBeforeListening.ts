import { getApplication, resetApplication } from '../bot/composition';
import { describeConfigurationCheck } from '../bot/startup/describeConfigurationCheck';
import { findConfigurationProblems } from '../bot/startup/findConfigurationProblems';
import { startupProblemsOf, unavailableReasonOf } from '../bot/startup/unavailableReason';

/**
 * `npm start`, before it listens: checks every setting and file, then builds the application
 * (the local host's opt-in to unauthenticated local mode is given here, and only here). On any
 * problem it writes every one of them (our messages: settings, files, entries and fields, never
 * secret values) and returns false: the host must then exit non-zero instead of listening.
 */
export async function checkBeforeListening(env: NodeJS.ProcessEnv, write: (line: string) => void): Promise<boolean> {
  const check = await findConfigurationProblems(env);
  if (check.problems.length > 0) {
    for (const line of describeConfigurationCheck(check)) write(line);
    write('The local host did not start. Fix the settings or files above (npm run check-config checks them without starting).');
    return false;
  }
  await resetApplication({ env, localHostOptIn: true });
  try {
    await getApplication();
    return true;
  } catch (error) {
    write(`The application could not be built (${unavailableReasonOf(error)}):`);
    for (const problem of startupProblemsOf(error)) write(`  - ${problem}`);
    write('The local host did not start.');
    await resetApplication();
    return false;
  }
}
