import { basename, dirname, join } from 'node:path';
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { createTabStaticFiles } from '../bot/teams/tab/tabStaticFiles';

/** `dist/tab-ui`, written by `npm run build` (tab/buildTab.ts): from dist/functions and, in tests, from functions/. */
const distDir = basename(dirname(__dirname)) === 'dist' ? dirname(__dirname) : join(dirname(__dirname), 'dist');
export const TAB_UI_DIR = join(distDir, 'tab-ui');

const files = createTabStaticFiles(TAB_UI_DIR);

/**
 * GET /api/tab/ui/{file?}: the Teams tab's page and bundle (the manifest's static tabs point
 * here), with a strict Content-Security-Policy that lets only Microsoft's hosts frame it. No data:
 * the page gets everything through the tab API, signed in.
 */
export async function tabFiles(request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  const { status, headers, body } = files(request.params.file, request.headers.get('if-none-match') ?? undefined, request.headers.get('accept-encoding') ?? undefined);
  return { status, headers, body };
}

app.http('tabFiles', { route: 'tab/ui/{file?}', methods: ['GET'], authLevel: 'anonymous', handler: tabFiles });
