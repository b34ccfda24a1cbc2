import type { ConfigurationCheck } from './findConfigurationProblems';

/** The lines `npm start` and `npm run check-config` print: every problem with its part, then the notes. */
export function describeConfigurationCheck(check: ConfigurationCheck): string[] {
  const lines: string[] = [];
  if (check.problems.length > 0) {
    lines.push(`Configuration problems (${check.problems.length}):`);
    for (const problem of check.problems) lines.push(`  - [${problem.reason}] ${problem.text}`);
  }
  for (const note of check.notes) lines.push(`  note: ${note}`);
  return lines;
}
