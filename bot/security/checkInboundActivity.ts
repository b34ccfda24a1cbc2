/** Why an authenticated request is still refused; `code` is what gets logged, never the activity. */
export interface InboundRefusal {
  status: 400 | 401 | 403;
  code: 'tenant_not_configured' | 'token_tenant_mismatch' | 'activity_tenant_mismatch' | 'service_url_not_allowed' | 'service_url_claim_mismatch';
}

/** What the production checks after the SDK's token validation look at. */
export interface InboundActivityCheck {
  /** The verified token payload (the SDK puts it on `req.user`). */
  claims: Readonly<Record<string, unknown>> | undefined;
  /** The request body: an activity as Teams sends it. */
  activity: unknown;
  /** `MicrosoftAppTenantId`: the one organisation the bot serves. */
  tenantId: string | undefined;
  /** The outbound allowlist: an activity's `serviceUrl` is where the bot's answers and token go. */
  isServiceUrlAllowed(url: string): boolean;
}

/**
 * The checks that the Agents SDK's JWT validation does not make, run after it accepted the token
 * and before the bot sees the activity. Returns the first refusal, or undefined to go ahead.
 *
 * 1. Token tenant: a token whose issuer names our tenant (`…/<tenant>/v2.0`, `sts…/<tenant>/`)
 *    must carry that tenant as `tid`. The SDK binds `tid` to the issuer only for the public and
 *    US Government Entra hosts; this holds for any authority (sovereign clouds, test issuers).
 *    Issuers without a tenant (the Bot Framework's `api.botframework.com`) are vetted by the SDK's
 *    issuer allowlist and carry no `tid`.
 * 2. Activity tenant: the activity must come from our tenant (`conversation.tenantId` and
 *    `channelData.tenant.id`, every one present, at least one). A valid Bot Framework token says
 *    "this came through Azure Bot Service for our app", not "from our organisation": without this
 *    a user of another tenant who can reach the app (e.g. via a multi-tenant registration or a
 *    shared channel) could file or read reports.
 * 3. Service URL: the `serviceUrl` must be on the outbound allowlist, and, when the token names a
 *    `serviceurl` (Bot Framework tokens do), have the same origin: a forged `serviceUrl` would
 *    otherwise receive the bot's connector token and every answer, report receipts included.
 */
export function checkInboundActivity(check: InboundActivityCheck): InboundRefusal | undefined {
  const tenantId = check.tenantId?.toLowerCase();
  // Fail closed: production without a tenant would accept every organisation.
  if (!tenantId) return { status: 401, code: 'tenant_not_configured' };

  const claims = check.claims ?? {};
  if (issuerNamesTenant(claims.iss, tenantId) && lower(claims.tid) !== tenantId) return { status: 401, code: 'token_tenant_mismatch' };

  const activity = (typeof check.activity === 'object' && check.activity !== null ? check.activity : {}) as {
    serviceUrl?: unknown;
    conversation?: { tenantId?: unknown };
    channelData?: { tenant?: { id?: unknown } };
  };
  const tenants = [activity.conversation?.tenantId, activity.channelData?.tenant?.id].filter((value) => value !== undefined && value !== null);
  if (tenants.length === 0 || tenants.some((value) => lower(value) !== tenantId)) return { status: 403, code: 'activity_tenant_mismatch' };

  const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : '';
  if (!check.isServiceUrlAllowed(serviceUrl)) return { status: 400, code: 'service_url_not_allowed' };
  if (typeof claims.serviceurl === 'string' && originOf(claims.serviceurl) !== originOf(serviceUrl)) return { status: 400, code: 'service_url_claim_mismatch' };
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

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return undefined;
  }
}
