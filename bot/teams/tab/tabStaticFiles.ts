import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import Negotiator from 'negotiator';

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

/** The encodings the script and stylesheet are sent in, best first (`identity`: as they are). */
const ENCODINGS = ['br', 'gzip', 'identity'] as const;
type Encoding = (typeof ENCODINGS)[number];

interface CachedFile {
  /** Per encoding: the bytes and their ETag (a browser's tag for one encoding never matches another's). */
  variants: Partial<Record<Encoding, { body: Buffer; etag: string }>>;
  raw: Buffer;
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** The file compressed as asked, once per process (brotli at quality 9: close to the best size, in a fraction of the time). */
function variantOf(file: CachedFile, encoding: Encoding): { body: Buffer; etag: string } {
  const existing = file.variants[encoding];
  if (existing) return existing;
  const body =
    encoding === 'br'
      ? brotliCompressSync(file.raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: file.raw.length } })
      : encoding === 'gzip'
        ? gzipSync(file.raw, { level: 9 })
        : file.raw;
  const variant = { body, etag: etagOf(body) };
  file.variants[encoding] = variant;
  return variant;
}

/** The best encoding the browser accepts (`Accept-Encoding`, with its q-values; none sent: as it is). */
function encodingFor(acceptEncoding: string | undefined): Encoding | undefined {
  const chosen = new Negotiator({ headers: { 'accept-encoding': acceptEncoding ?? 'identity' } }).encoding([...ENCODINGS], { preferred: [...ENCODINGS] });
  return ENCODINGS.find((encoding) => encoding === chosen);
}

/**
 * Serves the built tab from `dir`: `index.html` for the bare path, the bundle's files by name,
 * 404 for anything else (no path ever reaches the file system: names are looked up in a fixed
 * list). Files are read once; a missing build answers 503 until it is there. The page is never
 * stored; the script and stylesheet (no data in them, about 1 MB) are sent compressed when the
 * browser accepts it (brotli or gzip, about a quarter of the size: `Vary: Accept-Encoding`) and
 * revalidated by their ETag, so Teams does not download them again on every opening:
 * `If-None-Match` → 304. A browser that accepts no encoding we have gets 406.
 */
export function createTabStaticFiles(dir: string): (file: string | undefined, ifNoneMatch?: string, acceptEncoding?: string) => StaticAnswer {
  const cache = new Map<string, CachedFile>();
  return (file, ifNoneMatch, acceptEncoding) => {
    const name = file === undefined || file === '' ? 'index.html' : file;
    const type = Object.prototype.hasOwnProperty.call(FILES, name) ? FILES[name] : undefined;
    if (!type) return { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: 'not_found' }) };
    let cached = cache.get(name);
    if (!cached) {
      try {
        cached = { raw: readFileSync(join(dir, name)), variants: {} };
      } catch {
        return { status: 503, headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error: 'tab_not_built' }) };
      }
      cache.set(name, cached);
    }
    if (name === 'index.html') return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': type }, body: cached.raw };
    const encoding = encodingFor(acceptEncoding);
    if (!encoding) return { status: 406, headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', vary: 'Accept-Encoding' }, body: JSON.stringify({ error: 'not_acceptable' }) };
    const { body, etag } = variantOf(cached, encoding);
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-cache', etag, vary: 'Accept-Encoding' };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) return { status: 304, headers, body: '' };
    return { status: 200, headers, body };
  };
}
