// The Azure Bot registration with the Teams channel and the messaging endpoint. New multi-tenant
// registrations cannot be created any more: the bot is either the app's user-assigned managed
// identity (default: no secret anywhere; the Agents SDK gets its tokens through that identity
// when MicrosoftAppPassword is absent) or a single-tenant app registration (its secret in Key Vault).

param name string
param tags object = {}
param displayName string = 'Veilig Melden'

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAuth string = 'UserAssignedMSI'

@description('The bot\'s app id: the identity\'s client id (UserAssignedMSI) or the app registration\'s (SingleTenant).')
param botAppId string

@description('UserAssignedMSI only: the identity\'s resource id.')
param identityId string = ''

@description('https://<function app host>/api/messages')
param messagingEndpoint string

@allowed([
  'F0'
  'S1'
])
param sku string = 'S1'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: botAppId
    msaAppType: botAuth
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: botAuth == 'UserAssignedMSI' ? identityId : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output name string = bot.name
