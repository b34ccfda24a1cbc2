import { randomUUID } from 'node:crypto';
import { ConfigurationError } from '../../bot/domain/errors';
import { createCosmosRepositories } from '../../bot/storage/createCosmosRepositories';
import { dumpCosmosDatabase } from '../../bot/storage/dumpCosmosDatabase';
import { startCosmosTestServer, type CosmosTestServer } from '../fakes/cosmosTestServer';
import { describeAttemptRepositoryContract } from './attemptRepositoryContract';
import { describeAuditRepositoryContract } from './auditRepositoryContract';
import { describeRepositoryContract, type OpenedRepositories } from './repositoryContract';
import { aCase, aSealedRecord } from './storageFixtures';

let server: CosmosTestServer;

beforeAll(async () => {
  server = await startCosmosTestServer();
});

afterAll(async () => {
  await server.close();
});

/** A database of its own per test, removed afterwards. */
function freshDatabaseId(): string {
  return `veilig-melden-test-${randomUUID()}`;
}

/** Fresh repositories per test, removed afterwards: the same opening for every contract suite. */
async function openFresh(): Promise<OpenedRepositories> {
  const databaseId = freshDatabaseId();
  const repos = await createCosmosRepositories({ endpoint: server.endpoint, databaseId, client: server.client });
  return {
    repos,
    async cleanup() {
      await repos.close();
      await server.client.database(databaseId).delete();
    },
  };
}

describeRepositoryContract('Cosmos DB', openFresh);
describeAuditRepositoryContract('Cosmos DB', openFresh);
describeAttemptRepositoryContract('Cosmos DB', openFresh);

describe('Cosmos DB repositories', () => {
  it('when opened on an empty account, then the database and the ten containers exist, partitioned by /id', async () => {
    const databaseId = freshDatabaseId();
    const repos = await createCosmosRepositories({ endpoint: server.endpoint, databaseId, client: server.client });

    const { resources } = await server.client.database(databaseId).containers.readAll().fetchAll();
    expect(resources.map((container) => container.id).sort()).toEqual(['attempts', 'audit', 'cases', 'conversationReferences', 'drafts', 'outbox', 'purgeLog', 'relayAddresses', 'teamActions', 'teams']);
    expect(resources.every((container) => container.partitionKey?.paths?.[0] === '/id')).toBe(true);

    await repos.close();
    await server.client.database(databaseId).delete();
  });

  it('when opened twice on the same database, then the second open reuses it and sees the data', async () => {
    const databaseId = freshDatabaseId();
    const first = await createCosmosRepositories({ endpoint: server.endpoint, databaseId, client: server.client });
    const record = aCase();
    await first.cases.create(record);
    await first.close();

    const second = await createCosmosRepositories({ endpoint: server.endpoint, databaseId, client: server.client });
    await expect(second.cases.get(record.id)).resolves.toMatchObject({ value: record });
    await second.close();
    await server.client.database(databaseId).delete();
  });

  it('when a client is passed in, then close leaves it usable for its owner', async () => {
    const databaseId = freshDatabaseId();
    const repos = await createCosmosRepositories({ endpoint: server.endpoint, databaseId, client: server.client });
    await repos.close();

    await expect(server.client.database(databaseId).read()).resolves.toMatchObject({ statusCode: 200 });
    await server.client.database(databaseId).delete();
  });

  it('when the repositories make their own client from endpoint and key, then reads and writes go through it', async () => {
    const databaseId = freshDatabaseId();
    const repos = await createCosmosRepositories({
      endpoint: server.endpoint,
      key: server.key,
      connectionPolicy: { enableEndpointDiscovery: false },
      databaseId,
    });
    const record = aSealedRecord();
    await repos.relayAddresses.put(record);
    await expect(repos.relayAddresses.get(record.id)).resolves.toEqual(record);
    await repos.close();
    await server.client.database(databaseId).delete();
  });

  it('when neither a key, credentials nor a client is given, then it is a ConfigurationError', async () => {
    await expect(createCosmosRepositories({ endpoint: server.endpoint, databaseId: freshDatabaseId() })).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('when the database is dumped, then every stored document of every container is in the dump', async () => {
    const databaseId = freshDatabaseId();
    const repos = await createCosmosRepositories({ endpoint: server.endpoint, databaseId, client: server.client });
    const record = aCase();
    const relay = aSealedRecord();
    await repos.cases.create(record);
    await repos.relayAddresses.put(relay);

    const dump = JSON.parse(await dumpCosmosDatabase(server.client, databaseId)) as Record<string, { id: string }[]>;

    expect(Object.keys(dump)).toEqual(['attempts', 'audit', 'cases', 'conversationReferences', 'drafts', 'outbox', 'purgeLog', 'relayAddresses', 'teamActions', 'teams']);
    expect(dump.cases).toEqual([expect.objectContaining(record)]);
    expect(dump.relayAddresses).toEqual([expect.objectContaining(relay)]);
    await repos.close();
    await server.client.database(databaseId).delete();
  });
});
