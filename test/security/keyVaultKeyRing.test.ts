import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { loadConfig } from '../../bot/config';
import { ConfigurationError } from '../../bot/domain/errors';
import { AesGcmContentCipher } from '../../bot/security/aesGcmContentCipher';
import { KEY_RING_PURPOSES } from '../../bot/security/keyRing';
import { keyVaultSecretSource } from '../../bot/security/keyVaultSecretSource';
import { loadKeyRingFromKeyVault, type SecretSource } from '../../bot/security/loadKeyRingFromKeyVault';
import { configProblemsOf, PRODUCTION_SETTINGS } from '../fixtures/productionSettings';

const key = () => randomBytes(32).toString('base64');

/** One secret per purpose, as the deployment writes them: `vm-keys-content`, `vm-keys-identity`, … */
function keySetSecrets(prefix = 'vm-keys'): Map<string, string> {
  return new Map(KEY_RING_PURPOSES.map((purpose) => [`${prefix}-${purpose}`, JSON.stringify({ active: 'k2', keys: { k1: key(), k2: key() } })]));
}

function inMemorySource(secrets: ReadonlyMap<string, string>): SecretSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async getSecret(name) {
      asked.push(name);
      return secrets.get(name);
    },
  };
}

async function problemsOf(load: Promise<unknown>): Promise<readonly string[]> {
  const error = await load.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  return (error as ConfigurationError).problems;
}

describe('loadKeyRingFromKeyVault', () => {
  it('when every purpose has its secret, then the ring seals and opens with the active keys', async () => {
    const source = inMemorySource(keySetSecrets());
    const ring = await loadKeyRingFromKeyVault(source, 'vm-keys');

    expect(source.asked.sort()).toEqual(['vm-keys-address', 'vm-keys-content', 'vm-keys-exclusion', 'vm-keys-identity', 'vm-keys-pseudonym', 'vm-keys-relay']);
    const cipher = new AesGcmContentCipher(ring);
    const sealed = cipher.seal('content', { text: 'melding' }, 'case-1');
    expect(sealed.kid).toBe('k2');
    expect(cipher.open('content', sealed, 'case-1')).toEqual({ text: 'melding' });
    expect(ring.pseudonym.keys.size).toBe(2);
  });

  it('when a prefix is given, then the secrets are read under that prefix', async () => {
    const ring = await loadKeyRingFromKeyVault(inMemorySource(keySetSecrets('prod-vm')), 'prod-vm');
    expect(ring.identity.active).toBe('k2');
  });

  it('when a secret is missing and another is malformed, then one error names both secrets and no key material', async () => {
    const secrets = keySetSecrets();
    const leaked = key();
    secrets.delete('vm-keys-identity');
    secrets.set('vm-keys-relay', `{ "active": "k1", "keys": { "k1": "${leaked}" `);

    const problems = await problemsOf(loadKeyRingFromKeyVault(inMemorySource(secrets), 'vm-keys'));

    expect(problems).toEqual([expect.stringMatching(/"vm-keys-identity" does not exist/), 'Key Vault secret "vm-keys-relay" is not valid JSON.']);
    for (const value of [leaked, ...secrets.values()]) expect(problems.join('\n')).not.toContain(value);
  });

  it('when key sets are wrong (a key pasted as its id, a short key, an unlisted active key), then each is named without the key', async () => {
    const secrets = keySetSecrets();
    const pasted = key();
    secrets.set('vm-keys-content', JSON.stringify({ active: 'k1', keys: { k1: key(), [pasted]: 'k2' } }));
    secrets.set('vm-keys-address', JSON.stringify({ active: 'k1', keys: { k1: 'c2hvcnQ=' } }));
    secrets.set('vm-keys-pseudonym', JSON.stringify({ active: 'k9', keys: { k1: key() } }));

    const problems = await problemsOf(loadKeyRingFromKeyVault(inMemorySource(secrets), 'vm-keys'));

    expect(problems).toEqual([
      'Key Vault secret "vm-keys-content": keys.(key id not shown): Invalid key in record',
      'Key Vault secret "vm-keys-address": keys.k1: each key is 32 bytes, base64-encoded',
      'Key Vault secret "vm-keys-pseudonym": (root): the active key must be listed in keys',
    ]);
    expect(problems.join('\n')).not.toContain(pasted);
  });

  it('when the whole ring was stored in one secret, then every secret is reported, not just the first', async () => {
    const ringJson = JSON.stringify(Object.fromEntries(KEY_RING_PURPOSES.map((purpose) => [purpose, { active: 'k1', keys: { k1: key() } }])));
    const problems = await problemsOf(loadKeyRingFromKeyVault(inMemorySource(new Map([['vm-keys-content', ringJson]])), 'vm-keys'));

    expect(problems.filter((problem) => problem.includes('does not exist'))).toHaveLength(KEY_RING_PURPOSES.length - 1);
    expect(problems).toContain('Key Vault secret "vm-keys-content": active: Invalid input: expected string, received undefined');
  });

  it('when a secret cannot be read, then the failure is reported with the secret\'s name', async () => {
    const source: SecretSource = {
      async getSecret(name) {
        if (name === 'vm-keys-relay') throw new Error('Forbidden: no get permission');
        return keySetSecrets().get(name);
      },
    };
    expect(await problemsOf(loadKeyRingFromKeyVault(source, 'vm-keys'))).toEqual(['Key Vault secret "vm-keys-relay": could not be read (Forbidden: no get permission).']);
  });
});

