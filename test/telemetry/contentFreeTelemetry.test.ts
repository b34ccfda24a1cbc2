/**
 * Telemetry without content. An OpenTelemetry SDK with in-memory exporters stands in for the Azure
 * Monitor distro (functions/telemetry.ts wires that in production); a report is driven through
 * POST /api/messages, the outbox delivers its receipt, and everything exported — span names,
 * attributes, events and every metric data point — is searched for the typed text, the reference,
 * the reporter's ids and name, and the case's stored ids.
 */
import { context, metrics, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { CaseRecord } from '../../bot/app/cases/casePorts';
import { getApplication } from '../../bot/composition';
import { FOREIGN_METRIC_VIEWS, OwnSpansOnly } from '../../bot/telemetry/contentFilters';
import { TelemetryLogger } from '../../bot/telemetry/telemetryLogger';
import { traced } from '../../bot/telemetry/traced';
import { textIn } from '../cards/cardChecks';
import { dialogCardOf, namedReportInputs, submitReview, walkToReview } from '../e2e/wizardJourney';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { RecordingLogger } from '../fakes/recordingLogger';
import { readEmbeddedDocuments } from '../fakes/readEmbeddedDocuments';
import { REFERENCE } from '../fixtures/demoPeople';
import { personalConversationId, type TeamsUser } from '../fixtures/teamsActivities';

const anna: TeamsUser = { id: '29:1anna-telemetry', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000a0a1', name: 'Anna de Vries', locale: 'nl-NL' };

/** Collects on demand: no timers, no wall clock. */
class CollectingReader extends MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

const spans = new InMemorySpanExporter();
// The same filters as production (functions/telemetry.ts): only the application's own spans and metrics are exported.
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new OwnSpansOnly(), new SimpleSpanProcessor(spans)] });
const reader = new CollectingReader({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
const meterProvider = new MeterProvider({ readers: [reader], views: FOREIGN_METRIC_VIEWS });
const contextManager = new AsyncLocalStorageContextManager().enable();

beforeAll(() => {
  // Registered before the application is built, as the distro is in production (functions/telemetry.ts).
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
});

afterAll(async () => {
  trace.disable();
  metrics.disable();
  context.disable();
  await tracerProvider.shutdown();
  await meterProvider.shutdown();
});

/** What a span exports that could carry content: its name, attributes, events and status. */
function exportedSpan(span: ReadableSpan): unknown {
  return { name: span.name, attributes: span.attributes, events: span.events.map((event) => ({ name: event.name, attributes: event.attributes })), status: span.status };
}

/** Every metric with its data points' attributes and values. */
function exportedMetrics(collected: ResourceMetrics): { name: string; points: { attributes: Record<string, unknown>; value: unknown }[] }[] {
  return collected.scopeMetrics.flatMap((scope) =>
    scope.metrics.map((metric) => ({ name: metric.descriptor.name, points: metric.dataPoints.map((point) => ({ attributes: { ...point.attributes }, value: point.value })) })),
  );
}

describe('telemetry of a report through POST /api/messages', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness();
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
  });

  it('when a named report is made and its receipt delivered, then turns, jobs, use cases and deliveries are measured, and nothing exported holds text, reference or ids', async () => {
    const journey = namedReportInputs('Telemetrie-test: hij scheldt mij uit in de kantine, elke vrijdag na het appel.');
    const receipt = dialogCardOf(await submitReview(bot, anna, await walkToReview(bot, anna, journey)));
    const reference = REFERENCE.exec(textIn(receipt))?.[0];
    expect(reference).toBeDefined();
    await (await getApplication()).deliverOutbox();
    expect(bot.connector.cardsSentTo(personalConversationId(anna))).toHaveLength(1);

    const finished = spans.getFinishedSpans();
    const { resourceMetrics } = await reader.collect();
    const measured = exportedMetrics(resourceMetrics);

    // Only the application's own spans are exported: the Agents SDK's (conversation ids, service URLs) are not.
    expect(finished.every((span) => span.name.startsWith('vm.'))).toBe(true);
    // Turns: one per activity, with protocol codes and the HTTP status only.
    const turns = finished.filter((span) => span.name === 'vm.turn');
    expect(turns.length).toBeGreaterThanOrEqual(8);
    expect(turns.map((span) => span.attributes)).toContainEqual({ 'vm.activity.type': 'invoke', 'vm.activity.name': 'task/submit', 'http.response.status_code': 200 });
    // The use case's events ride on the turn's span, with codes only.
    expect(turns.flatMap((span) => span.events.map((event) => event.name))).toContain('case.submitted');
    expect(finished.filter((span) => span.name === 'vm.job').map((span) => span.attributes['vm.job'])).toContain('deliverOutbox');
    // Metrics: the use case, the delivery, the durations.
    const points = (name: string) => measured.filter((metric) => metric.name === name).flatMap((metric) => metric.points);
    expect(points('vm.events')).toContainEqual({ attributes: { 'vm.event': 'case.submitted' }, value: 1 });
    expect(points('vm.outbox.deliveries')).toContainEqual({ attributes: { 'vm.outcome': 'sent' }, value: expect.any(Number) });
    expect(points('vm.duration').map((point) => point.attributes['vm.operation'])).toEqual(expect.arrayContaining(['vm.turn', 'deliverOutbox']));

    const stored = readEmbeddedDocuments<CaseRecord>(bot.dataDir, 'cases').find((item) => item.reference === reference)!;
    const forbidden = [
      journey.details.description!,
      journey.details.location!,
      journey.involved.involved!,
      'scheldt',
      'Jansen',
      reference!,
      anna.id,
      anna.aadObjectId,
      anna.name,
      personalConversationId(anna),
      stored.id,
      ...(stored.reporterKey ? [stored.reporterKey] : []),
      ...(stored.handlerKey ? [stored.handlerKey] : []),
    ];
    const exported = JSON.stringify({ spans: finished.map(exportedSpan), metrics: measured });
    for (const value of forbidden) expect(exported).not.toContain(value);
  });
});

