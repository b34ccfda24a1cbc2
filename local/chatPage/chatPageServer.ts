import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { LOCAL_PAGE_ACCESS } from '../../bot/teams/accessTable';
import { BotConnectorService } from '../botConnector/botConnectorService';
import { PayloadTooLargeError, readRequestBody } from '../readRequestBody';
import { writeJson } from '../writeHttpResponse';
import { ChatLog } from './chatLog';
import type { DemoOrganisation, DemoPerson, DemoTeam } from './demoOrganisation';
import { parsePageAction, type PageAction } from './parsePageAction';
import { teamsActivityFor, botInstalledActivity, botAddedToTeamActivity, type Place } from './teamsActivityFor';

/** Answers a request the host passed on; false when it is not one of the page's routes. */
export type LocalRequestHandler = (request: IncomingMessage, response: ServerResponse, baseUrl: string) => Promise<boolean>;

type DeclaredPageRoute = keyof typeof LOCAL_PAGE_ACCESS;

interface RouteCall {
  request: IncomingMessage;
  response: ServerResponse;
  baseUrl: string;
  url: URL;
  params: Record<string, string>;
}

const MAX_BODY_BYTES = 256 * 1024;

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  'chatPage.js': { file: 'chatPage.js', type: 'text/javascript; charset=utf-8' },
  'chatPage.css': { file: 'chatPage.css', type: 'text/css; charset=utf-8' },
  'hostConfig.js': { file: 'hostConfig.js', type: 'text/javascript; charset=utf-8' },
};

/** The folder of the page's own files: next to this module in the sources, or in the sources when run from dist/. */
function publicDir(): string {
  const beside = join(__dirname, 'public');
  return existsSync(beside) ? beside : join(process.cwd(), 'local', 'chatPage', 'public');
}

/** The official Adaptive Cards renderer's browser bundle, from node_modules (no CDN). */
function adaptiveCardsBundle(): string | undefined {
  try {
    return join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.min.js');
  } catch {
    return undefined;
  }
}

function compile(key: string): { method: string; pattern: RegExp; names: string[] } {
  const [method, path] = key.split(' ');
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  return { method, pattern, names };
}

/**
 * The local chat page: a web page standing in for the Teams client, and the Bot Connector
 * endpoint (`<host>/connector/`) the bot answers to. Every route is declared in
 * `LOCAL_PAGE_ACCESS` (the type below makes each declared route served and each served route
 * declared). The page never calls the application: each click becomes a Teams-shaped activity
 * POSTed to the host's own `/api/messages`, and what the bot sends comes back through the
 * connector endpoint.
 */
