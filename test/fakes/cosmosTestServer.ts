/**
 * An in-process Cosmos DB server for tests (`@zeit/cosmosdb-server` over plain HTTP on loopback),
 * so the Cosmos storage code runs against the real SDK without an account or the emulator.
 */
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@zeit/cosmosdb-server';

/** A running test server and a client connected to it. */
export interface CosmosTestServer {
  endpoint: string;
  /** A dummy key: the server does not check authorisation, but the SDK insists on one. */
  key: string;
  client: CosmosClient;
  /** Disposes the client and stops the server. */
  close(): Promise<void>;
}

/** The well-known, public Cosmos emulator key; any base64 string would do for this server. */
const DUMMY_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/** Starts a server on 127.0.0.1 with a random free port. */
export async function startCosmosTestServer(): Promise<CosmosTestServer> {
  const server = createHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  // Endpoint discovery would ask the server for other regions and redirect to its https address.
  const client = new CosmosClient({ endpoint, key: DUMMY_KEY, connectionPolicy: { enableEndpointDiscovery: false } });
  return {
    endpoint,
    key: DUMMY_KEY,
    client,
    async close() {
      client.dispose();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The server answers with `connection: close`, but drop any socket still open so close() cannot hang.
        server.closeAllConnections();
      });
    },
  };
}