describe('TelemetryLogger', () => {
  it('when a log event carries ids, text or odd strings in code fields, then only numbers and code-shaped codes become attributes', async () => {
    const inner = new RecordingLogger();
    const logger = new TelemetryLogger(inner);
    await traced('vm.probe', {}, async () => {
      logger.warn('outbox.retry', { itemId: 'outbox-123', code: '429', attempts: 2, delayMs: 1500, correlationId: 'c-1' });
      logger.error('turn.failed', { correlationId: 'c-2', errorName: 'Sergeant Jansen scheldt', activityType: 'message' });
    });

    const probe = spans.getFinishedSpans().find((span) => span.name === 'vm.probe')!;
    expect(probe.events.map((event) => [event.name, event.attributes])).toEqual([
      ['outbox.retry', { 'vm.code': '429', 'vm.attempts': 2, 'vm.delayMs': 1500 }],
      ['turn.failed', { 'vm.activityType': 'message' }],
    ]);
    expect(inner.entries.map((entry) => entry.event)).toEqual(['outbox.retry', 'turn.failed']);
    const throttled = exportedMetrics((await reader.collect()).resourceMetrics).find((metric) => metric.name === 'vm.outbox.deliveries')!.points;
    expect(throttled).toContainEqual({ attributes: { 'vm.outcome': 'throttled', 'vm.code': '429' }, value: 1 });
  });

  it('when a library traces or measures, then its spans and metrics are not exported', async () => {
    trace.getTracer('@microsoft/agents-telemetry').startActiveSpan('agents.adapter.process', (span) => {
      span.setAttribute('activity.conversation_id', 'a:1secret-conversation');
      span.end();
    });
    metrics.getMeter('@microsoft/agents-telemetry').createCounter('agents.activities').add(1, { 'activity.conversation_id': 'a:1secret-conversation' });

    expect(spans.getFinishedSpans().map((span) => span.name)).not.toContain('agents.adapter.process');
    expect(JSON.stringify(exportedMetrics((await reader.collect()).resourceMetrics))).not.toContain('secret-conversation');
  });
});
