import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { tabFiles } from '../../functions/tabFiles';
import { createTabStaticFiles, TAB_CONTENT_SECURITY_POLICY } from '../../bot/teams/tab/tabStaticFiles';

describe('the tab\'s static files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vm-tab-ui-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  /** A script of some size, as a bundle is: repeated code compresses well. */
  const SCRIPT = Array.from({ length: 2_000 }, (_, index) => `function f${index}(a){return a+${index};}`).join('\n');
  writeFileSync(join(dir, 'tab.js'), SCRIPT);
  const files = createTabStaticFiles(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [undefined, 'text/html; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
  ])('when the page (%s) is asked, then it is served with its type, no-store and the strict policy', (file, type) => {
    const answer = files(file);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': TAB_CONTENT_SECURITY_POLICY });
  });

  it('when the script is asked, then it is revalidated by its ETag: 200 with the tag, 304 when the browser has it', () => {
    const first = files('tab.js');
    expect(first.status).toBe(200);
    expect(first.headers).toMatchObject({ 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-cache', etag: expect.stringMatching(/^"[\w-]{32}"$/) });
    const again = files('tab.js', first.headers.etag);
    expect(again).toMatchObject({ status: 304, body: '' });
    expect(files('tab.js', '"other"').status).toBe(200);
  });

  it.each([
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
    ['br;q=0.5, gzip;q=1', 'gzip', gunzipSync],
  ])('when a browser that accepts "%s" asks for the script, then it is sent as %s, much smaller, and unpacks to the script', (accept, encoding, unpack) => {
    const answer = files('tab.js', undefined, accept);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'content-encoding': encoding, vary: 'Accept-Encoding', 'cache-control': 'no-cache' });
    const body = answer.body as Buffer;
    expect(body.length).toBeLessThan(SCRIPT.length / 4);
    expect(unpack(body).toString('utf8')).toBe(SCRIPT);
  });

  it('when a browser sends no Accept-Encoding, then the script comes as it is; each encoding has its own ETag, and a browser\'s tag gets 304 for its own only', () => {
    const plain = files('tab.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as Buffer).toString('utf8')).toBe(SCRIPT);
    const brotli = files('tab.js', undefined, 'br');
    expect(brotli.headers.etag).not.toBe(plain.headers.etag);
    expect(files('tab.js', brotli.headers.etag, 'br')).toMatchObject({ status: 304, body: '' });
    expect(files('tab.js', brotli.headers.etag, 'gzip').status).toBe(200);
  });

  it('when a browser accepts no encoding the server has, then it is told so (406), not sent bytes it cannot read', () => {
    expect(files('tab.js', undefined, 'identity;q=0, *;q=0').status).toBe(406);
    expect(files('tab.js', undefined, 'zstd, identity;q=0').status).toBe(406);
  });

  it('when the policy is read, then only Microsoft\'s Teams, Microsoft 365 and Outlook hosts may frame the tab, and nothing inline may run', () => {
    const directives = Object.fromEntries(TAB_CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives['frame-ancestors']).toEqual(["'self'", 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://*.microsoft365.com', 'https://*.office.com', 'https://outlook.office.com', 'https://outlook.office365.com']);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(TAB_CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it.each([['../package.json'], ['..%2Fpackage.json'], ['tab.css'], ['other.js'], ['index.html/..']])('when "%s" is asked, then it answers 404 (missing files 503) without reading outside the build', (file) => {
    const answer = files(file);
    expect([404, 503]).toContain(answer.status);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('when the function answers an unknown file, then it is a 404 with the policy, through the real request objects', async () => {
    const response = await tabFiles(new HttpRequest({ method: 'GET', url: 'http://localhost/api/tab/ui/secret.txt', params: { file: 'secret.txt' } }), new InvocationContext({ functionName: 'tabFiles' }));
    expect(response.status).toBe(404);
    expect((response.headers as Record<string, string>)['content-security-policy']).toBe(TAB_CONTENT_SECURITY_POLICY);
  });
});
