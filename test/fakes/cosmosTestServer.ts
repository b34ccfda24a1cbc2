/**
 * An in-process Cosmos DB server for tests (`@zeit/cosmosdb-server` over plain HTTP on loopback),
 * so the Cosmos storage code runs against the real SDK without an account or the emulator.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { Agent } from 'node:https';
import { createHttpServer, createHttpsServer } from '@zeit/cosmosdb-server';

/** A running test server and a client connected to it. */
export interface CosmosTestServer {
  endpoint: string;
  /** A dummy key: the server does not check authorisation, but the SDK insists on one. */
  key: string;
  client: CosmosClient;
  /** Every request the server received (method, path, the authorization header), for tests about how the app authenticates. */
  requests: { method: string; path: string; authorization?: string }[];
  /** Disposes the client and stops the server. */
  close(): Promise<void>;
}

/** The well-known, public Cosmos emulator key; any base64 string would do for this server. */
const DUMMY_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/**
 * Starts a server on 127.0.0.1 with a random free port. `tls`: https with this certificate (about
 * 4× slower), for Entra ID tokens, which the SDK sends over https only; the returned client trusts `ca`.
 */
export async function startCosmosTestServer(options: { tls?: { key: string; cert: string; ca: string } } = {}): Promise<CosmosTestServer> {
  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }) : createHttpServer();
  const requests: CosmosTestServer['requests'] = [];
  server.prependListener('request', (request: IncomingMessage) => {
    requests.push({ method: request.method ?? '', path: new URL(request.url ?? '/', 'http://127.0.0.1').pathname, authorization: request.headers.authorization });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  // Endpoint discovery would ask the server for other regions and redirect to its https address.
  const agent = options.tls ? new Agent({ ca: options.tls.ca }) : undefined;
  const client = new CosmosClient({ endpoint, key: DUMMY_KEY, connectionPolicy: { enableEndpointDiscovery: false }, agent });
  return {
    endpoint,
    key: DUMMY_KEY,
    client,
    requests,
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
