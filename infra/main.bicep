// Veilig Melden: everything one environment needs, in one resource group.
//
//   az deployment group create --resource-group <rg> --template-file infra/main.bicep \
//     --parameters infra/main.bicepparam
//
// (docs/DEPLOY.md: why `az deployment group create` and not `azd up`, and the steps around it.)
targetScope = 'resourceGroup'

@description('Short name used in every resource name (lower-case letters and digits).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'veiligmeld'

param location string = resourceGroup().location

@description('How the bot authenticates: UserAssignedMSI (default, no secret) or SingleTenant (an app registration; pass botAppId and botAppPassword).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuth string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s client id.')
param botAppId string = ''

@description('SingleTenant only: the app registration\'s client secret (stored in Key Vault, read through a Key Vault reference).')
@secure()
param botAppPassword string = ''

@description('SingleTenant only: the Teams tab\'s Application ID URI, api://<host the app is reached at>/<botAppId> (docs/tab.md, "Registering the app"). Empty: the tab is not configured (its API answers 503).')
param tabAppIdUri string = ''

@description('Cosmos DB capacity: serverless (default) or autoscale.')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosCapacityMode string = 'serverless'

@description('autoscale only: maximum RU/s of the database.')
param cosmosAutoscaleMaxThroughput int = 1000

@description('The organisation directory in the deployed package (docs/DEPLOY.md "The first directory file").')
param directoryFile string = 'config/directory.json'

@description('file, or graph: people and manager chains from Microsoft Graph.')
@allowed([
  'file'
  'graph'
])
param directorySource string = 'file'

@description('First part of the key-set secret names.')
param keyVaultSecretPrefix string = 'vm-keys'

@description('Create absent key sets with a deployment script on this deployment (scripts/create-key-sets.sh).')
param createKeySets bool = true

@description('Entra object ids of the people who administer the key sets (Key Vault Secrets Officer).')
param keyAdministratorIds array = []

@description('Mailbox for the alerts.')
param alertEmail string = ''

@description('Further settings of bot/config.ts, as strings (README "Settings").')
param extraSettings object = {}

param tags object = {
  application: 'veilig-melden'
}

var suffix = uniqueString(resourceGroup().id)
var functionAppName = '${namePrefix}-func-${suffix}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: '${namePrefix}-id'
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
    principalId: identity.outputs.principalId
    alertEmail: alertEmail
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: take('${namePrefix}st${suffix}', 24)
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    name: '${namePrefix}-cosmos-${suffix}'
    tags: tags
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    principalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    name: take('${namePrefix}-kv-${suffix}', 24)
    tags: tags
    principalId: identity.outputs.principalId
    secretPrefix: keyVaultSecretPrefix
    createKeySets: createKeySets
    keyAdministratorIds: keyAdministratorIds
    botAppPassword: botAuth == 'SingleTenant' ? botAppPassword : ''
  }
}

var effectiveBotAppId = botAuth == 'UserAssignedMSI' ? identity.outputs.clientId : botAppId

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    name: functionAppName
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    botAppId: effectiveBotAppId
    botPasswordSecretUri: keyVault.outputs.botPasswordSecretUri
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    keyVaultUri: keyVault.outputs.uri
    keyVaultSecretPrefix: keyVaultSecretPrefix
    appInsightsConnectionString: monitoring.outputs.connectionString
    directoryFile: directoryFile
    directorySource: directorySource
    tabAppIdUri: botAuth == 'SingleTenant' ? tabAppIdUri : ''
    extraSettings: extraSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${suffix}'
    tags: tags
    botAuth: botAuth
    botAppId: effectiveBotAppId
    identityId: identity.outputs.id
    messagingEndpoint: 'https://${functionApp.outputs.hostName}/api/messages'
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.hostName
@description('For the Teams app package: BOT_ID and BOT_DOMAIN of `npm run package`.')
output botAppId string = effectiveBotAppId
output keyVaultName string = keyVault.outputs.name
output cosmosAccountName string = cosmos.outputs.accountName
output appInsightsName string = monitoring.outputs.appInsightsName
