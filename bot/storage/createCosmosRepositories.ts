import { CosmosClient, type CosmosClientOptions, type Database } from '@azure/cosmos';
import type { Repositories } from '../app/ports';
import { ConfigurationError } from '../domain/errors';
import { CosmosDocumentContainer } from './cosmosDocumentContainer';
import { repositoriesOver } from './repositoriesOver';

/** How to reach the Cosmos DB account. */
export interface CosmosRepositoriesOptions {
  /** Account endpoint, such as `https://<account>.documents.azure.com:443/`. Ignored when `client` is given. */
  endpoint: string;
  /** Account key. Local and test use only; production should use `aadCredentials`. */
  key?: string;
  /**
   * An Entra ID credential (for example `ManagedIdentityCredential` from `@azure/identity`),
   * typed structurally so this module does not depend on that package.
   */
  aadCredentials?: CosmosClientOptions['aadCredentials'];
  /** Passed to the client; the local Cosmos-compatible server needs `{ enableEndpointDiscovery: false }`. */
  connectionPolicy?: CosmosClientOptions['connectionPolicy'];
  databaseId: string;
  /** A ready client (tests, or one shared by the composition root). Not disposed by `close()`. */
  client?: CosmosClient;
}

/**
 * Repositories on Cosmos DB. Creates the database and the containers (partition key `/id`) when
 * they are absent, so a fresh account or emulator works without a deployment step; the default
 * indexing policy (every path, range) serves all queries used here.
 */
export async function createCosmosRepositories(options: CosmosRepositoriesOptions): Promise<Repositories> {
  const ownsClient = options.client === undefined;
  const client = options.client ?? newClient(options);
  try {
    const { database } = await client.databases.createIfNotExists({ id: options.databaseId });
    let closed = false;
    return await repositoriesOver(
      <T extends { id: string }>(name: string) => openContainer<T>(database, name),
      async () => {
        if (closed) return;
        closed = true;
        if (ownsClient) client.dispose();
      },
    );
  } catch (error) {
    if (ownsClient) client.dispose();
    throw error;
  }
}

function newClient(options: CosmosRepositoriesOptions): CosmosClient {
  if (!options.key && !options.aadCredentials) {
    throw new ConfigurationError(['Cosmos DB needs a key or Entra ID credentials (managed identity); neither was given.']);
  }
  const { endpoint, key, aadCredentials, connectionPolicy } = options;
  return new CosmosClient({ endpoint, key, aadCredentials, connectionPolicy });
}

async function openContainer<T extends { id: string }>(database: Database, id: string): Promise<CosmosDocumentContainer<T>> {
  const { container } = await database.containers.createIfNotExists({ id, partitionKey: { paths: ['/id'] } });
  return new CosmosDocumentContainer<T>(container);
}
