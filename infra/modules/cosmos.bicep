// Cosmos DB for NoSQL: serverless by default (autoscale as a parameter), continuous backup for
// point-in-time restore, key auth disabled. The database and every container the code opens are
// declared here: the app's identity has a data-plane role only, which cannot create them, and the
// code never tries in production. Keep `containers` and `indexingPolicy` in step with
// bot/storage/cosmosContainerSpecs.ts (test/infra/bicepConsistency.test.ts checks it).

param location string
param name string
param tags object = {}

@description('Database name (app setting COSMOS_DATABASE).')
param databaseName string = 'veilig-melden'

@description('serverless (default: pay per request) or autoscale (provisioned throughput shared by the database).')
@allowed([
  'serverless'
  'autoscale'
])
param capacityMode string = 'serverless'

@description('autoscale only: the database\'s maximum RU/s (scales between 10% and this).')
param autoscaleMaxThroughput int = 1000

@description('Continuous backup tier: Continuous7Days or Continuous30Days (point-in-time restore window).')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param continuousBackupTier string = 'Continuous30Days'

@description('Principal id of the app\'s managed identity (Cosmos DB Built-in Data Contributor).')
param principalId string

// One container per repository, partitioned by /id; the code relies on no unique key beyond the id.
var containers = [
  {
    name: 'drafts'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'cases'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'conversationReferences'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'relayAddresses'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'outbox'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'purgeLog'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'audit'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'teams'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'teamActions'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
  {
    name: 'attempts'
    partitionKeyPath: '/id'
    uniqueKeys: []
  }
]

// Range index on every path: the repositories filter and sort (single-field ORDER BY) on
// top-level fields; no composite index is needed. _etag is never queried.
var indexingPolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [
    {
      path: '/*'
    }
  ]
  excludedPaths: [
    {
      path: '/"_etag"/?'
    }
  ]
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: capacityMode == 'serverless' ? [ { name: 'EnableServerless' } ] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: continuousBackupTier }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: capacityMode == 'autoscale' ? { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } } : {}
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for spec in containers: {
    parent: database
    name: spec.name
    properties: {
      resource: {
        id: spec.name
        partitionKey: {
          paths: [ spec.partitionKeyPath ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: indexingPolicy
        uniqueKeyPolicy: { uniqueKeys: spec.uniqueKeys }
      }
    }
  }
]

// Cosmos DB Built-in Data Contributor (data plane: read, write, query; not create containers).
var dataContributor = '00000000-0000-0000-0000-000000000002'

resource dataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, principalId, dataContributor)
  properties: {
    principalId: principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
output databaseName string = database.name
