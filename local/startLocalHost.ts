/**
 * `npm start`: runs the function app in a local stand-in for the Azure Functions host, because
 * Azure Functions Core Tools cannot be installed here. Settings come from the environment:
 * `PORT` (default 7071) and `HOST` (default 127.0.0.1), plus whatever the functions read.
 */
import { join } from 'node:path';
import { resetApplication } from '../bot/composition';
import { chatPageServiceUrl, localChatPageFor } from './chatPage/localChatPageFor';
import { checkBeforeListening } from './checkBeforeListening';
import { installFunctionsCoreShim } from './installFunctionsCoreShim';
import { loadLocalSettings } from './loadLocalSettings';
import { startLocalHost, type LocalHost } from './localHost';

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 7071;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${value}".`);
  return port;
}

function describeHost(host: LocalHost): string {
  const lines = [`Local Functions host listening on ${host.url}`, '', 'Functions:'];
  for (const fn of host.functions) {
    if (fn.kind === 'http') lines.push(`  ${fn.name}: [${fn.methods?.join(',')}] ${host.url}/api/${fn.route}`);
    else lines.push(`  ${fn.name}: timer "${fn.schedule}"`);
  }
  const messages = host.functions.find((fn) => fn.kind === 'http' && fn.route === 'messages');
  lines.push('', 'Bot Framework client (Microsoft 365 Agents Playground, Bot Framework Emulator):');
  if (messages) {
    lines.push(
      `  endpoint ${host.url}/api/messages`,
      '  leave the app id and password empty: without MicrosoftAppId the bot runs in local mode;',
      '  for Teams itself, expose this port through a tunnel and set the bot messaging endpoint to <tunnel>/api/messages.',
    );
  } else {
    lines.push('  no "messages" function is registered yet (functions/index.ts), so there is no bot endpoint.');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  // Before the function modules load @azure/functions: the library looks for its host only once.
  installFunctionsCoreShim();
  loadLocalSettings(join(process.cwd(), 'local.settings.json'), process.env);
  const port = readPort(process.env.PORT);
  const hostName = process.env.HOST?.trim() || '127.0.0.1';
  // Chats the bot opens itself (a handler's task card) go to the chat page's connector endpoint.
  const pageInLocalMode = !process.env.MicrosoftAppId?.trim();
  if (pageInLocalMode && port !== 0) process.env.BOT_SERVICE_URL ??= chatPageServiceUrl(`http://${hostName.includes(':') ? `[${hostName}]` : hostName}:${port}`);
  // Settings, files and the application are checked before listening: problems are printed, not hidden behind 503s.
  if (!(await checkBeforeListening(process.env, (line) => console.error(line)))) {
    process.exitCode = 1;
    return;
  }
  // Local mode only: the chat page standing in for Teams, and its connector endpoint (local/chatPage).
  const chatPage = localChatPageFor(process.env);
  const host = await startLocalHost({ port, host: hostName, handleOtherRequest: chatPage });
  if (chatPage && !process.env.BOT_SERVICE_URL) {
    // PORT=0: the address is known only now; build the application again with it.
    process.env.BOT_SERVICE_URL = chatPageServiceUrl(host.url);
    await resetApplication({ env: process.env, localHostOptIn: true });
  }
  console.log(describeHost(host));
  if (chatPage) console.log(`\nChat page (stand-in for the Teams client): open ${host.url}/ in a browser.`);

  const shutDown = (signal: string) => {
    console.log(`${signal}: stopping the local host…`);
    host.close().then(
      () => console.log('Local host stopped.'),
      (error: unknown) => {
        console.error(`Local host did not stop cleanly: ${error instanceof Error ? error.name : String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  // `once`: a second Ctrl+C falls through to Node's default and ends a shutdown that hangs.
  process.once('SIGINT', () => shutDown('SIGINT'));
  process.once('SIGTERM', () => shutDown('SIGTERM'));
}

main().catch((error: unknown) => {
  // Start-up errors (settings, schedules, port, a module that fails to load) are for the developer here.
  console.error(`Local host failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
