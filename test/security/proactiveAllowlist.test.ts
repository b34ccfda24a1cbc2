/**
 * The outbound allowlist where it matters most: proactive messages (stored conversation
 * references, new 1:1 chats) go through the production adapter that `createAdapter` builds, and
 * the SDK refuses to create a connector client for a host that is not allowed, before it asks for
 * a token or sends a byte. The bot's own token (MSAL, Entra) is stubbed: there is no Entra here.
 */
import { CloudAdapter, MsalTokenProvider } from '@microsoft/agents-hosting';
import { DeliveryError } from '../../bot/app/outbox/messengerPorts';
import { ServiceUrlPolicy } from '../../bot/security/serviceUrlPolicy';
import { runActivity } from '../../bot/teams/activityHttpBridge';
import { createAdapter } from '../../bot/teams/createAdapter';
import { TeamsProactiveMessenger } from '../../bot/teams/teamsProactiveMessenger';
import { FakeBotConnector } from '../fakes/fakeBotConnector';
import { botInstalled, BOT_ID, TENANT_ID, type TeamsUser } from '../fixtures/teamsActivities';

const APP_ID = '5d1f0c2a-7e4b-4c1e-9a8f-3b2d6e0f1a11';
const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Er is een nieuw bericht in uw melding.' }] };
const anna: TeamsUser = { id: '29:1anna', aadObjectId: '6b1d2c3e-0000-4000-8000-00000000a001', name: 'Anna de Vries', locale: 'nl-NL' };

let connector: FakeBotConnector;
let outboundToken: jest.SpyInstance;

beforeAll(async () => {
  connector = await new FakeBotConnector().start();
  outboundToken = jest.spyOn(MsalTokenProvider.prototype, 'getAccessToken').mockImplementation(async () => 'outbound-test-token');
});

afterAll(async () => {
  outboundToken.mockRestore();
  await connector.stop();
});

beforeEach(() => {
  connector.clear();
  outboundToken.mockClear();
});

/** The production messenger, allowed to send to 127.0.0.1 only (the fake connector); `localhost` reaches the same server but is not allowed. */
function productionMessenger(serviceUrl = connector.serviceUrl): TeamsProactiveMessenger {
  const adapter = createAdapter({ appId: APP_ID, appPassword: 'x', tenantId: TENANT_ID }, { serviceHosts: ['127.0.0.1'], allowLoopbackHttp: true });
  return new TeamsProactiveMessenger(adapter, { appId: APP_ID, tenantId: TENANT_ID, serviceUrl, sleep: async () => undefined });
}

function reference(serviceUrl: string) {
  return { agent: { id: BOT_ID }, user: { id: '29:1anna' }, conversation: { id: 'a:1anna', conversationType: 'personal', tenantId: TENANT_ID }, channelId: 'msteams', serviceUrl };
}

/** Hosts that are not on the list: the fake connector under another name, another loopback address, an outside host. */
const forgedUrls = () => [connector.serviceUrl.replace('127.0.0.1', 'localhost'), connector.serviceUrl.replace('127.0.0.1', '127.0.0.2'), 'https://collector.example.net/teams/'];

describe('proactive messages in production only go to allowed connector hosts', () => {
  it('when a stored reference names an allowed host, then the card is delivered with the bot token', async () => {
    await expect(productionMessenger().sendCard(reference(connector.serviceUrl), CARD)).resolves.toEqual({ activityId: expect.any(String) });
    expect(connector.sent).toHaveLength(1);
    expect(outboundToken).toHaveBeenCalled();
  });

  it('when a stored reference names a host that is not allowed, then sending fails for good and nothing is sent or even a token fetched', async () => {
    for (const url of forgedUrls()) {
      const failure = await productionMessenger().sendCard(reference(url), CARD).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DeliveryError);
      expect((failure as DeliveryError).retryable).toBe(false);
      await expect(productionMessenger().updateCard(reference(url), 'activity-1', CARD)).rejects.toMatchObject({ retryable: false });
    }
    expect(connector.sent).toEqual([]);
    expect(outboundToken).not.toHaveBeenCalled();
  });

  it('when BOT_SERVICE_URL itself were not allowed, then no chat is created there', async () => {
    await expect(productionMessenger('https://collector.example.net/teams/').createPersonalConversation(anna.aadObjectId)).rejects.toMatchObject({ retryable: false });
    expect(connector.createdConversations).toEqual([]);
  });
});

describe("the SDK's own check, behind ours", () => {
  it('when an adapter has the policy, then process() itself refuses an activity with a forged serviceUrl (400) before the bot runs', async () => {
    const adapter = new CloudAdapter({}, undefined, undefined, undefined, new ServiceUrlPolicy({ hosts: ['127.0.0.1'], allowLoopbackHttp: true }));
    const logic = jest.fn(async () => undefined);
    for (const url of forgedUrls()) {
      const response = await runActivity(adapter, { method: 'POST', headers: {}, body: botInstalled(anna, url) }, { authenticate: false }, logic);
      expect(response.status).toBe(400);
    }
    expect(logic).not.toHaveBeenCalled();
    expect(connector.sent).toEqual([]);
  });

  it('when authentication is asked for but the adapter has no app id, then the bridge refuses instead of running anonymously', async () => {
    const logic = jest.fn(async () => undefined);
    const response = await runActivity(new CloudAdapter({}), { method: 'POST', headers: {}, body: botInstalled(anna, connector.serviceUrl) }, { authenticate: true }, logic);
    expect(response).toEqual({ status: 401, headers: {} });
    expect(logic).not.toHaveBeenCalled();
  });
});
