import { describe, expect, it, vi } from 'vitest';
import { isSafeExternalUrl, safeOpenExternal } from '../../../electron/external-links';
import { denyAllPermissions, hardenWebContents, type GuardedContents, type GuardedSession } from '../../../electron/security';
import { FakeWebContents, fire } from '../../helpers/fake-electron';

const HOSTILE = [
  'https://example.org/phish',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<h1>x</h1>',
  'app://evil/index.html',
  'app://desk.evil.example/index.html',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
];

function harden() {
  const contents = new FakeWebContents();
  const shell = { openExternal: vi.fn(async () => {}) };
  hardenWebContents(contents as unknown as GuardedContents, shell);
  return { contents, shell };
}

describe('web contents guards', () => {
  it.each(HOSTILE)('refuses navigation, redirect and frame navigation to %s', (url) => {
    const { contents } = harden();
    expect(fire(contents, 'will-navigate', url).prevented).toBe(true);
    expect(fire(contents, 'will-redirect', url).prevented).toBe(true);
    const frameEvent = { url, prevented: false, preventDefault() { this.prevented = true; } };
    contents.emit('will-frame-navigate', frameEvent);
    expect(frameEvent.prevented).toBe(true);
  });

  it('lets the app move between its own pages', () => {
    const { contents } = harden();
    expect(fire(contents, 'will-navigate', 'app://desk/index.html#/projects').prevented).toBe(false);
    expect(fire(contents, 'will-redirect', 'app://desk/index.html').prevented).toBe(false);
  });

  it('refuses every webview, even one pointing at the app', () => {
    const { contents } = harden();
    expect(fire(contents, 'will-attach-webview', {}, { src: 'app://desk/index.html' }).prevented).toBe(true);
    expect(fire(contents, 'will-attach-webview', {}, { src: 'https://example.org' }).prevented).toBe(true);
  });

  it('never opens a new window; http(s) links go to the browser, others nowhere', async () => {
    const { contents, shell } = harden();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://desk/index.html' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/docs');
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    };
    denyAllPermissions(session as unknown as GuardedSession);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check?.({}, permission, 'app://desk')).toBe(false);
    }
  });
});

describe('the one openExternal gateway', () => {
  it.each([
    ['https://github.com/globex/mesh/pull/1', true],
    ['http://example.org', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['https://user:pw@example.org', false],
    ['mailto:someone@example.org', false],
    ['not a url', false],
  ])('%s -> %s', async (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(await safeOpenExternal(url, shell)).toBe(allowed);
    expect(shell.openExternal).toHaveBeenCalledTimes(allowed ? 1 : 0);
  });
});
