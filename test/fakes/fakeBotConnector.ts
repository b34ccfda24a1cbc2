import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotConnectorService } from '../../local/botConnector/botConnectorService';

export type { RosterCall, RosterMember, SentActivity } from '../../local/botConnector/botConnectorService';

/** A scripted failure for the next calls: status code and optional Retry-After seconds. */
export interface InjectedFailure {
  status: number;
  retryAfterSeconds?: number;
}

/**
 * A fake Bot Connector service on loopback: records every activity the bot sends (the bot
 * replies to the incoming activity's `serviceUrl`), answers like the real one, and can be told
 * to fail the next calls (429, 5xx) to test retries. Rosters set with `setRoster` are served from
 * `GET /v3/conversations/{id}/pagedMembers` (pages linked by `continuationToken`), `…/members` and
 * `…/members/{userId}`; the reads are recorded in `rosterCalls`. The answers themselves come from
 * the connector the local chat page serves too ({@link BotConnectorService}).
 */
export class FakeBotConnector extends BotConnectorService {
  private readonly failures: InjectedFailure[] = [];
  private readonly sendFailures: InjectedFailure[] = [];
  private server?: Server;

  /** The `serviceUrl` to put in incoming activities. */
  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('connector not started');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.respond(request).then(
        ({ status, body, headers }) => {
          response.writeHead(status, { 'content-type': 'application/json', ...headers });
          response.end(JSON.stringify(body));
        },
        () => {
          response.writeHead(500);
          response.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Makes the next `count` calls fail with the given status. */
  failNext(failure: InjectedFailure, count = 1): void {
    for (let i = 0; i < count; i += 1) this.failures.push(failure);
  }

  /** Makes the next `count` message sends (POST …/activities) fail with the given status; other calls (rosters, new chats) are not affected. */
  failNextSend(failure: InjectedFailure, count = 1): void {
    for (let i = 0; i < count; i += 1) this.sendFailures.push(failure);
  }

  private async respond(request: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const body = await readJson(request);
    const isSend = request.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(request.url ?? '');
    const failure = this.failures.shift() ?? (isSend ? this.sendFailures.shift() : undefined);
    if (failure) {
      return {
        status: failure.status,
        body: { error: { code: 'Injected', message: 'injected failure' } },
        headers: failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : undefined,
      };
    }
    return this.handle({ method: request.method ?? 'GET', url: request.url ?? '/', body }, this.serviceUrl);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
