/**
 * Tokens of the Bot Framework's issuer (`https://api.botframework.com`) are checked by the SDK
 * against `https://login.botframework.com/v1/.well-known/keys`: that one address is redirected to
 * the test issuer's copy on loopback (set in `beforeAll`), everything else about the check is the
 * SDK's own.
 */
const mockKeyRedirect: { to?: string } = {};
jest.mock('jwks-rsa', () => {
  const actual = jest.requireActual('jwks-rsa');
  const redirected = (options: { jwksUri: string }) =>
    actual({ ...options, jwksUri: options.jwksUri === 'https://login.botframework.com/v1/.well-known/keys' && mockKeyRedirect.to ? mockKeyRedirect.to : options.jwksUri });
  return Object.assign(redirected, actual);
});

/**
 * POST /api/messages in production mode (MicrosoftAppId set), through the real entry point and
 * the Agents SDK's real JWT validation: tokens are signed with a key made here and served as a
 * JWKS on loopback (MicrosoftAppAuthority points there), Cosmos DB is the in-process test server.
 *
 * The one thing stubbed is the bot's own outbound token (MSAL's client-credentials call to Entra,
 * which has no loopback stand-in: MSAL insists on an https authority): `getAccessToken` answers
 * a fixed string, so replies reach the fake connector.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MsalTokenProvider } from '@microsoft/agents-hosting';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { createCosmosRepositories } from '../../bot/storage/createCosmosRepositories';
import { startBotHarness, type BotHarness } from '../fakes/botHarness';
import { startCosmosTestServer, type CosmosTestServer } from '../fakes/cosmosTestServer';
import { startTestTokenIssuer, type TestTokenIssuer } from '../fakes/testTokenIssuer';
import { botInstalled, personalConversationId, personalMessage, TENANT_ID, type TeamsUser } from '../fixtures/teamsActivities';

const APP_ID = '5d1f0c2a-7e4b-4c1e-9a8f-3b2d6e0f1a11';
const OTHER_APP_ID = '9a9a9a9a-1b1b-4c4c-8d8d-2e2e2e2e2e2e';
const OTHER_TENANT = '0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c';
/** Typed report text: it must never come back in a refusal or appear in a log line. */
const SECRET = 'Mijn leidinggevende sluit mij structureel buiten, kenmerk 7Q4-geheim';

const anna: TeamsUser = { id: '29:1anna', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000a001', name: 'Anna de Vries', locale: 'nl-NL' };

function keyRingJson(): string {
  return JSON.stringify(Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } }])));
}

