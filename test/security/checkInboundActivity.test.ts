import { checkInboundActivity, type InboundActivityCheck } from '../../bot/security/checkInboundActivity';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER = '0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

function check(overrides: Partial<InboundActivityCheck> & { activity?: Record<string, unknown> } = {}): ReturnType<typeof checkInboundActivity> {
  return checkInboundActivity({
    claims: { iss: 'https://api.botframework.com', aud: 'app', serviceurl: SERVICE_URL },
    activity: { serviceUrl: SERVICE_URL, conversation: { id: 'a:1', tenantId: TENANT }, channelData: { tenant: { id: TENANT } } },
    appId: 'app',
    tenantId: TENANT,
    isServiceUrlAllowed: (url) => url.startsWith('https://smba.trafficmanager.net/'),
    ...overrides,
  });
}

describe('checkInboundActivity (after the SDK accepted the token)', () => {
  it('when a Bot Framework token brings an activity of our tenant to an allowed connector, then it goes ahead', () => {
    expect(check()).toBeUndefined();
  });

  it('when tenant ids differ only in case, then they still match', () => {
    expect(check({ tenantId: TENANT.toUpperCase() })).toBeUndefined();
  });

  it('when no tenant is configured, then everything is refused', () => {
    expect(check({ tenantId: undefined })).toEqual({ status: 401, code: 'tenant_not_configured' });
  });

  it('when the token is not the Bot Connector\'s (an Entra issuer of our tenant, v1 or v2, with or without tid), then 401', () => {
    for (const iss of [`https://login.microsoftonline.com/${TENANT}/v2.0`, `https://sts.windows.net/${TENANT}/`, 'https://api.botframework.com.evil.example', undefined]) {
      expect(check({ claims: { iss, aud: 'app', tid: TENANT, serviceurl: SERVICE_URL } })).toEqual({ status: 401, code: 'token_issuer_not_bot_connector' });
    }
  });

  it('when no app id is configured, then everything is refused', () => {
    expect(check({ appId: undefined })).toEqual({ status: 401, code: 'app_not_configured' });
  });

  it('when the audience is not exactly our app id, then 401', () => {
    for (const aud of ['other', 'https://api.botframework.com', ['app', 'other'], undefined]) {
      expect(check({ claims: { iss: 'https://api.botframework.com', aud, serviceurl: SERVICE_URL } })).toEqual({ status: 401, code: 'token_audience_mismatch' });
    }
  });

  it('when the serviceurl claim is missing or empty, then 401', () => {
    expect(check({ claims: { iss: 'https://api.botframework.com', aud: 'app' } })).toEqual({ status: 401, code: 'service_url_claim_missing' });
    expect(check({ claims: { iss: 'https://api.botframework.com', aud: 'app', serviceurl: '' } })).toEqual({ status: 401, code: 'service_url_claim_missing' });
  });

  it('when the issuer list is the US Government one, then only its issuer is accepted', () => {
    const gov = { botConnectorIssuers: ['https://api.botframework.us'] };
    expect(check({ ...gov, claims: { iss: 'https://api.botframework.us', aud: 'app', serviceurl: SERVICE_URL } })).toBeUndefined();
    expect(check(gov)).toEqual({ status: 401, code: 'token_issuer_not_bot_connector' });
  });

  it('when the activity names another tenant in either place, or none, then 403', () => {
    const base = { serviceUrl: SERVICE_URL, conversation: { id: 'a:1', tenantId: TENANT }, channelData: { tenant: { id: TENANT } } };
    expect(check({ activity: { ...base, channelData: { tenant: { id: OTHER } } } })).toEqual({ status: 403, code: 'activity_tenant_mismatch' });
    expect(check({ activity: { ...base, conversation: { id: 'a:1', tenantId: OTHER } } })).toEqual({ status: 403, code: 'activity_tenant_mismatch' });
    expect(check({ activity: { serviceUrl: SERVICE_URL, conversation: { id: 'a:1' } } })).toEqual({ status: 403, code: 'activity_tenant_mismatch' });
    expect(check({ activity: { serviceUrl: SERVICE_URL, conversation: { id: 'a:1' }, channelData: { tenant: { id: TENANT } } } })).toBeUndefined();
  });

  it('when the serviceUrl is not allowed, then 400; when it is not the one the token names, then 401', () => {
    const activity = { serviceUrl: 'https://collector.example.net/', conversation: { id: 'a:1', tenantId: TENANT } };
    expect(check({ activity, claims: { iss: 'https://api.botframework.com', aud: 'app', serviceurl: 'https://collector.example.net/' } })).toEqual({ status: 400, code: 'service_url_not_allowed' });
    expect(check({ activity })).toEqual({ status: 401, code: 'service_url_claim_mismatch' });
    expect(check({ claims: { iss: 'https://api.botframework.com', aud: 'app', serviceurl: 'https://smba.trafficmanager.net:8443/emea/' } })).toEqual({ status: 401, code: 'service_url_claim_mismatch' });
    expect(check({ claims: { iss: 'https://api.botframework.com', aud: 'app', serviceurl: 'https://smba.trafficmanager.net/emea/other/' } })).toEqual({ status: 401, code: 'service_url_claim_mismatch' });
    expect(check({ claims: { iss: 'https://api.botframework.com', aud: 'app', serviceurl: 'not a url' } })).toEqual({ status: 401, code: 'service_url_claim_mismatch' });
    expect(check({ claims: { iss: 'https://api.botframework.com', aud: 'app', serviceurl: 'https://SMBA.trafficmanager.net/emea/' } })).toBeUndefined();
  });
});
