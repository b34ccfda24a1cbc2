/**
 * The Bot Connector service's REST surface as far as this bot uses it, kept in memory: what the
 * bot sends (`POST /v3/conversations/{id}/activities[/{replyToId}]`), replaces (`PUT …/{id}`),
 * deletes, the chats it opens (`POST /v3/conversations`) and the rosters it reads
 * (`…/pagedmembers`, `…/members[/{userId}]`). Served on loopback by the tests' fake connector
 * and by the local chat page (`local/chatPage`), so both answer the bot the way Teams does.
 */

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

/** What the bot did to a conversation, for listeners (the chat page). */
export type ConnectorEvent =
  | { kind: 'sent'; conversationId: string; activityId: string; replyToId?: string; activity: Record<string, unknown> }
  | { kind: 'updated'; conversationId: string; activityId: string; activity: Record<string, unknown> }
  | { kind: 'deleted'; conversationId: string; activityId: string };

/** A request to the connector, already read. */
export interface ConnectorRequest {
  method: string;
  /** Path and query, e.g. `/v3/conversations/a%3A1/activities`. */
  url: string;
  body: unknown;
}

export interface ConnectorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** How the connector names the chats the bot opens; default `a:created-<n>`. */
export type ConversationNamer = (parameters: Record<string, unknown>, counter: number) => string;

export class BotConnectorService {
  readonly sent: SentActivity[] = [];
  /** Messages the bot replaced (PUT …/activities/{id}): `replyToId` holds the id of the message replaced. */
  readonly updated: SentActivity[] = [];
  readonly createdConversations: Record<string, unknown>[] = [];
  readonly rosterCalls: RosterCall[] = [];
  private readonly rosters = new Map<string, { members: RosterMember[]; pageSize?: number }>();
  private readonly listeners: ((event: ConnectorEvent) => void)[] = [];
  private counter = 0;

  constructor(private readonly nameConversation: ConversationNamer = (_parameters, counter) => `a:created-${counter}`) {}

  /** Calls `listener` for every activity the bot sends, replaces or deletes. */
  onEvent(listener: (event: ConnectorEvent) => void): void {
    this.listeners.push(listener);
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

  /**
   * Answers one connector call as the real service does.
   *
   * @param serviceUrl this connector's own base URL, returned with new conversations
   */
  handle(request: ConnectorRequest, serviceUrl: string): ConnectorResponse {
    const { method, body } = request;
    const url = new URL(request.url, 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/+/, '/');
    const activityRoute = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (method === 'POST' && activityRoute) {
      this.counter += 1;
      const conversationId = decodeURIComponent(activityRoute[1]);
      const replyToId = activityRoute[2] ? decodeURIComponent(activityRoute[2]) : undefined;
      const activityId = `sent-${this.counter}`;
      this.sent.push({ conversationId, replyToId, activity: body as Record<string, unknown> });
      this.emit({ kind: 'sent', conversationId, activityId, replyToId, activity: body as Record<string, unknown> });
      return { status: 200, body: { id: activityId } };
    }
    if (method === 'PUT' && activityRoute) {
      const conversationId = decodeURIComponent(activityRoute[1]);
      const replyToId = activityRoute[2] ? decodeURIComponent(activityRoute[2]) : undefined;
      this.updated.push({ conversationId, replyToId, activity: body as Record<string, unknown> });
      if (replyToId) this.emit({ kind: 'updated', conversationId, activityId: replyToId, activity: body as Record<string, unknown> });
      return { status: 200, body: { id: activityRoute[2] } };
    }
    if (method === 'DELETE' && activityRoute?.[2]) {
      this.emit({ kind: 'deleted', conversationId: decodeURIComponent(activityRoute[1]), activityId: decodeURIComponent(activityRoute[2]) });
      return { status: 200, body: {} };
    }
    const rosterRoute = /^\/v3\/conversations\/([^/]+)\/(pagedmembers|members)(?:\/([^/]+))?$/i.exec(path);
    const roster = rosterRoute ? this.rosters.get(decodeURIComponent(rosterRoute[1])) : undefined;
    if (method === 'GET' && rosterRoute && roster) {
      return this.rosterResponse(decodeURIComponent(rosterRoute[1]), rosterRoute[2], rosterRoute[3], url.searchParams, roster);
    }
    if (method === 'POST' && path === '/v3/conversations') {
      this.counter += 1;
      const parameters = (body ?? {}) as Record<string, unknown>;
      this.createdConversations.push(parameters);
      return { status: 201, body: { id: this.nameConversation(parameters, this.counter), serviceUrl } };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: path } } };
  }

  private emit(event: ConnectorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private rosterResponse(
    conversationId: string,
    route: string,
    userId: string | undefined,
    query: URLSearchParams,
    roster: { members: RosterMember[]; pageSize?: number },
  ): ConnectorResponse {
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
