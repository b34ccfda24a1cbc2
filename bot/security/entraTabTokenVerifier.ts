import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/** The scope the tab asks Teams for (`authentication.getAuthToken()`), exposed by the app registration. */
export const TAB_SCOPE = 'access_as_user';

/** Who a valid tab token says the caller is. */
export interface TabCaller {
  /** Entra object id: the same id the bot knows a Teams user by (`aadObjectId`). */
  objectId: string;
  tenantId: string;
}

/** A token that is missing, malformed, expired, signed by another key or meant for another app or tenant. */
export class TabTokenRejected extends Error {
  override readonly name = 'TabTokenRejected';
  /** A code for the log only (`expired`, `audience`, `signature`, …): never the token or its claims. */
  constructor(readonly reason: string) {
    super(`tab token rejected: ${reason}`);
  }
}

export interface EntraTabTokenVerifierOptions {
  /** An origin: `https://login.microsoftonline.com` (MicrosoftAppAuthority for sovereign clouds; a loopback key server in tests). */
  authority: string;
  tenantId: string;
  /** The tab's Application ID URI and client id: v1 tokens carry the first as `aud`, v2 tokens the second. */
  audiences: readonly string[];
  /** Seconds of clock difference tolerated on `exp`/`nbf`. */
  clockToleranceSeconds?: number;
}

/**
 * Checks an Entra access token from Teams' tab single sign-on: RS256 signature by a key of the
 * tenant's key set (fetched from `<authority>/<tenant>/discovery/v2.0/keys`, cached, refetched at
 * most every 30 s when an unknown `kid` turns up), issuer `<authority>/<tenant>/v2.0`, audience,
 * expiry, `tid` = our tenant and `scp` including `access_as_user`. Every refusal is a
 * `TabTokenRejected`; the key server being unreachable is not (it propagates: 5xx, not 401).
 */
export function createEntraTabTokenVerifier(options: EntraTabTokenVerifierOptions): (token: string) => Promise<TabCaller> {
  const authority = new URL(options.authority).origin;
  const keys = createRemoteJWKSet(new URL(`${authority}/${options.tenantId}/discovery/v2.0/keys`), {
    cacheMaxAge: 24 * 60 * 60 * 1000,
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
  const issuer = `${authority}/${options.tenantId}/v2.0`;
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience: [...options.audiences],
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'tid', 'oid', 'scp'],
        clockTolerance: options.clockToleranceSeconds ?? 60,
      }));
    } catch (error) {
      throw new TabTokenRejected(rejectionReason(error));
    }
    if (payload.tid !== options.tenantId) throw new TabTokenRejected('tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(TAB_SCOPE)) throw new TabTokenRejected('scope');
    if (typeof payload.oid !== 'string' || payload.oid === '') throw new TabTokenRejected('subject');
    return { objectId: payload.oid, tenantId: payload.tid };
  };
}

/** Which check failed, as a code; anything that is not a refusal of the token (the key server is down) is thrown on. */
function rejectionReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'aud' ? 'audience' : error.claim === 'iss' ? 'issuer' : `claim_${error.claim}`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'algorithm';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  throw error;
}
