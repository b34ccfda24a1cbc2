import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the connector. */
export interface SentActivity {
  conversationId: string;
  /** The activity id it replies to, when the bot used the reply route. */
  replyToId?: string;
  activity: Record<string, unknown>;
}

/** A scripted failure for the next calls: status code and optional Retry-After seconds. */
export interface InjectedFailure {
  status: number;
  retryAfterSeconds?: number;
}

/**
 * A fake Bot Connector service on loopback: records every activity the bot sends (the bot
 * replies to the incoming activity's `serviceUrl`), answers like the real one, and can be told
 * to fail the next calls (429, 5xx) to test retries.
 */
export class FakeBotConnector {
  readonly sent: SentActivity[] = [];
  readonly createdConversations: Record<string, unknown>[] = [];
  private readonly failures: InjectedFailure[] = [];
  private server?: Server;
  private counter = 0;

  /** The `serviceUrl` to put in incoming activities. */
  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('connector not started');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(
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

  /** Forgets what was sent. */
  clear(): void {
    this.sent.length = 0;
  }

  /** Everything the bot sent, as one string: for asserting that no typed text ever reached a chat. */
  sentText(): string {
    return JSON.stringify(this.sent);
  }

  /** The Adaptive Card contents of the activities sent to a conversation. */
  cardsSentTo(conversationId: string): Record<string, unknown>[] {
    return this.sent
      .filter((item) => item.conversationId === conversationId)
      .flatMap((item) => (item.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [])
      .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((attachment) => attachment.content);
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const body = await readJson(request);
    const failure = this.failures.shift();
    if (failure) {
      return {
        status: failure.status,
        body: { error: { code: 'Injected', message: 'injected failure' } },
        headers: failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : undefined,
      };
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/+/, '/');
    const activityRoute = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (request.method === 'POST' && activityRoute) {
      this.counter += 1;
      this.sent.push({
        conversationId: decodeURIComponent(activityRoute[1]),
        replyToId: activityRoute[2] ? decodeURIComponent(activityRoute[2]) : undefined,
        activity: body as Record<string, unknown>,
      });
      return { status: 200, body: { id: `sent-${this.counter}` } };
    }
    if (request.method === 'PUT' && activityRoute) {
      return { status: 200, body: { id: activityRoute[2] } };
    }
    if (request.method === 'POST' && path === '/v3/conversations') {
      this.counter += 1;
      this.createdConversations.push(body as Record<string, unknown>);
      return { status: 201, body: { id: `a:created-${this.counter}`, serviceUrl: this.serviceUrl } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: path } } };
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