/**
 * A Key Vault double on loopback: challenges unauthenticated requests as the real service does,
 * serves `GET /secrets/{name}/` to the bearer of `token`, and 404s unknown secrets.
 */
class FakeKeyVault {
  readonly requests: { path: string; apiVersion: string | null; authorization?: string }[] = [];
  private server?: Server;
  url = '';

  constructor(
    private readonly secrets: ReadonlyMap<string, string>,
    private readonly forbidden: ReadonlySet<string> = new Set(),
    private readonly token = 'test',
  ) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => this.answer(request, response.writeHead.bind(response), (body) => response.end(body)));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(request: IncomingMessage, writeHead: (status: number, headers: Record<string, string>) => unknown, end: (body: string) => void): void {
    const url = new URL(request.url ?? '/', this.url);
    this.requests.push({ path: url.pathname, apiVersion: url.searchParams.get('api-version'), authorization: request.headers.authorization });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      json(401, { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } }, {
        'www-authenticate': 'Bearer authorization="https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47", resource="https://vault.azure.net"',
      });
      return;
    }
    const match = /^\/secrets\/([A-Za-z0-9-]+)\/?$/.exec(url.pathname);
    const name = match?.[1];
    if (request.method !== 'GET' || !name || !url.searchParams.get('api-version')) {
      json(400, { error: { code: 'BadParameter', message: 'unexpected request' } });
    } else if (this.forbidden.has(name)) {
      json(403, { error: { code: 'Forbidden', message: `The caller does not have secrets get permission on ${name}.` } });
    } else if (!this.secrets.has(name)) {
      json(404, { error: { code: 'SecretNotFound', message: `A secret with (name/id) ${name} was not found in this key vault.` } });
    } else {
      json(200, {
        value: this.secrets.get(name),
        id: `${this.url}/secrets/${name}/4387e9f3d6e14c459867679a90fd0f79`,
        attributes: { enabled: true, created: 1767225600, updated: 1767225600, recoveryLevel: 'Recoverable+Purgeable' },
        tags: {},
      });
    }
  }
}

