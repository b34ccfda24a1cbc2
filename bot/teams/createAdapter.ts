import { CloudAdapter, type AuthConfiguration } from '@microsoft/agents-hosting';
import type { Logger } from '../app/common/loggerPorts';
import { DEFAULT_BOT_SERVICE_HOSTS } from '../config';
import { ServiceUrlPolicy } from '../security/serviceUrlPolicy';
import { SecuredCloudAdapter } from './securedCloudAdapter';

/** The name of the bot's one SDK connection (the SDK's own default name). */
const CONNECTION = 'serviceConnection';

/** The bot's app registration, as configured. */
export interface AdapterIdentity {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  /** Entra authority endpoint (an origin); absent for the public cloud. */
  authority?: string;
}

/** Production only: where the bot may send, and where refusals are logged. */
export interface AdapterSecurityOptions {
  /** The outbound host allowlist (BOT_SERVICE_HOSTS plus BOT_SERVICE_URL's host). Default: the Teams/Bot Framework hosts. */
  serviceHosts?: readonly string[];
  /** Plain http to loopback test doubles (NODE_ENV=test only, see config). */
  allowLoopbackHttp?: boolean;
  logger?: Logger;
}

/**
 * The Agents SDK adapter.
 *
 * Without an app id (local mode, loopback only) it has an empty auth configuration: activities
 * are anonymous and replies go to whatever `serviceUrl` they name (the fake connector, an
 * emulator).
 *
 * With one it is a `SecuredCloudAdapter`: tokens are validated by the SDK against the app id, the
 * tenant and the authority (`authorityEndpoint` is what the SDK's `buildJwksUri` resolves the
 * JWKS from, `<authority>/<tenant>/discovery/v2.0/keys`, and what MSAL uses for the bot's own
 * tokens); `validateIssuer` makes the SDK accept only our tenant's issuers, the Bot Framework's
 * and Microsoft's first-party ones (it is off by default in the SDK); the adapter then narrows
 * that to the Bot Connector's tokens alone (see `checkInboundActivity`: a tenant-issued app-only
 * token for our app id is refused); and the outbound allowlist is on.
 */
export function createAdapter(bot: AdapterIdentity, security: AdapterSecurityOptions = {}): CloudAdapter {
  if (!bot.appId) return new CloudAdapter({});
  const connection: AuthConfiguration = {
    clientId: bot.appId,
    clientSecret: bot.appPassword,
    tenantId: bot.tenantId,
    validateIssuer: true,
    ...(bot.authority ? { authorityEndpoint: bot.authority } : {}),
  };
  // Named explicitly: without a connection of its own the SDK takes `Connections__*` app settings
  // from the environment instead of this configuration (and with them, for instance, no issuer check).
  const auth: AuthConfiguration = { ...connection, connections: new Map([[CONNECTION, connection]]), connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }] };
  return new SecuredCloudAdapter({
    auth,
    serviceUrls: new ServiceUrlPolicy({ hosts: security.serviceHosts ?? DEFAULT_BOT_SERVICE_HOSTS, allowLoopbackHttp: security.allowLoopbackHttp }),
    logger: security.logger,
  });
}
