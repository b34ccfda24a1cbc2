import type { LogFields, Logger } from '../app/common/loggerPorts';

type Level = 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { info: 0, warn: 1, error: 2, silent: 3 };

/**
 * Writes one JSON line per event. Callers pass an event name and a few scalar fields (codes,
 * counts, correlation ids); there is no way to pass an object or free text through, which is
 * how report content stays out of the logs.
 */
export class JsonLogger implements Logger {
  constructor(
    private readonly level: Level | 'silent',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    private readonly now: () => Date = () => new Date(),
  ) {}

  info(event: string, fields?: LogFields): void {
    this.log('info', event, fields);
  }

  warn(event: string, fields?: LogFields): void {
    this.log('warn', event, fields);
  }

  error(event: string, fields?: LogFields): void {
    this.log('error', event, fields);
  }

  private log(level: Level, event: string, fields: LogFields = {}): void {
    if (RANK[level] < RANK[this.level]) return;
    const safe: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      safe[key] = typeof value === 'string' ? value.slice(0, 200) : value;
    }
    this.write(JSON.stringify({ time: this.now().toISOString(), level, event, ...safe }));
  }
}