/** Stands in for the managed identity: hands out `test` and records which scopes it was asked for. */
function fakeCredential(): TokenCredential & { scopes: string[] } {
  const scopes: string[] = [];
  return {
    scopes,
    async getToken(requested: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
      scopes.push(...[requested].flat());
      return { token: 'test', expiresOnTimestamp: Date.now() + 24 * 3600 * 1000 };
    },
  };
}

// The client refuses plain http without allowInsecureConnection, and 127.0.0.1 cannot be a subdomain of
// the challenge's resource (vault.azure.net), which the client checks unless told not to.
const PLAIN_HTTP = { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } };
const LOOPBACK_OPTIONS = { ...PLAIN_HTTP, disableChallengeResourceVerification: true };

describe('keyVaultSecretSource against a fake Key Vault on loopback', () => {
  const secrets = keySetSecrets();
  const vault = new FakeKeyVault(secrets, new Set(['vm-keys-forbidden']));
  beforeAll(() => vault.start());
  afterAll(() => vault.stop());
  beforeEach(() => vault.requests.splice(0));

  it('when a secret exists, then its value is read with the bearer token obtained after the challenge', async () => {
    const credential = fakeCredential();
    const source = keyVaultSecretSource(vault.url, credential, LOOPBACK_OPTIONS);

    expect(await source.getSecret('vm-keys-content')).toBe(secrets.get('vm-keys-content'));
    expect(credential.scopes).toEqual(['https://vault.azure.net/.default']);
    expect(vault.requests.map((request) => request.authorization)).toEqual([undefined, 'Bearer test']);
    expect(vault.requests[1]).toMatchObject({ path: expect.stringMatching(/^\/secrets\/vm-keys-content\/?$/), apiVersion: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/) });
  });

  it('when a secret does not exist, then it reads as undefined', async () => {
    expect(await keyVaultSecretSource(vault.url, fakeCredential(), LOOPBACK_OPTIONS).getSecret('vm-keys-nothing')).toBeUndefined();
  });

  it('when the identity may not read a secret, then the error is thrown, not taken for a missing secret', async () => {
    await expect(keyVaultSecretSource(vault.url, fakeCredential(), LOOPBACK_OPTIONS).getSecret('vm-keys-forbidden')).rejects.toMatchObject({ statusCode: 403 });
  });

  it('when the ring is loaded through it, then every purpose comes from the vault and the ring works', async () => {
    const ring = await loadKeyRingFromKeyVault(keyVaultSecretSource(vault.url, fakeCredential(), LOOPBACK_OPTIONS), 'vm-keys');
    const cipher = new AesGcmContentCipher(ring);
    expect(cipher.open('identity', cipher.seal('identity', 'Jan Jansen', 'case-2'), 'case-2')).toBe('Jan Jansen');
    expect(vault.requests.filter((request) => request.authorization === 'Bearer test').map((request) => request.path.replace(/\/$/, '')).sort()).toEqual(
      KEY_RING_PURPOSES.map((purpose) => `/secrets/vm-keys-${purpose}`).sort(),
    );
  });

  it('when the challenge names a resource the vault URL is not part of, then no token is sent (default verification)', async () => {
    const credential = fakeCredential();
    await expect(keyVaultSecretSource(vault.url, credential, PLAIN_HTTP).getSecret('vm-keys-content')).rejects.toThrow(/does not match the requested domain/);
    expect(credential.scopes).toEqual([]);
    expect(vault.requests.every((request) => request.authorization === undefined)).toBe(true);
  });

  it('when the vault URL is plain http to another host, then no client is made', () => {
    expect(() => keyVaultSecretSource('http://vm-keys.vault.azure.net', fakeCredential())).toThrow(/must use https/);
  });
});

const PRODUCTION = PRODUCTION_SETTINGS;

