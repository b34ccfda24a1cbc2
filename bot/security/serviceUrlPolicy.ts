import { OutboundHostValidator, type OutboundUrlPolicy } from '@microsoft/agents-hosting';
import { isLoopback } from '../config';

/** What a production bot may send to. */
export interface ServiceUrlPolicyOptions {
  /**
   * Allowed hosts in the SDK's notation: an entry matches that host and its subdomains, a leading
   * `*.` is accepted and means the same (`*.botframework.com` = `botframework.com` and below).
   */
  hosts: readonly string[];
  /** Lets `http:` through for loopback hosts (test doubles); everything else must be `https:`. */
  allowLoopbackHttp?: boolean;
}

/**
 * The outbound allowlist for Bot Connector URLs (an incoming activity's `serviceUrl`, stored
 * conversation references, new 1:1 chats), handed to the Agents SDK's `CloudAdapter`, which
 * consults it before it creates any connector client (and so before it sends a token or a card).
 *
 * Host matching is the SDK's own `OutboundHostValidator`, but without its built-in Microsoft list:
 * that list has suffixes such as `blob.core.windows.net` and `sharepoint.com` under which anyone
 * can own a host, which is fine for downloading attachments but not for where a bot sends its
 * token and report notices. On top of that the scheme must be `https:` — the validator looks at
 * the host only, and the bot's access token must never travel in clear text.
 */
export class ServiceUrlPolicy implements OutboundUrlPolicy {
  readonly enabled = true;
  private readonly hosts: OutboundHostValidator;
  private readonly allowLoopbackHttp: boolean;

  constructor(options: ServiceUrlPolicyOptions) {
    this.hosts = new OutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: options.hosts });
    this.allowLoopbackHttp = options.allowLoopbackHttp ?? false;
  }

  isAllowed(input: string | URL | null | undefined): boolean {
    if (!input) return false;
    let url: URL;
    try {
      url = input instanceof URL ? input : new URL(input);
    } catch {
      return false;
    }
    // Credentials in a URL would be sent along as a Basic header by fetch: never a Bot Connector.
    if (url.username || url.password) return false;
    const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && this.allowLoopbackHttp && isLoopback(url.hostname));
    return schemeOk && this.hosts.isAllowed(url);
  }
}
