import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options for one minted token: which key signs it (default: the served one), its `kid`, and `alg`. */
export interface MintOptions {
  privateKey?: KeyObject;
  kid?: string;
  /** `none` leaves the signature empty: a forged, unsigned token. */
  alg?: 'RS256' | 'none';
}

/**
 * A stand-in for an Entra authority on loopback: an RSA key pair made in the test, its public
 * key served as a JWKS where the Agents SDK looks for it for a non-Bot-Framework issuer
 * (`<authority>/<tenant>/discovery/v2.0/keys`, see `buildJwksUri` / `resolveAuthority`), and
 * RS256 tokens signed with it.
 */
export interface TestTokenIssuer {
  /** `http://127.0.0.1:<port>`: the MicrosoftAppAuthority to configure. */
  authority: string;
  /** The tenant's v2 issuer under this authority, as the SDK's default issuer list names it. */
  issuerFor(tenantId: string): string;
  /**
   * Where this server also serves its keys as the Bot Framework's (`https://api.botframework.com`
   * tokens are checked against `https://login.botframework.com/v1/.well-known/keys`, which a test
   * redirects here: see `redirectBotFrameworkKeys`).
   */
  botFrameworkKeysUrl: string;
  /** The `kid` of the served key. */
  kid: string;
  /** The paths the SDK requested (to see that keys were fetched where expected). */
  requests: string[];
  /** A compact JWT with the given claims. */
  mint(claims: Record<string, unknown>, options?: MintOptions): string;
  close(): Promise<void>;
}

/** Starts the key server for one tenant. */
export async function startTestTokenIssuer(tenantId: string): Promise<TestTokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'test-signing-key-1';
  const jwk = publicKey.export({ format: 'jwk' });
  const jwks = JSON.stringify({ keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, kid, use: 'sig', alg: 'RS256' }] });
  const requests: string[] = [];
  const keysPath = `/${tenantId}/discovery/v2.0/keys`;
  const botFrameworkKeysPath = '/botframework/v1/.well-known/keys';

  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.method === 'GET' && (request.url === keysPath || request.url === botFrameworkKeysPath)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(jwks);
      return;
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    authority,
    issuerFor: (tenant) => `${authority}/${tenant}/v2.0`,
    botFrameworkKeysUrl: `${authority}${botFrameworkKeysPath}`,
    kid,
    requests,
    mint(claims, options = {}) {
      const alg = options.alg ?? 'RS256';
      const header = base64url(JSON.stringify({ alg, typ: 'JWT', kid: options.kid ?? kid }));
      const payload = base64url(JSON.stringify(claims));
      const signature = alg === 'none' ? '' : sign('sha256', Buffer.from(`${header}.${payload}`), options.privateKey ?? privateKey).toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