describe('loadConfig: keys from Key Vault', () => {
  it('when production has KEY_VAULT_URL and no KEY_RING, then the keys come from that vault under the default prefix', () => {
    expect(loadConfig({ ...PRODUCTION, KEY_VAULT_URL: 'https://vm-keys.vault.azure.net/' }).keys).toEqual({ kind: 'keyVault', vaultUrl: 'https://vm-keys.vault.azure.net/', prefix: 'vm-keys' });
  });

  it('when a prefix is set, then it is used; a prefix that cannot be part of a secret name is named', () => {
    expect(loadConfig({ ...PRODUCTION, KEY_VAULT_URL: 'https://vm-keys.vault.azure.net/', KEY_VAULT_SECRET_PREFIX: 'prod-vm' }).keys).toMatchObject({ prefix: 'prod-vm' });
    expect(configProblemsOf({ ...PRODUCTION, KEY_VAULT_URL: 'https://vm-keys.vault.azure.net/', KEY_VAULT_SECRET_PREFIX: 'VM_keys' })).toEqual([expect.stringMatching(/^KEY_VAULT_SECRET_PREFIX: /)]);
  });

  it('when production has KEY_RING only, then the inline ring is still used', () => {
    expect(loadConfig({ ...PRODUCTION, KEY_RING: '{}' }).keys).toEqual({ kind: 'inline', json: '{}' });
  });

  it('when production has neither, then start-up is refused, recommending Key Vault', () => {
    expect(configProblemsOf(PRODUCTION)).toEqual([
      'KEY_VAULT_URL (recommended: one secret per key set, read with the app\'s managed identity) or KEY_RING (the key ring JSON, from Key Vault) is required in production.',
    ]);
  });

  it('when both are set, then start-up is refused so it is clear which keys seal new data', () => {
    expect(configProblemsOf({ ...PRODUCTION, KEY_VAULT_URL: 'https://vm-keys.vault.azure.net/', KEY_RING: '{}' })).toEqual([expect.stringMatching(/KEY_VAULT_URL and KEY_RING are both set/)]);
  });

  it('when the vault URL is plain http, then it is refused, also on loopback outside a test run', () => {
    expect(configProblemsOf({ ...PRODUCTION, KEY_VAULT_URL: 'http://vm-keys.vault.azure.net/' })).toEqual([expect.stringMatching(/^KEY_VAULT_URL must use https/)]);
    expect(configProblemsOf({ ...PRODUCTION, KEY_VAULT_URL: 'http://127.0.0.1:8443/' })).toEqual([expect.stringMatching(/^KEY_VAULT_URL must use https/)]);
    expect(configProblemsOf({ ...PRODUCTION, KEY_VAULT_URL: 'http://127.0.0.1:8443/', NODE_ENV: 'test', WEBSITE_INSTANCE_ID: 'abc' })).toEqual([expect.stringMatching(/^KEY_VAULT_URL must use https/)]);
    expect(configProblemsOf({ ...PRODUCTION, KEY_VAULT_URL: 'http://vm-keys.vault.azure.net/', NODE_ENV: 'test' })).toEqual([expect.stringMatching(/^KEY_VAULT_URL must use https/)]);
  });

  it('when a test run points at a loopback vault double over http, then it is accepted', () => {
    expect(loadConfig({ ...PRODUCTION, KEY_VAULT_URL: 'http://127.0.0.1:8443/', NODE_ENV: 'test' }).keys).toMatchObject({ kind: 'keyVault', vaultUrl: 'http://127.0.0.1:8443/' });
  });

  it('when the vault URL is not a URL, then it is named', () => {
    expect(configProblemsOf({ ...PRODUCTION, KEY_VAULT_URL: 'vm-keys' })).toEqual([expect.stringMatching(/^KEY_VAULT_URL: /)]);
  });

  it('when local mode is given a vault, then start-up is refused: it has no managed identity and uses the key file', () => {
    expect(configProblemsOf({ KEY_VAULT_URL: 'https://vm-keys.vault.azure.net/' })).toEqual([expect.stringMatching(/KEY_VAULT_URL is read with the app's managed identity, which local mode does not have/)]);
  });
});
