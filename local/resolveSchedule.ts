/** A timer schedule that cannot run: an unset `%SETTING%`, a TimeSpan, or the wrong field count. */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
}

const settingPattern = /%([^%\s]+)%/g;

/**
 * Resolves a timer function's schedule as the Functions host does: each `%NAME%` is replaced by
 * the app setting `NAME` (here: the environment variable), and the result must be an NCRONTAB
 * expression with six fields, seconds first (`0 0 9 * * 1-5`: 09:00 on weekdays).
 *
 * @throws ScheduleError naming the function and every missing setting, so start-up fails with
 *   one clear message instead of a timer that silently never fires.
 */
export function resolveSchedule(functionName: string, schedule: string, env: NodeJS.ProcessEnv): string {
  const missing = [...schedule.matchAll(settingPattern)]
    .map((match) => match[1])
    .filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    const names = [...new Set(missing)].join(', ');
    throw new ScheduleError(
      `Timer function "${functionName}": its schedule "${schedule}" needs the setting(s) ${names}; set them in the environment.`,
    );
  }
  const resolved = schedule.replace(settingPattern, (_match, name: string) => env[name]!.trim()).trim();
  if (/^\d+(\.\d+)?:\d{2}(:\d{2})?$/.test(resolved) || /^\d+\.\d{2}:\d{2}:\d{2}$/.test(resolved)) {
    throw new ScheduleError(
      `Timer function "${functionName}": TimeSpan schedule "${resolved}" only works on a dedicated plan; use NCRONTAB (six fields, seconds first).`,
    );
  }
  const fields = resolved.split(/\s+/);
  if (fields.length !== 6) {
    throw new ScheduleError(
      `Timer function "${functionName}": schedule "${resolved}" has ${fields.length} fields; NCRONTAB needs six: second minute hour day month day-of-week.`,
    );
  }
  return fields.join(' ');
}
