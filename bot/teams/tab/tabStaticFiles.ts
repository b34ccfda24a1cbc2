import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where Teams may frame the tab (learn.microsoft.com, "Tab requirements": Teams, Microsoft 365
 * and Outlook hosts, and the `*.cloud.microsoft` domain they move to), and nothing else.
 */
export const TAB_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
] as const;

/**
 * The hash of the empty string: Fluent UI (Griffel) adds empty `<style>` elements and fills them
 * through the CSS object model (`insertRule`), which CSP does not restrict. Allowing this one hash
 * admits those empty elements and no inline style with any content.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** Where TeamsJS reads the list of Microsoft hosts it may talk to (`validDomains.json`). */
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

/**
 * The tab's Content-Security-Policy: its own script, styles and API only (no inline script, no
 * inline style with content, no other origin but TeamsJS's list of hosts, no plugins, no forms
 * posting elsewhere), framed only by Microsoft's hosts.
 */
export const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${EMPTY_STYLE_HASH}`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self' ${TEAMS_JS_CDN}`,
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** The files the tab build writes (tab/buildTab.ts), with their types: nothing else is served. */
const FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'tab.js': 'application/javascript; charset=utf-8',
  'tab.css': 'text/css; charset=utf-8',
};

export interface StaticAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const SECURITY_HEADERS = {
  'content-security-policy': TAB_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Serves the built tab from `dir`: `index.html` for the bare path, the bundle's files by name,
 * 404 for anything else (no path ever reaches the file system: names are looked up in a fixed
 * list). Files are read once; a missing build answers 503 until it is there. The page is never
 * stored; the script and stylesheet (no data in them, about 2 MB) are revalidated by their ETag,
 * so Teams does not download them again on every opening: `If-None-Match` → 304.
 */
export function createTabStaticFiles(dir: string): (file: string | undefined, ifNoneMatch?: string) => StaticAnswer {
  const cache = new Map<string, { body: Buffer; etag: string }>();
  return (file, ifNoneMatch) => {
    const name = file === undefined || file === '' ? 'index.html' : file;
    const type = Object.prototype.hasOwnProperty.call(FILES, name) ? FILES[name] : undefined;
    if (!type) return { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: 'not_found' }) };
    let cached = cache.get(name);
    if (!cached) {
      try {
        const body = readFileSync(join(dir, name));
        cached = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
      } catch {
        return { status: 503, headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: 'tab_not_built' }) };
      }
      cache.set(name, cached);
    }
    if (name === 'index.html') return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': type }, body: cached.body };
    const headers = { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-cache', etag: cached.etag };
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === cached.etag)) return { status: 304, headers, body: '' };
    return { status: 200, headers, body: cached.body };
  };
}
