import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

/**
 * The app's managed identity as an Entra ID token credential (Cosmos DB, Key Vault): the
 * user-assigned one whose client id is given (AZURE_CLIENT_ID, the Azure SDKs' usual setting), else
 * the system-assigned one. On Azure Functions the token comes from the host's local identity
 * endpoint (IDENTITY_ENDPOINT, IDENTITY_HEADER); no secret is involved.
 */
export function managedIdentityCredential(clientId?: string): TokenCredential {
  return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
}
