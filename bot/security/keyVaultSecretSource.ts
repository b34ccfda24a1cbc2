import type { TokenCredential } from '@azure/identity';
import { SecretClient, type SecretClientOptions } from '@azure/keyvault-secrets';
import { isLoopback } from '../config';
import type { SecretSource } from './loadKeyRingFromKeyVault';
import { managedIdentityCredential } from './managedIdentityCredential';

/**
 * Secrets from Azure Key Vault, read with the app's managed identity (a user-assigned one when
 * AZURE_CLIENT_ID, the Azure SDKs' usual setting, names its client id). A secret that does not
 * exist (404) reads as undefined; every other failure throws.
 * @param credential replaces the managed identity (tests).
 * @param options passed to the SecretClient; tests use them to reach a fake vault on loopback.
 */
export function keyVaultSecretSource(vaultUrl: string, credential?: TokenCredential, options?: SecretClientOptions): SecretSource {
  const url = new URL(vaultUrl);
  // The client sends its bearer token wherever the URL points, so plain http stays on this machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new Error(`Key Vault URL must use https (got ${url.protocol}//${url.host}).`);
  }
  const client = new SecretClient(vaultUrl, credential ?? managedIdentity(), options);
  return {
    async getSecret(name) {
      try {
        return (await client.getSecret(name)).value;
      } catch (error) {
        if ((error as { statusCode?: unknown }).statusCode === 404) return undefined;
        throw error;
      }
    },
  };
}

function managedIdentity(): TokenCredential {
  return managedIdentityCredential(process.env.AZURE_CLIENT_ID?.trim() || undefined);
}
