import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the connector. */
export interface SentActivity {
  conversationId: string;
  /** The activity id it replies to, when the bot used the reply route. */
  replyToId?: string;
  activity: Record<string, unknown>;
}

/** A member of a team or conversation, as the connector lists it. */
export interface RosterMember {
  /** Teams user id (29:…). */
  id: string;
  name: string;
  /** Entra object id; absent for bots and some guests. */
  aadObjectId?: string;
}

/** A roster read the bot made. */
export interface RosterCall {
  conversationId: string;
  /** `pagedMembers` (with its query) or the plain `members` list. */
  route: 'pagedMembers' | 'members';
  pageSize?: string;
  continuationToken?: string;
}

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
 * `…/members/{userId}`; the reads are recorded in `rosterCalls`.
 */
export class FakeBotConnector {
  readonly sent: SentActivity[] = [];
  /** Messages the bot replaced (PUT …/activities/{id}): `replyToId` holds the id of the message replaced. */
  readonly updated: SentActivity[] = [];
  readonly createdConversations: Record<string, unknown>[] = [];
  readonly rosterCalls: RosterCall[] = [];
  private readonly rosters = new Map<string, { members: RosterMember[]; pageSize?: number }>();
  private readonly failures: InjectedFailure[] = [];
  private readonly sendFailures: InjectedFailure[] = [];
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

  /** Makes the next `count` message sends (POST …/activities) fail with the given status; other calls (rosters, new chats) are not affected. */
  failNextSend(failure: InjectedFailure, count = 1): void {
    for (let i = 0; i < count; i += 1) this.sendFailures.push(failure);
  }

  /** Forgets what was sent and which rosters were read. */
  clear(): void {
    this.sent.length = 0;
    this.rosterCalls.length = 0;
  }

  /**
   * Sets who is in a team or conversation.
   *
   * @param pageSize members per `pagedMembers` page; default: the page size the bot asks for (all when it asks none)
   */
  setRoster(conversationOrTeamId: string, members: RosterMember[], pageSize?: number): void {
    this.rosters.set(conversationOrTeamId, { members: members.map((member) => ({ ...member })), pageSize });
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
    const isSend = request.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(request.url ?? '');
    const failure = this.failures.shift() ?? (isSend ? this.sendFailures.shift() : undefined);
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
      this.updated.push({ conversationId: decodeURIComponent(activityRoute[1]), replyToId: activityRoute[2] ? decodeURIComponent(activityRoute[2]) : undefined, activity: body as Record<string, unknown> });
      return { status: 200, body: { id: activityRoute[2] } };
    }
    const rosterRoute = /^\/v3\/conversations\/([^/]+)\/(pagedmembers|members)(?:\/([^/]+))?$/i.exec(path);
    const roster = rosterRoute ? this.rosters.get(decodeURIComponent(rosterRoute[1])) : undefined;
    if (request.method === 'GET' && rosterRoute && roster) {
      return this.rosterResponse(decodeURIComponent(rosterRoute[1]), rosterRoute[2], rosterRoute[3], url.searchParams, roster);
    }
    if (request.method === 'POST' && path === '/v3/conversations') {
      this.counter += 1;
      this.createdConversations.push(body as Record<string, unknown>);
      return { status: 201, body: { id: `a:created-${this.counter}`, serviceUrl: this.serviceUrl } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: path } } };
  }

  private rosterResponse(
    conversationId: string,
    route: string,
    userId: string | undefined,
    query: URLSearchParams,
    roster: { members: RosterMember[]; pageSize?: number },
  ): { status: number; body: unknown } {
    const account = (member: RosterMember) => ({ ...member, userRole: 'user', tenantId: 'fake-tenant' });
    if (route.toLowerCase() === 'members') {
      if (userId !== undefined) {
        const member = roster.members.find((candidate) => candidate.id === decodeURIComponent(userId) || candidate.aadObjectId === decodeURIComponent(userId));
        return member ? { status: 200, body: account(member) } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'not found' } } };
      }
      this.rosterCalls.push({ conversationId, route: 'members' });
      return { status: 200, body: roster.members.map(account) };
    }
    const pageSize = query.get('pageSize') ?? undefined;
    const continuationToken = query.get('continuationToken') ?? undefined;
    this.rosterCalls.push({ conversationId, route: 'pagedMembers', pageSize, continuationToken });
    const start = continuationToken === undefined ? 0 : Number(/^page-(\d+)$/.exec(continuationToken)?.[1] ?? NaN);
    if (!Number.isInteger(start)) return { status: 400, body: { error: { code: 'BadArgument', message: 'invalid continuation token' } } };
    const asked = Number(pageSize);
    const size = roster.pageSize ?? (Number.isInteger(asked) && asked > 0 ? asked : roster.members.length);
    const next = start + size;
    return {
      status: 200,
      body: { members: roster.members.slice(start, next).map(account), ...(next < roster.members.length ? { continuationToken: `page-${next}` } : {}) },
    };
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
