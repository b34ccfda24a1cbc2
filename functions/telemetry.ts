/**
 * Production telemetry: the Azure Monitor OpenTelemetry distro, started before anything else is
 * loaded (functions/index.ts imports this first) when Application Insights is configured. Only the
 * application's own `vm.*` spans and metrics leave the process (bot/telemetry/contentFilters.ts);
 * the distro's HTTP and Azure SDK instrumentations are off, because their spans carry URLs with
 * conversation ids and query texts. Ingestion uses Entra ID with the app's managed identity
 * (APPLICATIONINSIGHTS_AUTHENTICATION_STRING is set by infra/), no instrumentation key secret.
 */
import { createRequire } from 'node:module';
import { FOREIGN_METRIC_VIEWS, OwnLogsOnly, OwnSpansOnly } from '../bot/telemetry/contentFilters';
import { managedIdentityCredential } from '../bot/security/managedIdentityCredential';

const connectionString = process.env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
if (connectionString && process.env.MicrosoftAppId) {
  // Loaded only here (about 1.5 s): local runs and tests, which have no connection string, skip it.
  const { useAzureMonitor } = createRequire(__filename)('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, credential: managedIdentityCredential(process.env.AZURE_CLIENT_ID?.trim() || undefined) },
    instrumentationOptions: {
      http: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
    // Every own span (the default, 5 traces per second with an empty budget at start, drops the first ones).
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    spanProcessors: [new OwnSpansOnly()],
    logRecordProcessors: [new OwnLogsOnly()],
    views: FOREIGN_METRIC_VIEWS,
  });
}