describe('POST /api/messages in production mode (Bot Framework / Entra tokens, tenant binding, outbound allowlist)', () => {
  let cosmos: CosmosTestServer;
  let issuer: TestTokenIssuer;
  let bot: BotHarness;
  let outboundToken: jest.SpyInstance;

  beforeAll(async () => {
    cosmos = await startCosmosTestServer();
    // Production opens the database and containers the deployment declared; it never creates them.
    await (await createCosmosRepositories({ endpoint: cosmos.endpoint, databaseId: 'veilig-melden', client: cosmos.client, containers: 'create' })).close();
    issuer = await startTestTokenIssuer(TENANT_ID);
    mockKeyRedirect.to = issuer.botFrameworkKeysUrl;
    outboundToken = jest.spyOn(MsalTokenProvider.prototype, 'getAccessToken').mockImplementation(async () => 'outbound-test-token');
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
      },
    });
  });

  afterAll(async () => {
    await bot.stop({ removeData: true });
    outboundToken.mockRestore();
    await cosmos.close();
    await issuer.close();
  });

  beforeEach(() => bot.connector.clear());

  afterEach(() => {
    // Whatever was sent or refused, the typed text never reaches a log line.
    for (const line of bot.logs) expect(line).not.toContain(SECRET);
  });

  /**
   * The Bot Connector's token, as Microsoft documents it ("Connector to bot"): the Bot Framework
   * issuer, our app id, the activity's service URL; minted relative to the wall clock the SDK checks against.
   */
  function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return { aud: APP_ID, iss: 'https://api.botframework.com', iat: now - 60, nbf: now - 60, exp: now + 3600, serviceurl: bot.connector.serviceUrl, ...overrides };
  }

  /** An app-only token that any app registration of our tenant can get for our app id (client credentials). */
  function tenantAppOnlyClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return { aud: APP_ID, iss: issuer.issuerFor(TENANT_ID), tid: TENANT_ID, azp: OTHER_APP_ID, appid: OTHER_APP_ID, idtyp: 'app', iat: now - 60, nbf: now - 60, exp: now + 3600, ...overrides };
  }

  function post(activity: Record<string, unknown>, authorization?: string) {
    return bot.sendRaw(JSON.stringify(activity), authorization ? { authorization } : {});
  }

  /** A refusal: the given status, nothing of the request in the answer, nothing sent, a refusal code logged. */
  function expectRefused(response: { status: number; body: unknown }, status: number, activity: Record<string, unknown>, code: string): void {
    expect(response.status).toBe(status);
    const answer = JSON.stringify(response.body ?? '');
    for (const part of [SECRET, String(activity.serviceUrl), personalConversationId(anna), anna.name, anna.aadObjectId]) expect(answer).not.toContain(part);
    expect(bot.connector.sent).toEqual([]);
    expect(bot.logs.some((line) => line.includes('"activity.refused"') && line.includes(`"code":"${code}"`))).toBe(true);
  }

  it('when the token is valid for our app and tenant, then the activity is processed and the reply reaches the connector', async () => {
    const response = await post(botInstalled(anna, bot.connector.serviceUrl), `Bearer ${issuer.mint(claims())}`);

    expect(response.status).toBe(200);
    expect(bot.connector.cardsSentTo(personalConversationId(anna))).toHaveLength(1);
    // The SDK fetched the keys where buildJwksUri puts them for the Bot Framework's issuer (redirected here).
    expect(issuer.requests).toContain('/botframework/v1/.well-known/keys');
  });

  it('when a valid token carries a message, then it is answered and its text is logged nowhere', async () => {
    const response = await post(personalMessage(anna, bot.connector.serviceUrl, SECRET), `Bearer ${issuer.mint(claims())}`);
    expect(response.status).toBe(200);
  });

  it('when there is no Authorization header, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity), 401, activity, 'token_missing');
  });

  it('when the Authorization header is not a bearer token, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, 'Basic YWRtaW46YWRtaW4='), 401, activity, 'token_refused');
  });

  it('when the token is unsigned (alg none), then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims(), { alg: 'none' })}`), 401, activity, 'token_refused');
  });

  it('when the token is signed by another key under the same key id, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims(), { privateKey })}`), 401, activity, 'token_refused');
  });

  it('when the token is signed by a key the authority does not publish, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims(), { privateKey, kid: 'attacker-key' })}`), 401, activity, 'token_refused');
  });

  it('when the token is for another app (audience), then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims({ aud: OTHER_APP_ID }))}`), 401, activity, 'token_refused');
  });

  it('when the token has expired, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    const now = Math.floor(Date.now() / 1000);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }))}`), 401, activity, 'token_refused');
  });

  it('when the token was issued by another tenant, then 401 (the SDK issuer check)', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    const token = issuer.mint(claims({ iss: issuer.issuerFor(OTHER_TENANT), tid: OTHER_TENANT }));
    expectRefused(await post(activity, `Bearer ${token}`), 401, activity, 'token_refused');
  });

  it('when the token names another tenant as tid under our issuer, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(tenantAppOnlyClaims({ tid: OTHER_TENANT, serviceurl: bot.connector.serviceUrl }))}`), 401, activity, 'token_issuer_not_bot_connector');
  });

  it('when another app of our tenant sends an app-only token for our app id (no serviceurl), then 401 and nothing is filed or answered', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(tenantAppOnlyClaims())}`), 401, activity, 'token_issuer_not_bot_connector');
  });

  it('when a tenant-issued token even carries a matching serviceurl claim, then 401: only the Bot Connector issues channel tokens', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(tenantAppOnlyClaims({ serviceurl: bot.connector.serviceUrl }))}`), 401, activity, 'token_issuer_not_bot_connector');
  });

  it('when a Bot Framework token has no serviceurl claim, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims({ serviceurl: undefined }))}`), 401, activity, 'service_url_claim_missing');
  });

  it('when a Bot Framework token names another serviceurl than the activity, then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    const token = issuer.mint(claims({ serviceurl: bot.connector.serviceUrl.replace(/\/$/, '') + '/other/' }));
    expectRefused(await post(activity, `Bearer ${token}`), 401, activity, 'service_url_claim_mismatch');
  });

  it('when a Bot Framework token names more audiences than our app (the SDK accepts any list holding it), then 401', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims({ aud: [APP_ID, 'https://api.botframework.com'] }))}`), 401, activity, 'token_audience_mismatch');
  });

  it('when a Bot Framework token is for the connector (audience api.botframework.com only), then 401 (the SDK refuses)', async () => {
    const activity = personalMessage(anna, bot.connector.serviceUrl, SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims({ aud: 'https://api.botframework.com' }))}`), 401, activity, 'token_refused');
  });

  it('when the token is right but the activity comes from another tenant, then 403', async () => {
    const activity: Record<string, unknown> = { ...personalMessage(anna, bot.connector.serviceUrl, SECRET), channelData: { tenant: { id: OTHER_TENANT } } };
    activity.conversation = { id: personalConversationId(anna), conversationType: 'personal', tenantId: OTHER_TENANT };
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims())}`), 403, activity, 'activity_tenant_mismatch');
  });

  it('when the activity names no tenant at all, then 403', async () => {
    const activity: Record<string, unknown> = { ...personalMessage(anna, bot.connector.serviceUrl, SECRET), channelData: {} };
    activity.conversation = { id: personalConversationId(anna), conversationType: 'personal' };
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims())}`), 403, activity, 'activity_tenant_mismatch');
  });

  it('when the serviceUrl is forged to a host that is not allowed, then 400 and the connector (listening there) receives nothing', async () => {
    // localhost:<port> is the fake connector itself: only the allowlist (127.0.0.1 by name) keeps the bot from sending there.
    const forged = bot.connector.serviceUrl.replace('127.0.0.1', 'localhost');
    const activity = botInstalled(anna, forged);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims({ serviceurl: forged }))}`), 400, activity, 'service_url_not_allowed');
  });

  it('when the serviceUrl is forged to an outside https host, then 400', async () => {
    const activity = personalMessage(anna, 'https://collector.example.net/teams/', SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims({ serviceurl: 'https://collector.example.net/teams/' }))}`), 400, activity, 'service_url_not_allowed');
  });

  it('when the serviceUrl is an allowed host but not the one the token was issued for, then 401', async () => {
    const activity = personalMessage(anna, issuer.authority + '/', SECRET);
    expectRefused(await post(activity, `Bearer ${issuer.mint(claims())}`), 401, activity, 'service_url_claim_mismatch');
  });

  it('when nothing was accepted, then the bot never asked for an outbound token for a refused request', async () => {
    outboundToken.mockClear();
    const activity = personalMessage(anna, 'https://collector.example.net/teams/', SECRET);
    await post(activity, `Bearer ${issuer.mint(claims({ serviceurl: undefined }))}`);
    await post(activity);
    expect(outboundToken).not.toHaveBeenCalled();
  });
});
