import { join } from 'node:path';
import { GraphDirectory, type GraphDirectoryOptions } from '../../bot/directory/graphDirectory';
import { JsonDirectory, loadJsonDirectory } from '../../bot/directory/jsonDirectory';
import { DirectoryUnavailableError } from '../../bot/domain/directoryUnavailableError';
import { ConfigurationError } from '../../bot/domain/errors';
import { startFakeGraphServer, type FakeGraphServer } from './fakeGraphServer';

/** Units, roles and teams come from the demo file; people come from the fake Graph. */
const structure = loadJsonDirectory(join(__dirname, '../../config/directory.demo.json'));
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const UNLISTED = id(99);
const CYCLE_A = id(201);
const CYCLE_B = id(202);
/** The demo file's A-compagnie: its file owner is Jeroen (14); Graph says Lotte (13) and Jeroen. */
const ACIE_TEAM = '19:demo-11inf-acie@thread.tacv2';
const ACIE_GROUP = '00000000-0000-4000-8000-000000000a01';
/** The demo file's Evertsen crew, whose group Graph does not know. */
const EVERTSEN_TEAM = '19:demo-evertsen@thread.tacv2';
/** A team whose next page link points away from Graph. */
const HIJACKED_GROUP = '00000000-0000-4000-8000-000000000a09';

