import { metrics, type Attributes, type Counter } from '@opentelemetry/api';
import type { LogFields, Logger } from '../app/common/loggerPorts';
import { CODE_FIELDS, CODE_VALUE, METRICS, OWN_SCOPE } from './telemetryNames';
import { ownActiveSpan } from './traced';

/**
 * A Logger that also turns each event into OpenTelemetry metrics (and an event on the application's
 * own active span), keeping only codes and numbers: a field becomes an attribute when it is a number or a
 * boolean, or a string in a code field (`CODE_FIELDS`) that looks like a code. Ids, references,
 * names and text never do, whatever a caller passes. Without an OpenTelemetry SDK registered
 * (tests, local runs) the API is a no-op.
 */
export class TelemetryLogger implements Logger {
  private readonly meter = metrics.getMeter(OWN_SCOPE);
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly inner: Logger) {}

  info(event: string, fields?: LogFields): void {
    this.inner.info(event, fields);
    this.record(event, fields);
  }

  warn(event: string, fields?: LogFields): void {
    this.inner.warn(event, fields);
    this.record(event, fields);
  }

  error(event: string, fields?: LogFields): void {
    this.inner.error(event, fields);
    this.record(event, fields);
  }

  private counter(name: string): Counter {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = this.meter.createCounter(name);
      this.counters.set(name, counter);
    }
    return counter;
  }

  private record(event: string, fields: LogFields = {}): void {
    if (!CODE_VALUE.test(event)) return;
    const attributes = safeAttributes(fields);
    ownActiveSpan()?.addEvent(event, attributes);
    this.counter(METRICS.events).add(1, { 'vm.event': event });
    const number = (name: string) => (typeof fields[name] === 'number' ? (fields[name] as number) : 0);
    const code = typeof fields.code === 'string' && CODE_VALUE.test(fields.code) ? { 'vm.code': fields.code } : {};
    switch (event) {
      case 'outbox.sent':
        this.counter(METRICS.outboxDeliveries).add(1, { 'vm.outcome': 'sent' });
        break;
      case 'outbox.retry':
        this.counter(METRICS.outboxDeliveries).add(1, { 'vm.outcome': fields.code === '429' ? 'throttled' : 'retried', ...code });
        break;
      case 'outbox.deferred':
        this.counter(METRICS.outboxDeliveries).add(1, { 'vm.outcome': fields.code === '429' ? 'throttled' : 'deferred', ...code });
        break;
      case 'outbox.failed':
        this.counter(METRICS.outboxDeliveries).add(1, { 'vm.outcome': 'failed', ...code });
        break;
      case 'reminders.run':
      case 'action_reminders.run':
        this.counter(METRICS.reminders).add(number('reminders'));
        this.counter(METRICS.escalations).add(number('escalations'));
        break;
      case 'cases.purged':
      case 'drafts.purged':
      case 'audit.purged':
        this.counter(METRICS.purged).add(number('count'), { 'vm.purge': event.split('.')[0]! });
        break;
      case 'retention.delivery_records':
      case 'retention.attempts':
        this.counter(METRICS.purged).add(Object.values(fields).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0), { 'vm.purge': event.split('.')[1]! });
        break;
      default:
        break;
    }
  }
}

/** Numbers and booleans as they are; strings only from code fields and only when they look like codes. */
export function safeAttributes(fields: LogFields): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'number' || typeof value === 'boolean') {
      if (!/id$/i.test(key)) attributes[`vm.${key}`] = value;
    } else if (typeof value === 'string' && CODE_FIELDS.has(key) && CODE_VALUE.test(value)) {
      attributes[`vm.${key}`] = value;
    }
  }
  return attributes;
}
