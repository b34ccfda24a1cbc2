import { context, createContextKey, metrics, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import { METRICS, OWN_SCOPE } from './telemetryNames';

const tracer = () => trace.getTracer(OWN_SCOPE);

/** The innermost `vm.*` span of the current work: libraries' spans in between are not exported, so events go here. */
const OWN_SPAN = createContextKey('veilig-melden.span');

/** The application's own span the current code runs in, if any. */
export function ownActiveSpan(): Span | undefined {
  return context.active().getValue(OWN_SPAN) as Span | undefined;
}
const duration = () => metrics.getMeter(OWN_SCOPE).createHistogram(METRICS.duration, { unit: 'ms' });

/**
 * Runs `work` in a span named `name` with code-only `attributes`, records its duration, and marks
 * the span as failed with the error's class name only (never its message, which could hold input).
 * `resultAttributes` adds codes or counts from the result (e.g. an HTTP status).
 */
export async function traced<T>(name: string, attributes: Attributes, work: () => Promise<T>, resultAttributes?: (result: T) => Attributes): Promise<T> {
  const started = performance.now();
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      const result = await context.with(context.active().setValue(OWN_SPAN, span), work);
      if (resultAttributes) span.setAttributes(resultAttributes(result));
      span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('vm.error', error instanceof Error ? error.name : typeof error);
      throw error;
    } finally {
      duration().record(performance.now() - started, { 'vm.operation': String(attributes['vm.job'] ?? name) });
      span.end();
    }
  });
}
