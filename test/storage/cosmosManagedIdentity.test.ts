/**
 * Production reaches Cosmos DB with the app's managed identity, never a key: the account has key
 * auth disabled and the identity only a data-plane role, so the app must not create the database
 * or containers either. The application is built in production mode with no COSMOS_KEY, in a
 * process of its own (productionStartChild.ts): the real `ManagedIdentityCredential` gets its token
 * from a fake managed-identity endpoint on loopback (IDENTITY_ENDPOINT / IDENTITY_HEADER, as the
 * Functions host provides them), and the Cosmos test server, on https because the SDK sends bearer
 * tokens over TLS only, records the authorization each request carries. Its certificate comes from
 * a test CA in test/fixtures/tls (loopback only) that the child trusts through NODE_EXTRA_CA_CERTS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { COSMOS_CONTAINERS } from '../../bot/storage/cosmosContainerSpecs';
import { createCosmosRepositories } from '../../bot/storage/createCosmosRepositories';
import { startCosmosTestServer, type CosmosTestServer } from '../fakes/cosmosTestServer';
import { PRODUCTION_SETTINGS } from '../fixtures/productionSettings';
import { runTypeScriptChild } from './runTypeScriptChild';

const REPOSITORY_ROOT = join(__dirname, '../..');
const TLS_DIR = join(__dirname, '../fixtures/tls');

const CLIENT_ID = '0b7e3f52-5a3c-4d8e-9f21-7c6d5e4f3a21';
const IDENTITY_HEADER = 'identity-header-from-the-host';
const TOKEN = 'mi-token-for-cosmos';

/** The Functions host's identity endpoint: answers the App Service managed-identity protocol. */
async function startIdentityEndpoint(): Promise<{ url: string; requests: URL[]; headers: (string | undefined)[]; close(): Promise<void> }> {
  const requests: URL[] = [];
  const headers: (string | undefined)[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    headers.push(request.headers['x-identity-header'] as string | undefined);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: TOKEN, expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: url.searchParams.get('resource'), token_type: 'Bearer', client_id: CLIENT_ID }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`,
    requests,
    headers,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function keyRingJson(): string {
  return JSON.stringify(Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }])));
}

describe('production Cosmos DB access with the managed identity', () => {
  let cosmos: CosmosTestServer;
  let identity: Awaited<ReturnType<typeof startIdentityEndpoint>>;

  beforeAll(async () => {
    const file = (name: string) => readFileSync(join(TLS_DIR, name), 'utf8');
    cosmos = await startCosmosTestServer({ tls: { key: file('loopback.key'), cert: file('loopback.pem'), ca: file('ca.pem') } });
    identity = await startIdentityEndpoint();
  });

  afterAll(async () => {
    await identity.close();
    await cosmos.close();
  });

  beforeEach(() => {
    cosmos.requests.splice(0);
  });

  /** Starts the application in a child process with production settings and no COSMOS_KEY; resolves with its one line of output. */
  async function startProduction(databaseId: string): Promise<{ mode?: string; storageKind?: string; problems?: string[] }> {
    const child = runTypeScriptChild(join(__dirname, 'productionStartChild.ts'), [], REPOSITORY_ROOT, settings(databaseId));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => child.on('close', () => resolve()));
    const line = stdout.trim().split('\n').pop() ?? '';
    if (!line.startsWith('{')) throw new Error(`child printed no result: ${stdout}${stderr}`);
    return JSON.parse(line) as { mode?: string; storageKind?: string; problems?: string[] };
  }

  const settings = (databaseId: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    NODE_EXTRA_CA_CERTS: join(TLS_DIR, 'ca.pem'),
    IDENTITY_ENDPOINT: identity.url,
    IDENTITY_HEADER,
    ...PRODUCTION_SETTINGS,
    NODE_ENV: 'test',
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_DATABASE: databaseId,
    AZURE_CLIENT_ID: CLIENT_ID,
    KEY_RING: keyRingJson(),
    LOG_LEVEL: 'silent',
  });

  /** What the deployment does (infra/modules/cosmos.bicep): the database and every container, made with the account's control plane. */
  async function deployDatabase(databaseId: string): Promise<void> {
    const repos = await createCosmosRepositories({ endpoint: cosmos.endpoint, databaseId, client: cosmos.client, containers: 'create' });
    await repos.close();
    cosmos.requests.splice(0);
  }

  it('when production has no COSMOS_KEY and the database is deployed, then it starts and every Cosmos request carries the identity\'s token', async () => {
    const databaseId = `vm-${randomUUID()}`;
    await deployDatabase(databaseId);

    const result = await startProduction(databaseId);

    expect(result).toEqual({ mode: 'production', storageKind: 'cosmos' });
    expect(identity.requests.length).toBeGreaterThan(0);
      expect(identity.requests[0]!.searchParams.get('client_id')).toBe(CLIENT_ID);
      expect(identity.requests[0]!.searchParams.get('resource')).toBe(cosmos.endpoint);
      expect(identity.headers[0]).toBe(IDENTITY_HEADER);
      expect(cosmos.requests.length).toBeGreaterThan(COSMOS_CONTAINERS.length);
      for (const request of cosmos.requests) {
        expect(decodeURIComponent(request.authorization ?? '')).toBe(`type=aad&ver=1.0&sig=${TOKEN}`);
      }
    // Only reads and queries: nothing was created.
    expect(cosmos.requests.filter((request) => request.method === 'POST' && /\/(dbs|colls)$/.test(request.path))).toEqual([]);
  });

  it('when the database was not deployed, then start-up is refused naming it, and production creates nothing', async () => {
    const databaseId = `vm-${randomUUID()}`;

    const result = await startProduction(databaseId);

    expect(result.problems).toEqual([expect.stringContaining(`Cosmos DB database "${databaseId}" does not exist`)]);
    const { resources } = await cosmos.client.databases.readAll().fetchAll();
    expect(resources.map((database) => database.id)).not.toContain(databaseId);
  });

  it('when containers are missing, then start-up is refused naming each, and none is created', async () => {
    const databaseId = `vm-${randomUUID()}`;
    await deployDatabase(databaseId);
    await cosmos.client.database(databaseId).container('audit').delete();
    await cosmos.client.database(databaseId).container('teams').delete();

    const result = await startProduction(databaseId);

    expect(result.problems).toEqual([expect.stringContaining('lacks the container(s) audit, teams')]);
    const { resources } = await cosmos.client.database(databaseId).containers.readAll().fetchAll();
    expect(resources.map((container) => container.id)).not.toContain('audit');
  });
});
