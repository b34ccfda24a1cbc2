/**
 * A tiny stand-in for Microsoft Graph on 127.0.0.1: serves `/v1.0/users/{id}`,
 * `/v1.0/users/{id}/manager` and `/v1.0/teams/{groupId}/members` (in pages linked by
 * `@odata.nextLink`) from in-memory tables, records every request, and can be told to fail a path
 * a number of times first (to exercise retries).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user as Graph would return it. */
export interface FakeGraphUser {
  id: string;
  displayName: string;
  department?: string;
  preferredLanguage?: string;
  /** The manager's id; absent makes `/manager` answer 404, as Graph does at the top. */
  managerId?: string;
}

/** A team as `/teams/{groupId}/members` shows it. */
export interface FakeGraphTeam {
  groupId: string;
  /** Conversation members; `userId` absent for members that are not Entra users. */
  members: { userId?: string; displayName: string; roles: string[] }[];
  /** Members per page. Default: all on one page. */
  pageSize?: number;
  /** Replaces the next link of every page but the last, e.g. to point it elsewhere. */
  nextLink?: string;
}

/** A request the server saw. */
export interface RecordedRequest {
  method: string;
  /** Path and query, decoded. */
  url: string;
  authorization: string | undefined;
}

/** A failure to answer instead of the real response, once per entry. */
export interface ScriptedFailure {
  /** Matches the decoded path and query. */
  url: RegExp;
  status: number;
  headers?: Record<string, string>;
}

export interface FakeGraphServer {
  baseUrl: string;
  requests: RecordedRequest[];
  failures: ScriptedFailure[];
  close(): Promise<void>;
}

/** Starts the server on a random free loopback port. */
export async function startFakeGraphServer(users: readonly FakeGraphUser[], teams: readonly FakeGraphTeam[] = []): Promise<FakeGraphServer> {
  const byId = new Map(users.map((user) => [user.id, user]));
  const teamsByGroupId = new Map(teams.map((team) => [team.groupId, team]));
  let port = 0;
  const requests: RecordedRequest[] = [];
  const failures: ScriptedFailure[] = [];

  const server = createServer((req, res) => {
    const url = decodeURIComponent(req.url ?? '');
    requests.push({ method: req.method ?? '', url, authorization: req.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };

    const failure = failures.findIndex((candidate) => candidate.url.test(url));
    if (failure >= 0) {
      const [{ status, headers }] = failures.splice(failure, 1);
      send(status, { error: { code: 'scripted', message: 'scripted failure' } }, headers);
      return;
    }
    const teamMembers = /^\/v1\.0\/teams\/([^/?]+)\/members(?:\?\$skiptoken=(\d+))?$/.exec(url);
    if (req.method === 'GET' && teamMembers) {
      const team = teamsByGroupId.get(teamMembers[1]);
      if (!team) {
        send(404, { error: { code: 'NotFound', message: 'No team found with Group Id' } });
        return;
      }
      const pageSize = team.pageSize ?? team.members.length;
      const start = Number(teamMembers[2] ?? 0);
      const next = start + pageSize;
      const value = team.members.slice(start, next).map((member, index) => ({
        '@odata.type': member.userId === undefined ? '#microsoft.graph.skypeForBusinessUserConversationMember' : '#microsoft.graph.aadUserConversationMember',
        id: `member-${start + index}`,
        roles: member.roles,
        displayName: member.displayName,
        ...(member.userId === undefined ? {} : { userId: member.userId }),
      }));
      const nextLink = team.nextLink ?? `http://127.0.0.1:${port}/v1.0/teams/${encodeURIComponent(team.groupId)}/members?$skiptoken=${next}`;
      send(200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${team.groupId}')/members`,
        ...(next < team.members.length ? { '@odata.nextLink': nextLink } : {}),
        value,
      });
      return;
    }
    const match = /^\/v1\.0\/users\/([^/?]+)(\/manager)?\?\$select=([a-zA-Z,]+)$/.exec(url);
    const user = match ? byId.get(match[1]) : undefined;
    if (req.method !== 'GET' || !match || !user) {
      send(404, { error: { code: 'Request_ResourceNotFound', message: 'not found' } });
      return;
    }
    const target = match[2] ? (user.managerId === undefined ? undefined : byId.get(user.managerId)) : user;
    if (!target) {
      send(404, { error: { code: 'Request_ResourceNotFound', message: 'not found' } });
      return;
    }
    // Graph returns only the selected fields.
    const selected = Object.fromEntries(match[3].split(',').map((field) => [field, (target as unknown as Record<string, unknown>)[field] ?? null]));
    send(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity', ...selected });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  ({ port } = server.address() as AddressInfo);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failures,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps connections alive; without this, close would wait for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
