import { DEFAULT_BOT_SERVICE_HOSTS } from '../../bot/config';
import { ServiceUrlPolicy } from '../../bot/security/serviceUrlPolicy';

describe('ServiceUrlPolicy (the outbound allowlist handed to the Agents SDK)', () => {
  const production = new ServiceUrlPolicy({ hosts: DEFAULT_BOT_SERVICE_HOSTS });

  it('when a URL is a Teams or Bot Framework connector over https, then it is allowed', () => {
    for (const url of ['https://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net/teams/', 'https://europe.token.botframework.com/', 'https://botframework.com/']) {
      expect(production.isAllowed(url)).toBe(true);
    }
  });

  it('when a URL is on another host, even one that looks alike or that the SDK trusts for attachments, then it is refused', () => {
    for (const url of [
      'https://evil.trafficmanager.net/teams/',
      'https://smba.trafficmanager.net.evil.example/teams/',
      'https://botframework.com.evil.example/',
      'https://attacker.blob.core.windows.net/x',
      'https://contoso.sharepoint.com/',
      'https://graph.microsoft.com/v1.0/',
    ]) {
      expect(production.isAllowed(url)).toBe(false);
    }
  });

  it('when an allowed host is named over http or with credentials, then it is refused (the bot token would leak)', () => {
    expect(production.isAllowed('http://smba.trafficmanager.net/emea/')).toBe(false);
    expect(production.isAllowed('https://user:pass@smba.trafficmanager.net/emea/')).toBe(false);
  });

  it('when the URL is missing or malformed, then it is refused', () => {
    for (const url of [undefined, null, '', 'not a url', 'smba.trafficmanager.net/emea/']) expect(production.isAllowed(url)).toBe(false);
  });

  it('when loopback http is allowed (test runs), then only an allowed loopback host gets through over http', () => {
    const test = new ServiceUrlPolicy({ hosts: ['127.0.0.1'], allowLoopbackHttp: true });
    expect(test.isAllowed('http://127.0.0.1:3978/')).toBe(true);
    expect(test.isAllowed('http://localhost:3978/')).toBe(false);
    expect(new ServiceUrlPolicy({ hosts: ['example.net'], allowLoopbackHttp: true }).isAllowed('http://example.net/')).toBe(false);
    expect(new ServiceUrlPolicy({ hosts: ['127.0.0.1'] }).isAllowed('http://127.0.0.1:3978/')).toBe(false);
  });
});
