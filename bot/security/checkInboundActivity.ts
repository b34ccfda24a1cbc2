/** Why an authenticated request is still refused; `code` is what gets logged, never the activity. */
export interface InboundRefusal {
  status: 400 | 401 | 403;
  code:
    | 'tenant_not_configured'
    | 'app_not_configured'
    | 'token_issuer_not_bot_connector'
    | 'token_audience_mismatch'
    | 'service_url_claim_missing'
    | 'service_url_claim_mismatch'
    | 'token_tenant_mismatch'
    | 'activity_tenant_mismatch'
    | 'service_url_not_allowed';
}

/** What the production checks after the SDK's token validation look at. */
export interface InboundActivityCheck {
  /** The verified token payload (the SDK puts it on `req.user`). */
  claims: Readonly<Record<string, unknown>> | undefined;
  /** The request body: an activity as Teams sends it. */
  activity: unknown;
  /** `MicrosoftAppId`: the only audience a channel token may name. */
  appId: string | undefined;
  /** `MicrosoftAppTenantId`: the one organisation the bot serves. */
  tenantId: string | undefined;
  /** The outbound allowlist: an activity's `serviceUrl` is where the bot's answers and token go. */
  isServiceUrlAllowed(url: string): boolean;
  /** The Bot Framework token issuers accepted (default: {@link BOT_CONNECTOR_ISSUERS}). */
  botConnectorIssuers?: readonly string[];
}

/**
 * The issuer of the tokens the Bot Connector service sends to a bot (the public cloud's; US
 * Government's is `https://api.botframework.us`). Sources: Microsoft Learn, "Authenticate requests
 * with the Bot Connector API", section "Connector to bot" (issuer `https://api.botframework.com`,
 * audience the bot's app id, a `serviceurl` claim that must equal the activity's `serviceUrl`);
 * the Bot Framework SDK's `AuthenticationConstants.ToBotFromChannelTokenIssuer` and
 * `ChannelValidation` (which refuses a `serviceurl` claim unequal to the activity's); the Agents
 * SDK's `buildJwksUri`, which checks tokens of this issuer against the Bot Framework's own keys
 * (`login.botframework.com/v1/.well-known/keys`), not an Entra tenant's.
 */
export const BOT_CONNECTOR_ISSUERS: readonly string[] = ['https://api.botframework.com'];

/**
 * The checks that the Agents SDK's JWT validation does not make, run after it accepted the token
 * (signature, expiry, issuer in its allowlist) and before the bot sees the activity. Returns the
 * first refusal, or undefined to go ahead.
 *
 * 1. Only the Bot Connector speaks for a user. The SDK's issuer allowlist also holds our tenant's
 *    Entra issuers and Microsoft's first-party ones, so an app-only token that *any* app
 *    registration of the tenant can get for our app id (client credentials, `aud` = app id) would
 *    pass it, and the activity's `from.aadObjectId` would then be trusted as the user. A channel
 *    token must therefore have the Bot Framework's issuer, our app id as its one audience (the
 *    SDK also accepts `https://api.botframework.com`, the audience of tokens *to* the connector),
 *    and a `serviceurl` claim (which only the Bot Connector's token service puts in) equal to the
 *    activity's `serviceUrl`. Entra tenant issuers are not accepted, whatever the registration
 *    type: no claim in such a token tells the Bot Connector apart from another app of the tenant.
 * 2. Token tenant: a token whose issuer names our tenant must carry that tenant as `tid` (kept as
 *    a second line; rule 1 already refuses tenant issuers).
 * 3. Activity tenant: the activity must come from our tenant (`conversation.tenantId` and
 *    `channelData.tenant.id`, every one present, at least one). A valid Bot Framework token says
 *    "this came through Azure Bot Service for our app", not "from our organisation".
 * 4. Service URL: the `serviceUrl` must be on the outbound allowlist: a forged `serviceUrl` would
 *    otherwise receive the bot's connector token and every answer, report receipts included.
 */
export function checkInboundActivity(check: InboundActivityCheck): InboundRefusal | undefined {
  const tenantId = check.tenantId?.toLowerCase();
  // Fail closed: production without a tenant would accept every organisation.
  if (!tenantId) return { status: 401, code: 'tenant_not_configured' };
  if (!check.appId) return { status: 401, code: 'app_not_configured' };

  const claims = check.claims ?? {};
  const issuers = (check.botConnectorIssuers ?? BOT_CONNECTOR_ISSUERS).map((issuer) => issuer.toLowerCase());
  if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss.toLowerCase())) return { status: 401, code: 'token_issuer_not_bot_connector' };
  if (claims.aud !== check.appId) return { status: 401, code: 'token_audience_mismatch' };
  if (issuerNamesTenant(claims.iss, tenantId) && lower(claims.tid) !== tenantId) return { status: 401, code: 'token_tenant_mismatch' };

  const activity = (typeof check.activity === 'object' && check.activity !== null ? check.activity : {}) as {
    serviceUrl?: unknown;
    conversation?: { tenantId?: unknown };
    channelData?: { tenant?: { id?: unknown } };
  };
  const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : '';
  if (typeof claims.serviceurl !== 'string' || claims.serviceurl === '') return { status: 401, code: 'service_url_claim_missing' };
  if (!sameUrl(claims.serviceurl, serviceUrl)) return { status: 401, code: 'service_url_claim_mismatch' };

  const tenants = [activity.conversation?.tenantId, activity.channelData?.tenant?.id].filter((value) => value !== undefined && value !== null);
  if (tenants.length === 0 || tenants.some((value) => lower(value) !== tenantId)) return { status: 403, code: 'activity_tenant_mismatch' };

  if (!check.isServiceUrlAllowed(serviceUrl)) return { status: 400, code: 'service_url_not_allowed' };
  return undefined;
}

/** True when one path segment of the issuer URL is the tenant id. */
function issuerNamesTenant(issuer: unknown, tenantId: string): boolean {
  if (typeof issuer !== 'string') return false;
  try {
    return new URL(issuer).pathname.toLowerCase().split('/').includes(tenantId);
  } catch {
    return false;
  }
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/**
 * The same URL, as the Bot Framework SDK's `ChannelValidation` compares them (equal strings),
 * tolerating only what URL parsing normalises (host case, an empty path written as `/`).
 */
function sameUrl(claim: string, serviceUrl: string): boolean {
  if (claim === serviceUrl) return true;
  try {
    return new URL(claim).href === new URL(serviceUrl).href;
  } catch {
    return false;
  }
}
