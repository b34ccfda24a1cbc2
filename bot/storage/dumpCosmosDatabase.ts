import type { CosmosClient } from '@azure/cosmos';

/**
 * Every document of every container in the database, raw (system properties included), as JSON
 * keyed by container id. For confidentiality tests that assert nothing readable is stored.
 */
export async function dumpCosmosDatabase(client: CosmosClient, databaseId: string): Promise<string> {
  const database = client.database(databaseId);
  const { resources: containers } = await database.containers.readAll().fetchAll();
  const dump: Record<string, unknown[]> = {};
  for (const { id } of containers.sort((a, b) => a.id.localeCompare(b.id))) {
    const { resources } = await database.container(id).items.readAll().fetchAll();
    dump[id] = resources;
  }
  return JSON.stringify(dump, null, 2);
}
