/**
 * `npm run check-config`: checks every setting and file the application reads at start-up
 * (settings, directory file, topic files, deadline policy, key ring shape) without starting it,
 * with the settings `npm start` would see (the environment, then local.settings.json). Prints
 * every problem and exits non-zero when there is one.
 */
import { join } from 'node:path';
import { describeConfigurationCheck } from '../bot/startup/describeConfigurationCheck';
import { findConfigurationProblems } from '../bot/startup/findConfigurationProblems';
import { loadLocalSettings } from './loadLocalSettings';

/** Runs the check; returns the exit code. */
export async function checkConfig(env: NodeJS.ProcessEnv, write: (line: string) => void, settingsFile = join(process.cwd(), 'local.settings.json')): Promise<number> {
  loadLocalSettings(settingsFile, env);
  const check = await findConfigurationProblems(env);
  for (const line of describeConfigurationCheck(check)) write(line);
  if (check.problems.length > 0) return 1;
  write('Configuration is valid.');
  return 0;
}

if (require.main === module) {
  checkConfig(process.env, (line) => console.log(line)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`check-config failed: ${error instanceof Error ? error.name : String(error)}`);
      process.exitCode = 2;
    },
  );
}
