/**
 * The tab API in production mode (MicrosoftAppId set), through the real entry points: tab tokens
 * are Entra access tokens signed with a key made here and served as the tenant's JWKS on loopback
 * (MicrosoftAppAuthority points there, as for the Bot Connector's tokens), checked by `jose`.
 * Cosmos DB is the in-process test server.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { createCosmosRepositories } from '../../bot/storage/createCosmosRepositories';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { startCosmosTestServer, type CosmosTestServer } from '../fakes/cosmosTestServer';
import { startTestTokenIssuer, type TestTokenIssuer } from '../fakes/testTokenIssuer';
import { daan } from '../fixtures/demoPeople';
import { TENANT_ID } from '../fixtures/teamsActivities';

const APP_ID = '5d1f0c2a-7e4b-4c1e-9a8f-3b2d6e0f1a11';
const APP_ID_URI = `api://veilig-melden.example.net/${APP_ID}`;
const OTHER_TENANT = '0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c';

function keyRingJson(): string {
  return JSON.stringify(Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }])));
}

describe('the tab API in production mode: Entra tokens from Teams single sign-on', () => {
  let cosmos: CosmosTestServer;
  let issuer: TestTokenIssuer;
  let bot: BotHarness;
  const savedAppId = process.env.MicrosoftAppId;

  /** The claims of a genuine token for Daan, as Entra issues it for `access_as_user`. */
  function claims(change: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return { iss: issuer.issuerFor(TENANT_ID), aud: APP_ID_URI, tid: TENANT_ID, oid: daan.aadObjectId, scp: 'access_as_user', iat: now - 60, nbf: now - 60, exp: now + 3600, ver: '2.0', ...change };
  }

  async function call(path: string, authorization?: string, method = 'GET'): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${bot.host.url}${path}`, { method, headers: authorization ? { authorization } : {} });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  beforeAll(async () => {
    cosmos = await startCosmosTestServer();
    await (await createCosmosRepositories({ endpoint: cosmos.endpoint, databaseId: 'veilig-melden', client: cosmos.client, containers: 'create' })).close();
    issuer = await startTestTokenIssuer(TENANT_ID);
    // As on the Functions host: the developer sign-in's route is registered only without an app id.
    process.env.MicrosoftAppId = APP_ID;
    bot = await startBotHarness({
      env: {
        NODE_ENV: 'test',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'x',
        MicrosoftAppTenantId: TENANT_ID,
        MicrosoftAppAuthority: issuer.authority,
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        KEY_RING: keyRingJson(),
        DIRECTORY_FILE: join(__dirname, '../../config/directory.demo.json'),
        BOT_SERVICE_HOSTS: 'smba.trafficmanager.net,*.botframework.com,127.0.0.1',
        TAB_APP_ID_URI: APP_ID_URI,
      },
    });
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
    await cosmos.close();
    await issuer.close();
    if (savedAppId === undefined) delete process.env.MicrosoftAppId;
    else process.env.MicrosoftAppId = savedAppId;
  });

  it.each([
    ['the app id URI', APP_ID_URI],
    ['the client id', APP_ID],
  ])('when a genuine token has %s as audience, then the caller is signed in as the directory person of its oid', async (_label, aud) => {
    const answer = await call('/api/tab/me', `Bearer ${issuer.mint(claims({ aud }))}`);
    expect(answer).toMatchObject({ status: 200, body: { name: daan.name, signIn: 'entra' } });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('when a genuine token lists my reports, then it answers 200 with a list', async () => {
    const answer = await call('/api/tab/my-reports', `Bearer ${issuer.mint(claims())}`);
    expect(answer).toMatchObject({ status: 200, body: { reports: [] } });
  });

  const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  it.each([
    ['another tenant (tid and issuer)', () => issuer.mint(claims({ tid: OTHER_TENANT, iss: issuer.issuerFor(OTHER_TENANT) }))],
    ['another tenant in tid only', () => issuer.mint(claims({ tid: OTHER_TENANT }))],
    ['another audience', () => issuer.mint(claims({ aud: 'api://elsewhere.example.net/9a9a9a9a-1b1b-4c4c-8d8d-2e2e2e2e2e2e' }))],
    ['another scope', () => issuer.mint(claims({ scp: 'User.Read' }))],
    ['no scope', () => issuer.mint(claims({ scp: undefined }))],
    ['an expired token', () => issuer.mint(claims({ exp: Math.floor(Date.now() / 1000) - 600, iat: Math.floor(Date.now() / 1000) - 4200 }))],
    ['a token not valid yet', () => issuer.mint(claims({ nbf: Math.floor(Date.now() / 1000) + 3600 }))],
    ['a signature by another key', () => issuer.mint(claims(), { privateKey: otherKey })],
    ['an unknown key id', () => issuer.mint(claims(), { kid: 'not-a-key-of-the-tenant' })],
    ['an unsigned token (alg none)', () => issuer.mint(claims(), { alg: 'none' })],
    ['not a token', () => 'abc.def.ghi'],
  ])('when the token has %s, then it answers 401 with a code and nothing of the token is logged', async (_label, token) => {
    const minted = token();
    const answer = await call('/api/tab/my-reports', `Bearer ${minted}`);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'invalid_token' });
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(bot.logs.join('\n')).not.toContain(minted.split('.')[1]);
  });

  // Every route of the API behind the sign-in, the new forms included: an expired token or one for another
  // audience is refused before any use case runs (nothing changes, nothing is counted as a guess).
  it.each([
    ['GET', '/api/tab/me'],
    ['GET', '/api/tab/my-tasks'],
    ['POST', '/api/tab/my-reports/c-0000000000000000/reply'],
    ['POST', '/api/tab/anonymous-case'],
    ['POST', '/api/tab/anonymous-case/reply'],
    ['POST', '/api/tab/my-tasks/c-0000000000000000/acknowledge'],
    ['POST', '/api/tab/my-reports/c-0000000000000000/withdraw'],
    ['POST', '/api/tab/my-reports/c-0000000000000000/feedback'],
    ['POST', '/api/tab/anonymous-case/withdraw'],
    ['POST', '/api/tab/anonymous-case/feedback'],
    ['GET', '/api/tab/my-actions'],
    ['POST', '/api/tab/my-actions/a-0000000000000000/done'],
    ['POST', '/api/tab/my-actions/a-0000000000000000/new-date'],
    ['GET', '/api/tab/team-agenda'],
    ['GET', '/api/tab/insights'],
    ['GET', '/api/tab/insights/csv'],
  ])('when %s %s is called with an expired token or another audience, then it answers 401', async (method, path) => {
    const expired = issuer.mint(claims({ exp: Math.floor(Date.now() / 1000) - 600, iat: Math.floor(Date.now() / 1000) - 4200 }));
    const elsewhere = issuer.mint(claims({ aud: 'api://elsewhere.example.net/9a9a9a9a-1b1b-4c4c-8d8d-2e2e2e2e2e2e' }));
    for (const token of [expired, elsewhere]) {
      const response = await fetch(`${bot.host.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: method === 'POST' ? JSON.stringify({ message: 'x', reference: 'VM-AAAA-AAAA', secret: 'x' }) : undefined });
      expect({ status: response.status, body: await response.json() }).toEqual({ status: 401, body: { error: 'invalid_token' } });
    }
  });

  it('when no token is sent, then it answers 401 sign_in_required', async () => {
    expect(await call('/api/tab/my-tasks')).toMatchObject({ status: 401, body: { error: 'sign_in_required' } });
  });

  it('when a genuine token names someone the directory does not know, then it answers 403', async () => {
    const answer = await call('/api/tab/me', `Bearer ${issuer.mint(claims({ oid: '11111111-2222-4333-8444-555555555555' }))}`);
    expect(answer).toMatchObject({ status: 403, body: { error: 'not_in_directory' } });
  });

  it('when the developer sign-in is tried in production, then it is refused (401) and its people list does not exist (404)', async () => {
    expect(await call('/api/tab/me', `Developer ${daan.aadObjectId}`)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(bot.host.functions.map((fn) => fn.name)).not.toContain('tabDevPeople');
    const people = await fetch(`${bot.host.url}/api/tab/dev/people`);
    expect(people.status).toBe(404);
  });

  it('when the keys were fetched once, then later tokens are checked from the cache', async () => {
    const fetched = issuer.requests.filter((path) => path.endsWith('/discovery/v2.0/keys')).length;
    await call('/api/tab/me', `Bearer ${issuer.mint(claims())}`);
    await call('/api/tab/me', `Bearer ${issuer.mint(claims())}`);
    expect(issuer.requests.filter((path) => path.endsWith('/discovery/v2.0/keys')).length).toBe(fetched);
  });
});
