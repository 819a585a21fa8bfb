import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../../electron/app-protocol';
import { isAppUrl } from '../../../electron/app-url';
import { CONTENT_SECURITY_POLICY } from '../../../host/csp';
import { HOSTILE_PATHS } from '../../helpers/hostile-paths';

const ROOT = path.resolve('/opt/adoption-desk/renderer');

describe('app:// serves the built renderer and nothing else', () => {
  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://desk/assets/a%20b.css', 'assets/a b.css'],
  ])('%s -> %s', (url, relative) => {
    expect(resolveAppFile(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  it.each(HOSTILE_PATHS.map((p) => `app://desk${p}`))('refuses %s (the paths both hosts refuse)', (url) => {
    expect(resolveAppFile(ROOT, url)).toBeNull();
  });

  it.each([
    'app://other/index.html',
    'app://desk@evil/index.html',
    'file:///etc/passwd',
    'https://desk/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(ROOT, url)).toBeNull();
  });

  it('answers 404 for refused paths without reading, and sends the CSP with files', async () => {
    const read = vi.fn(async () => Buffer.from('<html></html>'));
    const handler = createAppProtocolHandler(ROOT, read);
    const refused = await handler(new Request('app://evil/index.html'));
    expect(refused.status).toBe(404);
    expect(read).not.toHaveBeenCalled();

    const ok = await handler(new Request('app://desk/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(read).toHaveBeenCalledWith(path.join(ROOT, 'index.html'));
  });

  it('a missing file is a 404, not a crash', async () => {
    const handler = createAppProtocolHandler(ROOT, async () => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    });
    expect((await handler(new Request('app://desk/nope.js'))).status).toBe(404);
  });
});

describe('what counts as the app', () => {
  it.each([
    ['app://desk/index.html', true],
    ['app://desk/', true],
    ['app://desk:8080/index.html', false],
    ['app://user:pw@desk/index.html', false],
    ['app://evil/index.html', false],
    ['http://desk/index.html', false],
    ['https://example.org/', false],
    ['file:///tmp/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['', false],
  ])('%s -> %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
