// Key Vault in RBAC mode with the five key-set secrets. The app's identity gets "Key Vault Secrets
// User" on each secret, not on the vault; people get access per key set the same way.
// The secrets' values are random keys that must never be in a template or a deployment's history,
// so they are created by scripts/create-key-sets.sh: on the first deployment as a deployment
// script (createKeySets), or by hand. An existing secret is never replaced.

param location string
param name string
param tags object = {}

@description('Principal id of the app\'s managed identity (Key Vault Secrets User per secret).')
param principalId string

@description('First part of the secret names (app setting KEY_VAULT_SECRET_PREFIX).')
param secretPrefix string = 'vm-keys'

@description('Run scripts/create-key-sets.sh as a deployment script, creating absent key sets.')
param createKeySets bool = true

@description('Principal ids (Entra object ids) of the people who administer the key sets: "Key Vault Secrets Officer" on the vault.')
param keyAdministratorIds array = []

@description('botAuth SingleTenant only: the client secret of the bot\'s app registration, stored as secret <prefix>-bot-password.')
@secure()
param botAppPassword string = ''

var purposes = [
  'content'
  'identity'
  'address'
  'relay'
  'pseudonym'
  'exclusion'
]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource admins 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for admin in keyAdministratorIds: {
    name: guid(vault.id, admin, secretsOfficer)
    scope: vault
    properties: {
      principalId: admin
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
    }
  }
]

// The deployment script runs as an identity of its own, which may write secrets; the app's cannot.
resource scriptIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (createKeySets) {
  name: '${name}-keyset-writer'
  location: location
  tags: tags
}

resource scriptOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (createKeySets) {
  name: guid(vault.id, 'keyset-writer', secretsOfficer)
  scope: vault
  properties: {
    principalId: createKeySets ? scriptIdentity!.properties.principalId : ''
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}

resource keySetScript 'Microsoft.Resources/deploymentScripts@2023-08-01' = if (createKeySets) {
  name: '${name}-create-key-sets'
  location: location
  tags: tags
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${scriptIdentity.id}': {} }
  }
  properties: {
    azCliVersion: '2.67.0'
    retentionInterval: 'PT1H'
    cleanupPreference: 'Always'
    timeout: 'PT15M'
    environmentVariables: [
      {
        name: 'VAULT_NAME'
        value: vault.name
      }
      {
        name: 'KEY_VAULT_SECRET_PREFIX'
        value: secretPrefix
      }
    ]
    scriptContent: loadTextContent('../scripts/create-key-sets.sh')
  }
  dependsOn: [ scriptOfficer ]
}

// The secrets exist now (created by the script, or earlier by hand): grant per secret.
resource keySets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = [
  for purpose in purposes: {
    parent: vault
    name: '${secretPrefix}-${purpose}'
  }
]

resource keySetReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (purpose, i) in purposes: {
    name: guid(vault.id, principalId, secretsUser, purpose)
    scope: keySets[i]
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    }
    dependsOn: [ keySetScript ]
  }
]

// SingleTenant bot only: the app registration's client secret, read by the Function App through a
// Key Vault reference (MicrosoftAppPassword), with Secrets User on this one secret.
resource botPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: '${secretPrefix}-bot-password'
  properties: {
    value: botAppPassword
    contentType: 'text/plain'
  }
}

resource botPasswordReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(botAppPassword)) {
  name: guid(vault.id, principalId, secretsUser, 'bot-password')
  scope: botPassword
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

output uri string = vault.properties.vaultUri
output name string = vault.name
output keySetSecretNames array = [for purpose in purposes: '${secretPrefix}-${purpose}']
output botPasswordSecretUri string = empty(botAppPassword) ? '' : '${vault.properties.vaultUri}secrets/${secretPrefix}-bot-password'