describe('GraphDirectory', () => {
  let graph: FakeGraphServer;
  let clock: number;
  let sleeps: number[];
  let tokens: number;

  beforeAll(async () => {
    graph = await startFakeGraphServer([
      { id: id(15), displayName: 'Daan Willems (Graph)', department: 'CLAS 11 Infbat', preferredLanguage: 'nl-NL', managerId: id(14) },
      { id: id(14), displayName: 'Jeroen van den Berg', managerId: id(13) },
      { id: id(13), displayName: 'Lotte Peters', managerId: id(10) },
      // The top of this test's chain: no managerId, so /manager answers 404.
      { id: id(10), displayName: 'Thomas de Groot' },
      { id: UNLISTED, displayName: 'Nieuwe Matroos', department: 'Zr.Ms. Evertsen', preferredLanguage: 'en-GB' },
      { id: CYCLE_A, displayName: 'Cyclus A', managerId: CYCLE_B },
      { id: CYCLE_B, displayName: 'Cyclus B', managerId: CYCLE_A },
    ], [
      {
        groupId: ACIE_GROUP,
        pageSize: 3,
        members: [
          { userId: id(13), displayName: 'Lotte Peters', roles: ['owner'] },
          { userId: id(15), displayName: 'Daan Willems', roles: [] },
          { userId: id(30), displayName: 'Gast', roles: ['guest'] },
          // Not an Entra user: no userId to give, owner or not.
          { displayName: 'Vergadertelefoon', roles: ['owner'] },
          { userId: id(16), displayName: 'Sanne Bos', roles: [] },
          { userId: id(14), displayName: 'Jeroen van den Berg', roles: ['owner'] },
        ],
      },
      {
        groupId: HIJACKED_GROUP,
        pageSize: 1,
        nextLink: `https://graph.attacker.example/v1.0/teams/${HIJACKED_GROUP}/members?$skiptoken=1`,
        members: [
          { userId: id(13), displayName: 'Lotte Peters', roles: ['owner'] },
          { userId: id(14), displayName: 'Jeroen van den Berg', roles: ['owner'] },
        ],
      },
    ]);
  });
  afterAll(() => graph.close());

  beforeEach(() => {
    graph.requests.length = 0;
    graph.failures.length = 0;
    clock = 1_000_000;
    sleeps = [];
    tokens = 0;
  });

  function directory(options: Partial<GraphDirectoryOptions> = {}): GraphDirectory {
    return new GraphDirectory({
      baseUrl: graph.baseUrl,
      getToken: async () => `token-${++tokens}`,
      structure,
      departmentToUnit: { 'Zr.Ms. Evertsen': 'u-czsk-evertsen' },
      sleep: async (ms) => void sleeps.push(ms),
      now: () => clock,
      random: () => 0,
      ...options,
    });
  }

  const managerCalls = () => graph.requests.filter((request) => request.url.includes('/manager'));
  const teamMemberCalls = () => graph.requests.filter((request) => request.url.includes('/members'));

  it('when the manager chain is asked, then it walks /manager up to the 404 at the top, direct manager first', async () => {
    const chain = await directory().managerChain(id(15));
    expect(chain).toEqual([
      { aadObjectId: id(14), name: 'Jeroen van den Berg', unitId: 'u-clas-11-inf', managerId: id(13), locale: 'nl-NL', gender: 'male' },
      { aadObjectId: id(13), name: 'Lotte Peters', unitId: 'u-clas-11-inf', managerId: id(10), locale: 'nl-NL', gender: 'female' },
      { aadObjectId: id(10), name: 'Thomas de Groot', unitId: 'u-clas-11', managerId: null, locale: 'nl-NL', gender: 'male' },
    ]);
    expect(managerCalls().map((request) => request.url)).toEqual([
      `/v1.0/users/${id(15)}/manager?$select=id,displayName`,
      `/v1.0/users/${id(14)}/manager?$select=id,displayName`,
      `/v1.0/users/${id(13)}/manager?$select=id,displayName`,
      `/v1.0/users/${id(10)}/manager?$select=id,displayName`,
    ]);
  });

  it('when Graph is called, then the bearer token from getToken is sent, fetched anew for each request', async () => {
    const directoryUnderTest = directory();
    await directoryUnderTest.getPerson(id(15));
    await directoryUnderTest.getPerson(id(14));
    expect(graph.requests.map((request) => request.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('when Graph throttles once with Retry-After, then it waits that long and the retry succeeds', async () => {
    graph.failures.push({ url: /\/users\/[^/]+\?/, status: 429, headers: { 'retry-after': '2' } });
    const person = await directory().getPerson(id(15));
    expect(person?.name).toBe('Daan Willems (Graph)');
    expect(graph.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('when Graph answers 503 without Retry-After, then it backs off exponentially and gives up after 3 attempts', async () => {
    for (let i = 0; i < 3; i += 1) graph.failures.push({ url: /\/manager/, status: 503 });
    const failure = directory().managerChain(id(15));
    await expect(failure).rejects.toThrow(DirectoryUnavailableError);
    await expect(failure).rejects.not.toThrow(id(15));
    expect(graph.requests).toHaveLength(3);
    // Equal jitter with random() = 0: half of 500 ms, then half of 1000 ms.
    expect(sleeps).toEqual([250, 500]);
  });

  it('when the network fails once, then the request is retried after a backoff', async () => {
    let failed = false;
    const flaky: typeof fetch = async (input, init) => {
      if (!failed) {
        failed = true;
        throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    expect((await directory({ fetch: flaky }).getPerson(id(14)))?.name).toBe('Jeroen van den Berg');
    expect(sleeps).toEqual([250]);
  });

  it('when Graph asks to wait longer than a turn can, then it gives up at once instead of retrying early', async () => {
    graph.failures.push({ url: /\/users\//, status: 429, headers: { 'retry-after': '120' } });
    await expect(directory().getPerson(id(15))).rejects.toThrow(DirectoryUnavailableError);
    expect(graph.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('when Graph fails with an error that is not transient, then it is not retried and the person is not reported as gone', async () => {
    graph.failures.push({ url: /\/users\//, status: 500 });
    await expect(directory().isKnown(id(15))).rejects.toThrow(DirectoryUnavailableError);
    expect(graph.requests).toHaveLength(1);
  });

  it('when the same person and chain are asked twice, then the second time makes no request', async () => {
    const directoryUnderTest = directory();
    await directoryUnderTest.getPerson(id(15));
    await directoryUnderTest.managerChain(id(15));
    const calls = graph.requests.length;
    expect(await directoryUnderTest.getPerson(id(15))).toBeDefined();
    expect(await directoryUnderTest.isKnown(id(15))).toBe(true);
    expect(await directoryUnderTest.managerChain(id(15))).toHaveLength(3);
    expect(graph.requests).toHaveLength(calls);
  });

  it('when the cache time has passed, then Graph is asked again', async () => {
    const directoryUnderTest = directory({ cacheTtlMs: 60_000 });
    await directoryUnderTest.getPerson(id(15));
    clock += 60_000;
    await directoryUnderTest.getPerson(id(15));
    expect(graph.requests).toHaveLength(2);
  });

  it('when a person is not in Graph, then they are unknown, and that answer is cached too', async () => {
    const directoryUnderTest = directory();
    expect(await directoryUnderTest.getPerson(id(98))).toBeUndefined();
    expect(await directoryUnderTest.isKnown(id(98))).toBe(false);
    expect(await directoryUnderTest.managerChain(id(98))).toEqual([]);
    expect(graph.requests.filter((request) => !request.url.includes('/manager'))).toHaveLength(1);
  });

  it('when managers in Graph form a cycle, then the chain stops', async () => {
    expect((await directory().managerChain(CYCLE_A)).map((person) => person.aadObjectId)).toEqual([CYCLE_B]);
  });

  it('when a person is listed in the structure, then their unit comes from it; otherwise from their Graph department', async () => {
    const directoryUnderTest = directory();
    expect((await directoryUnderTest.unitOf(id(15)))?.id).toBe('u-clas-11-inf');
    expect(await directoryUnderTest.getPerson(UNLISTED)).toEqual({ aadObjectId: UNLISTED, name: 'Nieuwe Matroos', unitId: 'u-czsk-evertsen', locale: 'en-GB' });
  });

  it('when a custom unit strategy is given, then it decides the unit', async () => {
    const directoryUnderTest = directory({ unitOfPerson: (user) => (user.department === 'CLAS 11 Infbat' ? 'u-clas-11' : undefined) });
    expect((await directoryUnderTest.unitOf(id(15)))?.id).toBe('u-clas-11');
    expect(await directoryUnderTest.unitOf(UNLISTED)).toBeUndefined();
  });

  it('when units, roles and teams are asked, then they come from the structure without calling Graph', async () => {
    const directoryUnderTest = directory();
    expect(await directoryUnderTest.holdersOfRole('vertrouwenspersoon', 'u-clas-11-inf')).toEqual({ unitId: 'u-clas-11', people: [id(11), id(12)] });
    expect((await directoryUnderTest.unitChain('u-czsk-evertsen')).map((unit) => unit.id)).toEqual(['u-czsk-evertsen', 'u-czsk', 'u-defensie']);
    expect(await directoryUnderTest.teams()).toHaveLength(2);
    expect((await directoryUnderTest.team('19:demo-evertsen@thread.tacv2'))?.unitId).toBe('u-czsk-evertsen');
    expect(graph.requests).toEqual([]);
  });

  it('when a team’s owners are asked with its group id, then every page of Graph’s members is read and only Entra users with the owner role count', async () => {
    expect(await directory().teamOwners({ teamId: ACIE_TEAM, aadGroupId: ACIE_GROUP })).toEqual([id(13), id(14)]);
    expect(teamMemberCalls().map((request) => request.url)).toEqual([`/v1.0/teams/${ACIE_GROUP}/members`, `/v1.0/teams/${ACIE_GROUP}/members?$skiptoken=3`]);
    expect(teamMemberCalls().map((request) => request.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('when only the Teams id is given, then the group id comes from the structure and the owners still come from Graph', async () => {
    expect(await directory().teamOwners({ teamId: ACIE_TEAM })).toEqual([id(13), id(14)]);
    expect(teamMemberCalls()).toHaveLength(2);
  });

  it('when no group id is known, then the structure’s owners are used without calling Graph', async () => {
    const withoutGroup = new JsonDirectory({
      units: [{ id: 'u-root', name: 'Root', roles: {} }],
      people: [],
      teams: [{ id: '19:no-group@thread.tacv2', name: 'Zonder groep', unitId: 'u-root', owners: [id(40)], members: [id(40), id(41)] }],
    });
    const directoryUnderTest = directory({ structure: withoutGroup, departmentToUnit: {} });
    expect(await directoryUnderTest.teamOwners({ teamId: '19:no-group@thread.tacv2' })).toEqual([id(40)]);
    expect(await directoryUnderTest.teamOwners({ teamId: '19:unknown@thread.tacv2' })).toEqual([]);
    expect(graph.requests).toEqual([]);
  });

  it('when Graph does not know the team, then it has no owners, even if the structure lists some', async () => {
    expect(await directory().teamOwners({ teamId: EVERTSEN_TEAM })).toEqual([]);
    expect(teamMemberCalls()).toHaveLength(1);
  });

  it('when the owners are asked again within a minute, then Graph is not asked again; after that it is', async () => {
    const directoryUnderTest = directory();
    const first = await directoryUnderTest.teamOwners({ teamId: ACIE_TEAM, aadGroupId: ACIE_GROUP });
    first.push(id(99));
    expect(await directoryUnderTest.teamOwners({ teamId: ACIE_TEAM, aadGroupId: ACIE_GROUP })).toEqual([id(13), id(14)]);
    expect(teamMemberCalls()).toHaveLength(2);
    clock += 60_000;
    await directoryUnderTest.teamOwners({ teamId: ACIE_TEAM, aadGroupId: ACIE_GROUP });
    expect(teamMemberCalls()).toHaveLength(4);
  });

  it('when Graph refuses the owners lookup, then it fails with a clear error naming no id, and the failure is not cached', async () => {
    graph.failures.push({ url: /\/teams\//, status: 403 });
    const directoryUnderTest = directory();
    const failure = directoryUnderTest.teamOwners({ teamId: ACIE_TEAM, aadGroupId: ACIE_GROUP });
    await expect(failure).rejects.toThrow(DirectoryUnavailableError);
    await expect(failure).rejects.toThrow('Graph team owners lookup: HTTP 403 after 1 attempt(s)');
    await expect(failure).rejects.not.toThrow(ACIE_GROUP);
    expect(await directoryUnderTest.teamOwners({ teamId: ACIE_TEAM, aadGroupId: ACIE_GROUP })).toEqual([id(13), id(14)]);
  });

  it('when the second page fails for good, then the owners of the first page alone are not returned', async () => {
    for (let i = 0; i < 3; i += 1) graph.failures.push({ url: /skiptoken/, status: 503 });
    await expect(directory().teamOwners({ teamId: ACIE_TEAM, aadGroupId: ACIE_GROUP })).rejects.toThrow(DirectoryUnavailableError);
    expect(teamMemberCalls()).toHaveLength(4);
  });

  it('when a next page link points away from Graph, then it is not followed, so the token does not leave', async () => {
    await expect(directory().teamOwners({ teamId: '19:hijacked@thread.tacv2', aadGroupId: HIJACKED_GROUP })).rejects.toThrow(
      'Graph team owners lookup: the next page link points outside Graph',
    );
    expect(teamMemberCalls()).toHaveLength(1);
  });

  it('when departmentToUnit names a unit the structure lacks, then construction fails with a clear message', () => {
    expect(() => directory({ departmentToUnit: { Marine: 'u-nope' } })).toThrow(ConfigurationError);
    expect(() => directory({ departmentToUnit: { Marine: 'u-nope' } })).toThrow('departmentToUnit["Marine"]: unit "u-nope" does not exist');
  });
});
