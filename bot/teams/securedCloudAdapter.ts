import { CloudAdapter, type AuthConfiguration, type OutboundUrlPolicy } from '@microsoft/agents-hosting';
import type { Logger } from '../app/common/loggerPorts';
import { BOT_CONNECTOR_ISSUERS, checkInboundActivity, type InboundRefusal } from '../security/checkInboundActivity';

/** How the production adapter is secured. */
export interface SecuredCloudAdapterOptions {
  /** The bot's app registration; `clientId` and `tenantId` are required. */
  auth: AuthConfiguration;
  /** Where the bot may send (incoming `serviceUrl`s, proactive messages). */
  serviceUrls: OutboundUrlPolicy;
  /** Refusals are logged here, with a code only. */
  logger?: Logger;
}

type AuthorizeArgs = Parameters<CloudAdapter['authorizeRequest']>;

/**
 * The production `CloudAdapter`: the SDK's JWT validation, then our Bot Connector, tenant and
 * service-URL checks, before any activity reaches the bot.
 *
 * - `authorizeRequest` (which the HTTP bridge calls before `process`) runs the SDK's `authorizeJWT`
 *   middleware first (signature against the authority's JWKS, RS256 only, audience = our app id,
 *   expiry, issuer allowlist when `validateIssuer` is set), then `checkInboundActivity`, which
 *   accepts only Bot Connector tokens (issuer `https://api.botframework.com`, audience our app id,
 *   a required `serviceurl` claim equal to the activity's `serviceUrl`). A refusal answers 400/401/403 with a fixed body and is logged as `activity.refused` with its code: the
 *   request body is never logged or echoed.
 * - The outbound policy goes to the SDK as its `OutboundUrlPolicy`: the SDK then refuses (400) an
 *   activity whose `serviceUrl` is not allowed, and refuses to create a connector client (so to
 *   send anything, proactive messages included) for such a URL. `validateServiceUrl` makes it
 *   also refuse a `serviceUrl` whose host differs from the token's `serviceurl` claim. Both repeat
 *   checks made here first, as a second line should this class ever be bypassed.
 */
export class SecuredCloudAdapter extends CloudAdapter {
  private readonly serviceUrls: OutboundUrlPolicy;
  private readonly tenantId: string | undefined;
  private readonly appId: string | undefined;
  private readonly botConnectorIssuers: readonly string[];
  private readonly logger: Logger | undefined;

  constructor(options: SecuredCloudAdapterOptions) {
    super(options.auth, undefined, undefined, { validateServiceUrl: true }, options.serviceUrls);
    this.serviceUrls = options.serviceUrls;
    this.tenantId = options.auth.tenantId;
    this.appId = options.auth.clientId;
    // The US Government cloud's Bot Connector signs as api.botframework.us (the SDK picks its keys by the same rule).
    this.botConnectorIssuers = /login\.microsoftonline\.us/i.test(options.auth.authorityEndpoint ?? '') ? ['https://api.botframework.us'] : BOT_CONNECTOR_ISSUERS;
    this.logger = options.logger;
  }

  override async authorizeRequest(req: AuthorizeArgs[0], res: AuthorizeArgs[1], next: AuthorizeArgs[2]): Promise<void> {
    let tokenAccepted = false;
    await super.authorizeRequest(req, res, () => {
      tokenAccepted = true;
    });
    if (!tokenAccepted) {
      // The SDK has answered (401, or 405 for another method); its body names the token problem, not the request.
      this.logger?.warn('activity.refused', { code: req.headers.authorization ? 'token_refused' : 'token_missing' });
      return;
    }
    const refusal = checkInboundActivity({
      claims: req.user,
      activity: req.body,
      appId: this.appId,
      tenantId: this.tenantId,
      botConnectorIssuers: this.botConnectorIssuers,
      isServiceUrlAllowed: (url) => this.serviceUrls.isAllowed(url),
    });
    if (refusal) {
      this.refuse(res, refusal);
      return;
    }
    next();
  }

  private refuse(res: AuthorizeArgs[1], refusal: InboundRefusal): void {
    this.logger?.warn('activity.refused', { code: refusal.code, status: refusal.status });
    res.status(refusal.status);
    res.send({ error: refusal.code });
    res.end();
  }
}
