import { CosmosClient, type CosmosClientOptions, type Database } from '@azure/cosmos';
import type { Repositories } from '../app/common/repositories';
import { ConfigurationError } from '../domain/errors';
import { COSMOS_CONTAINERS, COSMOS_INDEXING_POLICY } from './cosmosContainerSpecs';
import { CosmosDocumentContainer } from './cosmosDocumentContainer';
import { repositoriesOver } from './repositoriesOver';

/** How to reach the Cosmos DB account. */
export interface CosmosRepositoriesOptions {
  /** Account endpoint, such as `https://<account>.documents.azure.com:443/`. Ignored when `client` is given. */
  endpoint: string;
  /** Account key. Local and test use only; production uses `aadCredentials`. */
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
  /**
   * `create` (default; local runs, emulator, tests): create the database and the containers of
   * `COSMOS_CONTAINERS` when absent. `existing` (production): only check that they exist and
   * name what is missing — data-plane roles cannot create them, the deployment declares them.
   */
  containers?: 'create' | 'existing';
}

/**
 * Repositories on Cosmos DB, one container per repository, partitioned by `/id`
 * (`COSMOS_CONTAINERS`).
 */
export async function createCosmosRepositories(options: CosmosRepositoriesOptions): Promise<Repositories> {
  const ownsClient = options.client === undefined;
  const client = options.client ?? newClient(options);
  try {
    const database = options.containers === 'existing' ? await existingDatabase(client, options.databaseId) : (await client.databases.createIfNotExists({ id: options.databaseId })).database;
    const create = options.containers !== 'existing';
    let closed = false;
    return await repositoriesOver(
      <T extends { id: string }>(name: string) => openContainer<T>(database, name, create),
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

/** The database and every container must be there; one error names all that are missing. */
async function existingDatabase(client: CosmosClient, databaseId: string): Promise<Database> {
  const database = client.database(databaseId);
  if (!(await exists(() => database.read()))) {
    throw new ConfigurationError([`Cosmos DB database "${databaseId}" does not exist: production does not create it (its identity has a data-plane role only); deploy infra/ or set COSMOS_DATABASE.`]);
  }
  const missing: string[] = [];
  for (const spec of COSMOS_CONTAINERS) {
    if (!(await exists(() => database.container(spec.name).read()))) missing.push(spec.name);
  }
  if (missing.length > 0) {
    throw new ConfigurationError([`Cosmos DB database "${databaseId}" lacks the container(s) ${missing.join(', ')}: production does not create them; deploy infra/ (modules/cosmos.bicep declares every container).`]);
  }
  return database;
}

/** Reads metadata; false on 404 (the v4 SDK throws for a missing database or container), anything else is thrown. */
async function exists(read: () => Promise<{ statusCode: number }>): Promise<boolean> {
  try {
    return (await read()).statusCode !== 404;
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) return false;
    throw error;
  }
}

async function openContainer<T extends { id: string }>(database: Database, id: string, create: boolean): Promise<CosmosDocumentContainer<T>> {
  if (!create) return new CosmosDocumentContainer<T>(database.container(id));
  const spec = COSMOS_CONTAINERS.find((candidate) => candidate.name === id);
  const { container } = await database.containers.createIfNotExists({
    id,
    partitionKey: { paths: [spec?.partitionKeyPath ?? '/id'] },
    indexingPolicy: { ...COSMOS_INDEXING_POLICY, includedPaths: [...COSMOS_INDEXING_POLICY.includedPaths], excludedPaths: [...COSMOS_INDEXING_POLICY.excludedPaths] },
    ...(spec && spec.uniqueKeys.length > 0 ? { uniqueKeyPolicy: { uniqueKeys: spec.uniqueKeys.map((paths) => ({ paths: [...paths] })) } } : {}),
  });
  return new CosmosDocumentContainer<T>(container);
}
