// The app's user-assigned managed identity: the Function App runs as it, and it reaches Cosmos DB,
// Key Vault, the deployment storage and Application Insights, and (with botAuth 'UserAssignedMSI')
// it is the bot's identity towards the Bot Connector. No secret exists for it.

@description('Azure region.')
param location string

@description('Name of the identity.')
param name string

param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output name string = identity.name