export function createChatPage(organisation: DemoOrganisation): LocalRequestHandler {
  const connector = new BotConnectorService((parameters) => personalChatFor(organisation, parameters));
  const log = new ChatLog();
  connector.onEvent((event) => log.apply(event));
  for (const team of organisation.teams) {
    connector.setRoster(
      team.id,
      team.members.flatMap((id) => {
        const person = organisation.person(id);
        return person ? [{ id: person.teamsUserId, name: person.name, aadObjectId: person.aadObjectId }] : [];
      }),
    );
  }
  const installed = new Set<string>();
  let sequence = 0;

  const postToBot = async (baseUrl: string, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> => {
    const answer = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await answer.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: answer.status, body };
  };
  const nextId = () => `page-${(sequence += 1)}`;
  const serviceUrl = (baseUrl: string) => `${baseUrl}/connector/`;

  const readBody = async (request: IncomingMessage): Promise<unknown> => {
    const text = (await readRequestBody(request, MAX_BODY_BYTES)).toString('utf8');
    return text ? JSON.parse(text) : undefined;
  };

  const placeOf = (person: DemoPerson, place: unknown): Place | undefined => {
    if (place === 'personal') return { kind: 'personal' };
    const team = organisation.teams.find((candidate) => candidate.id === place);
    return team && team.members.includes(person.aadObjectId) ? { kind: 'channel', team } : undefined;
  };

  const routes: Record<DeclaredPageRoute, (call: RouteCall) => Promise<void>> = {
    'GET /': async ({ response }) => sendFile(response, join(publicDir(), 'index.html'), 'text/html; charset=utf-8'),
    'GET /chat/{file}': async ({ response, params }) => {
      if (params.file === 'adaptivecards.js') {
        const bundle = adaptiveCardsBundle();
        if (!bundle || !existsSync(bundle)) return writeJson(response, 404, { error: 'not_found', message: 'adaptivecards is not installed: run npm ci.' });
        return sendFile(response, bundle, 'text/javascript; charset=utf-8');
      }
      const file = Object.hasOwn(STATIC_FILES, params.file) ? STATIC_FILES[params.file] : undefined;
      if (!file) return writeJson(response, 404, { error: 'not_found' });
      sendFile(response, join(publicDir(), file.file), file.type);
    },
    'GET /chat/api/organisation': async ({ response }) =>
      writeJson(response, 200, {
        people: organisation.people.map(({ aadObjectId, name, locale, roles, teamsUserId }) => ({ aadObjectId, name, locale, roles, teamsUserId })),
        teams: organisation.teams.map(({ id, name, members, owners }) => ({ id, name, members, owners })),
      }),
    'GET /chat/api/messages': async ({ response, url }) => writeJson(response, 200, { messages: log.messages(url.searchParams.get('conversation') ?? '') }),
    'POST /chat/api/open': async ({ request, response, baseUrl }) => {
      const body = (await readBody(request)) as { person?: unknown; place?: unknown; locale?: unknown } | undefined;
      const person = typeof body?.person === 'string' ? organisation.person(body.person) : undefined;
      const place = person ? placeOf(person, body?.place) : undefined;
      if (!person || !place) return writeJson(response, 400, { error: 'unknown_person_or_place', message: 'Choose a person of the directory, and a team they are a member of.' });
      const locale = body?.locale === 'en' ? 'en-US' : 'nl-NL';
      const conversationId = place.kind === 'personal' ? person.personalConversationId : place.team.id;
      // Teams tells the bot once when a person adds the app, and once when a team adds it (by one of its owners).
      const installKey = place.kind === 'personal' ? person.aadObjectId : place.team.id;
      if (!installed.has(installKey)) {
        installed.add(installKey);
        const activity =
          place.kind === 'personal'
            ? botInstalledActivity(person, { id: nextId(), serviceUrl: serviceUrl(baseUrl), locale })
            : botAddedToTeamActivity(ownerOf(organisation, place.team) ?? person, place.team, { id: nextId(), serviceUrl: serviceUrl(baseUrl), locale });
        const answer = await postToBot(baseUrl, activity);
        if (answer.status >= 300) installed.delete(installKey);
      }
      writeJson(response, 200, { conversationId });
    },
    'POST /chat/api/activity': async ({ request, response, baseUrl }) => {
      const body = (await readBody(request)) as { person?: unknown; place?: unknown; locale?: unknown; action?: unknown } | undefined;
      const person = typeof body?.person === 'string' ? organisation.person(body.person) : undefined;
      const place = person ? placeOf(person, body?.place) : undefined;
      const action: PageAction | string = parsePageAction(body?.action);
      if (!person || !place) return writeJson(response, 400, { error: 'unknown_person_or_place', message: 'Choose a person of the directory, and a team they are a member of.' });
      if (typeof action === 'string') return writeJson(response, 400, { error: 'invalid_action', message: action });
      const locale = body?.locale === 'en' ? 'en-US' : 'nl-NL';
      if (action.kind === 'message') log.addTyped(place.kind === 'personal' ? person.personalConversationId : place.team.id, person.name, action.text);
      const activity = teamsActivityFor(person, place, action, { id: nextId(), serviceUrl: serviceUrl(baseUrl), locale });
      writeJson(response, 200, await postToBot(baseUrl, activity));
    },
    'POST /chat/api/clock': async ({ request, response, baseUrl }) => {
      const body = (await readBody(request)) as { advance?: unknown } | undefined;
      // The host's own local-mode route: the same one a developer can call with curl.
      const answer = await fetch(`${baseUrl}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: body?.advance }) });
      writeJson(response, answer.status, await answer.json().catch(() => ({ error: 'no_answer' })));
    },
    'POST /connector/v3/conversations': (call) => connectorCall(connector, call),
    'POST /connector/v3/conversations/{conversationId}/activities': (call) => connectorCall(connector, call),
    'POST /connector/v3/conversations/{conversationId}/activities/{activityId}': (call) => connectorCall(connector, call),
    'PUT /connector/v3/conversations/{conversationId}/activities/{activityId}': (call) => connectorCall(connector, call),
    'DELETE /connector/v3/conversations/{conversationId}/activities/{activityId}': (call) => connectorCall(connector, call),
    'GET /connector/v3/conversations/{conversationId}/pagedmembers': (call) => connectorCall(connector, call),
    'GET /connector/v3/conversations/{conversationId}/members': (call) => connectorCall(connector, call),
    'GET /connector/v3/conversations/{conversationId}/members/{userId}': (call) => connectorCall(connector, call),
  };
  const compiled = (Object.keys(routes) as DeclaredPageRoute[]).map((key) => ({ key, ...compile(key) }));

  return async (request, response, baseUrl) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // The bot asks for `pagedMembers`; paths are matched as Teams' service does, without regard to case.
    const path = url.pathname.startsWith('/connector/') ? url.pathname.replace(/\/pagedMembers$/i, '/pagedmembers') : url.pathname;
    const route = compiled.find((candidate) => candidate.method === request.method && candidate.pattern.test(path));
    if (!route) return false;
    const match = route.pattern.exec(path)!;
    try {
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
      await routes[route.key]({ request, response, baseUrl, url, params });
    } catch (error) {
      if (response.headersSent) response.destroy();
      else if (error instanceof PayloadTooLargeError) writeJson(response, 413, { error: 'payload_too_large' });
      else if (error instanceof SyntaxError) writeJson(response, 400, { error: 'invalid_json', message: 'The body must be JSON.' });
      else if (error instanceof URIError) writeJson(response, 400, { error: 'invalid_path', message: 'The path is not validly encoded.' });
      else writeJson(response, 502, { error: 'bot_unreachable', message: 'The page could not reach the bot on this host.' });
    }
    return true;
  };
}

async function connectorCall(connector: BotConnectorService, { request, response, baseUrl }: RouteCall): Promise<void> {
  const text = (await readRequestBody(request, MAX_BODY_BYTES)).toString('utf8');
  const url = (request.url ?? '/').replace(/^\/connector/, '');
  const answer = connector.handle({ method: request.method ?? 'GET', url, body: text ? JSON.parse(text) : undefined }, `${baseUrl}/connector/`);
  writeJson(response, answer.status, answer.body, answer.headers);
}

/** Teams answers "open a chat with this person" with the existing 1:1 chat: the page's chat of that person. */
function personalChatFor(organisation: DemoOrganisation, parameters: Record<string, unknown>): string {
  const member = (parameters.members as { id?: unknown }[] | undefined)?.[0];
  const person = typeof member?.id === 'string' ? organisation.personByAnyId(member.id) : undefined;
  return person?.personalConversationId ?? `a:local-unknown-${String(member?.id ?? '')}`;
}

function ownerOf(organisation: DemoOrganisation, team: DemoTeam): DemoPerson | undefined {
  return team.owners.map((id) => organisation.person(id)).find((person) => person !== undefined);
}

function sendFile(response: ServerResponse, path: string, type: string): void {
  const body = readFileSync(path);
  response.writeHead(200, { 'content-type': type, 'content-length': String(body.length), 'cache-control': 'no-store' });
  response.end(body);
}
