import type { LogFields, Logger } from '../../bot/app/common/loggerPorts';

/** One call of the logger. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: LogFields;
}

/** A Logger that keeps what it was told, for assertions on events and on what never gets logged. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[] = [];

  info(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'info', event, fields });
  }

  warn(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'warn', event, fields });
  }

  error(event: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'error', event, fields });
  }

  /** The entries of one event. */
  events(event: string): LogEntry[] {
    return this.entries.filter((entry) => entry.event === event);
  }

  /** Everything logged, as one string: for asserting that no payload or identifier leaked. */
  text(): string {
    return JSON.stringify(this.entries);
  }
}
