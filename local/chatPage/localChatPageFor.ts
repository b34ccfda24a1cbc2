import { join, resolve } from 'node:path';
import { AZURE_HOST_INDICATORS, isLoopback } from '../../bot/config';
import { createChatPage, type LocalRequestHandler } from './chatPageServer';
import { loadDemoOrganisation } from './demoOrganisation';

/**
 * The chat page for `npm start`, or nothing: it is served only in local mode (no
 * MicrosoftAppId), like `POST /api/dev/clock`. With an app id the host is a production stand-in
 * and has no page and no connector endpoint (404); bound to another address than loopback, neither.
 */
export function localChatPageFor(env: NodeJS.ProcessEnv): LocalRequestHandler | undefined {
  if (env.MicrosoftAppId?.trim()) return undefined;
  // Anyone who reaches the page can act as anyone: only on loopback, as local mode itself.
  if (!isLoopback(env.HOST?.trim() || '127.0.0.1')) return undefined;
  // Never on an Azure or Functions host, whatever loaded this module (as local mode itself, bot/config.ts).
  if (AZURE_HOST_INDICATORS.some((name) => (env[name] ?? '').trim() !== '')) return undefined;
  return createChatPage(loadDemoOrganisation(resolve(env.DIRECTORY_FILE?.trim() || join('config', 'directory.demo.json'))));
}

/** The page's connector endpoint on a host, as the bot's BOT_SERVICE_URL for chats it opens itself. */
export function chatPageServiceUrl(hostUrl: string): string {
  return `${hostUrl}/connector/`;
}
