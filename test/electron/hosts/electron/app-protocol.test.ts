import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/hosts/content-security-policy';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  installAppProtocol,
  registerAppScheme,
  resolveAppAsset,
} from '../../../../electron/hosts/electron/app-protocol';

const ROOT = resolve('/srv/bdc/dist/renderer');
const INDEX = join(ROOT, 'index.html');

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetchable, and nothing more', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
  });

  it('installs one handler, for the app scheme', () => {
    const schemes: string[] = [];
    installAppProtocol({ handle: (scheme) => void schemes.push(scheme) }, ROOT);
    expect(schemes).toEqual(['app']);
  });
});

describe('resolveAppAsset', () => {
  it.each([
    ['app://bdc/index.html', INDEX],
    ['app://bdc/', INDEX],
    ['app://bdc', INDEX],
    ['app://bdc/assets/index-Bq3x9.js', join(ROOT, 'assets', 'index-Bq3x9.js')],
    ['app://bdc/assets/index-Bq3x9.js?v=1#x', join(ROOT, 'assets', 'index-Bq3x9.js')],
    ['app://bdc/assets/%E5%AE%8B%E4%BD%93.woff2', join(ROOT, 'assets', '宋体.woff2')],
  ])('serves %s from the renderer folder', (url, expected) => {
    expect(resolveAppAsset(url, ROOT)).toBe(expected);
  });

  it.each(['app://bdc/cases/2024-0001', 'app://bdc/settings/users/', 'app://bdc/login'])(
    'answers the UI route %s with index.html',
    (url) => {
      expect(resolveAppAsset(url, ROOT)).toBe(INDEX);
    },
  );

  it.each([
    // another origin
    'app://evil/index.html',
    'app://bdc.evil/index.html',
    'app://user@bdc/index.html',
    'app://bdc:8080/index.html',
    'https://bdc/index.html',
    'file:///etc/passwd',
    'not a url',
    // dot segments, raw and encoded
    'app://bdc/../secret.txt',
    'app://bdc/assets/../../secret.txt',
    'app://bdc/assets/./index.js',
    'app://bdc/%2e%2e/secret.txt',
    'app://bdc/%2E%2E/secret.txt',
    'app://bdc/.%2e/secret.txt',
    'app://bdc/assets/%2e%2e/%2e%2e/secret.txt',
    // encoded separators and backslashes
    'app://bdc/..%2fsecret.txt',
    'app://bdc/assets%2f..%2f..%2fsecret.txt',
    'app://bdc/..%5csecret.txt',
    'app://bdc/..\\secret.txt',
    'app://bdc/assets\\..\\..\\secret.txt',
    // absolute paths, drive letters, NUL, hidden files, malformed encoding
    'app://bdc//etc/passwd',
    'app://bdc/C:/Windows/win.ini',
    'app://bdc/C:%5CWindows%5Cwin.ini',
    'app://bdc/assets/index.js%00.html',
    'app://bdc/.env',
    'app://bdc/.vite/manifest.json',
    'app://bdc/assets/%E0%A4%A.js',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(url, ROOT)).toBeNull();
  });

  it('never resolves outside the renderer folder, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '%5c', '\\', '', 'assets', 'index.html', 'a.js', '%00', 'C:', '~'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const file = resolveAppAsset(`app://bdc/${segments.join('/')}`, ROOT);
        if (file === null) return true;
        const rel = relative(ROOT, file);
        return !rel.startsWith('..') && !isAbsolute(rel);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('app protocol handler', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'bdc-app-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>工作站</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(join(base, 'secret.txt'), 'not for the page');
    handler = createAppProtocolHandler(root);
  });

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('serves index.html as UTF-8 HTML with the CSP header', async () => {
    const response = await handler(new Request('app://bdc/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('工作站');
  });

  it('serves scripts and styles with the types module scripts need', async () => {
    const js = await handler(new Request('app://bdc/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await handler(new Request('app://bdc/assets/index-abc.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers a UI route with index.html', async () => {
    const response = await handler(new Request('app://bdc/cases/1'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>工作站</title>');
  });

  it('answers 404, still with the CSP, for a missing asset', async () => {
    const response = await handler(new Request('app://bdc/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('does not serve a file beside the renderer folder', async () => {
    for (const url of ['app://bdc/..%2fsecret.txt', 'app://bdc/%2e%2e/secret.txt', 'app://bdc/..\\secret.txt']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('not for the page');
    }
  });

  it('answers a folder with a dotted name with 404 instead of failing', async () => {
    mkdirSync(join(root, 'fonts.d'), { recursive: true });
    expect((await handler(new Request('app://bdc/fonts.d'))).status).toBe(404);
  });

  it('answers 500 without details when the disk read fails', async () => {
    const failing = createAppProtocolHandler(root, async () => {
      throw Object.assign(new Error('I/O error reading /home/clerk/secret'), { code: 'EIO' });
    });
    const response = await failing(new Request('app://bdc/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/home/clerk');
  });

  it('refuses methods other than GET and HEAD, and HEAD has no body', async () => {
    expect((await handler(new Request('app://bdc/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request('app://bdc/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
