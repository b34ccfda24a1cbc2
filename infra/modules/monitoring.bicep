// Log Analytics + workspace-based Application Insights (Entra-only ingestion: the app sends with
// its managed identity), an action group, and the three alerts of docs/OPERATIONS.md. The alerts
// read the app's own OpenTelemetry metrics (bot/telemetry), which carry codes and counts only.

param location string
param namePrefix string
param tags object = {}

@description('Principal id of the app\'s managed identity (Monitoring Metrics Publisher: Entra ingestion).')
param principalId string

@description('Where alerts go (the operations team\'s mailbox). Empty: alerts fire without notification.')
param alertEmail string = ''

@description('Days the workspace keeps telemetry.')
param retentionInDays int = 90

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-appi'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

var metricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, metricsPublisher)
  scope: appInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisher)
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'vm-ops'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// name, severity, window, KQL (a row means: fire). Metric names and dimensions: bot/telemetry/telemetryNames.ts.
var alerts = [
  {
    name: 'failed-deliveries'
    description: 'Proactive messages given up after their retries (outbox items failed): a handler or reporter did not get a notice. See docs/OPERATIONS.md.'
    severity: 2
    window: 'PT15M'
    query: 'customMetrics | where name == "vm.outbox.deliveries" and tostring(customDimensions["vm.outcome"]) == "failed" | summarize failed = sum(valueSum) | where failed > 0'
  }
  {
    name: 'escalations'
    description: 'A case or team action passed its deadline and was escalated. See docs/OPERATIONS.md.'
    severity: 3
    window: 'PT1H'
    query: 'customMetrics | where name == "vm.reminders.escalations" | summarize escalations = sum(valueSum) | where escalations > 0'
  }
  {
    name: 'startup-failures'
    description: 'The application could not be built (settings, directory, storage or keys) or the health probe answers 503. See docs/OPERATIONS.md.'
    severity: 1
    window: 'PT15M'
    query: 'union (customMetrics | where name == "vm.startups" and tostring(customDimensions["vm.outcome"]) == "failed" | project timestamp), (requests | where name == "health" and resultCode == "503" | project timestamp) | summarize failures = count() | where failures > 0'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alerts: {
    name: '${namePrefix}-${alert.name}'
    location: location
    tags: tags
    properties: {
      displayName: '${namePrefix}: ${alert.name}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [ appInsights.id ]
      evaluationFrequency: 'PT5M'
      windowSize: alert.window
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: { actionGroups: [ actionGroup.id ] }
    }
  }
]

output connectionString string = appInsights.properties.ConnectionString
output appInsightsName string = appInsights.name
output workspaceId string = workspace.id
