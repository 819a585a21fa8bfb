import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';
import { tryParseUrl } from './parse-url';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Maps app://desk/<path> to a file inside `root`, or null when the request points
 * anywhere else: another host, a traversal ("..", encoded or not), a backslash, a NUL
 * byte, or a path that resolves outside the folder.
 */
const DOT_DOT = /(?:\.|%2e){2}/i;

export function resolveAppFile(root: string, requestUrl: string): string | null {
  // The URL parser would quietly fold "/../" away; the app never asks for such a path,
  // so any dot-dot in the raw request (plain or percent-encoded) is refused outright.
  if (DOT_DOT.test(requestUrl)) return null;
  const url = tryParseUrl(requestUrl);
  if (!url) return null;
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const rootResolved = path.resolve(root);
  const file = path.resolve(rootResolved, relative);
  if (file !== rootResolved && !file.startsWith(rootResolved + path.sep)) return null;
  return file;
}

export type ReadFile = (file: string) => Promise<Buffer>;

/** The handler given to protocol.handle('app', …): files of the built renderer, nothing else. */
export function createAppProtocolHandler(root: string, readFile: ReadFile = (f) => fs.readFile(f)) {
  return async (request: Request): Promise<Response> => {
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
