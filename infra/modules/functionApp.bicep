// The Function App on the Flex Consumption plan, Node 22, running as the user-assigned managed
// identity: HTTPS only, deployment package and host storage reached with that identity, app
// settings wired from the other resources. No secret is in a setting: with botAuth
// 'UserAssignedMSI' there is none at all; with 'SingleTenant' the bot's client secret is a Key
// Vault reference. test/infra/bicepConsistency.test.ts checks that these settings satisfy
// bot/config.ts in production mode and that every timer's %SCHEDULE% setting is here.

param location string
param name string
param tags object = {}

@description('Resource id and client id of the app\'s user-assigned managed identity.')
param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerUrl string

@description('The bot\'s app id (MicrosoftAppId): the managed identity\'s client id, or the app registration\'s.')
param botAppId string

@description('Key Vault secret URI of the bot\'s client secret (SingleTenant only; empty with UserAssignedMSI).')
param botPasswordSecretUri string = ''

param cosmosEndpoint string
param cosmosDatabase string
param keyVaultUri string
param keyVaultSecretPrefix string
param appInsightsConnectionString string

@description('The organisation directory inside the deployed package (relative to the app root).')
param directoryFile string

@description('file, or graph (people and managers from Microsoft Graph).')
param directorySource string = 'file'

@description('The Teams tab\'s Application ID URI, api://<host>/<botAppId> (docs/tab.md; SingleTenant only: a managed identity cannot expose the tab\'s scope). Empty: the tab API answers 503 tab_not_configured.')
param tabAppIdUri string = ''

@description('Other settings of bot/config.ts (README "Settings"), e.g. { CASE_RETENTION_DAYS: \'1826\' }.')
param extraSettings object = {}

@description('Flex Consumption: the most instances the app scales to, and each instance\'s memory.')
param maximumInstanceCount int = 40
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var settings = [
  {
    // The host stops a request body past 256 KiB before the worker sees it (the worker checks again: functions/readBodyWithinLimit.ts).
    name: 'FUNCTIONS_REQUEST_BODY_SIZE_LIMIT'
    value: '262144'
  }
  {
    name: 'MicrosoftAppId'
    value: botAppId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenant().tenantId
  }
  {
    name: 'AZURE_CLIENT_ID'
    value: identityClientId
  }
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmosEndpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: cosmosDatabase
  }
  {
    name: 'KEY_VAULT_URL'
    value: keyVaultUri
  }
  {
    name: 'KEY_VAULT_SECRET_PREFIX'
    value: keyVaultSecretPrefix
  }
  {
    name: 'DIRECTORY_FILE'
    value: directoryFile
  }
  {
    name: 'DIRECTORY_SOURCE'
    value: directorySource
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  {
  }
  {
    name: 'DRAFT_PURGE_SCHEDULE'
    value: '0 15 3 * * *'
  }
  {
    name: 'OUTBOX_SCHEDULE'
    value: '0 * * * * *'
  }
  {
    name: 'REMINDER_SCHEDULE'
    value: '0 */5 * * * *'
  }
  {
    name: 'DIGEST_SCHEDULE'
    value: '0 0 7 * * 1'
  }
  {
    name: 'HANDOVER_CHECK_SCHEDULE'
    value: '0 30 5 * * *'
  }
  {
    name: 'CASE_PURGE_SCHEDULE'
    value: '0 45 3 * * *'
  }
  {
    name: 'TEAM_TOPICS_SCHEDULE'
    value: '0 */15 * * * *'
  }
]

var passwordSetting = empty(botPasswordSecretUri) ? [] : [
  {
    name: 'MicrosoftAppPassword'
    value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecretUri})'
  }
]

var tabSetting = empty(tabAppIdUri) ? [] : [
  {
    name: 'TAB_APP_ID_URI'
    value: tabAppIdUri
  }
]

var extra = [for item in items(extraSettings): {
  name: item.key
  value: string(item.value)
}]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(settings, passwordSetting, tabSetting, extra)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

// Basic-auth publishing (FTP, SCM) off: deployments use Entra ID.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output name string = site.name
output hostName string = site.properties.defaultHostName
