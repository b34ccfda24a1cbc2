import { TraceFlags, type Context } from '@opentelemetry/api';
import type { LogRecordProcessor, SdkLogRecord } from '@opentelemetry/sdk-logs';
import { AggregationType, type ViewOptions } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OWN_SCOPE } from './telemetryNames';


/**
 * Only the application's own spans (`vm.*`, code-only attributes) are exported. Libraries trace
 * too — the Agents SDK's spans carry conversation ids and service URLs, HTTP spans carry URLs with
 * conversation ids — so every other span is marked unsampled when it starts, which exporting
 * processors after this one skip (the pattern Azure Monitor documents for dropping spans).
 */
export class OwnSpansOnly implements SpanProcessor {
  onStart(span: Span, _parentContext: Context): void {
    if (span.instrumentationScope.name !== OWN_SCOPE || !span.name.startsWith('vm.')) {
      span.spanContext().traceFlags = TraceFlags.NONE;
    }
  }

  onEnd(_span: ReadableSpan): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

/**
 * Log records of other libraries (the Agents SDK logs through OpenTelemetry when it finds the
 * logs API, with activity details in the text) lose their body before the exporter sees them.
 */
export class OwnLogsOnly implements LogRecordProcessor {
  onEmit(record: SdkLogRecord): void {
    if (record.instrumentationScope.name !== OWN_SCOPE) {
      record.setBody('(not exported: only veilig-melden\'s own telemetry leaves the process)');
    }
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

/** Metric views that drop every instrument of the Agents SDK (its attributes are not ours to vet). */
export const FOREIGN_METRIC_VIEWS: ViewOptions[] = [{ meterName: '@microsoft/agents-telemetry', aggregation: { type: AggregationType.DROP } }];
