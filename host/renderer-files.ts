import path from 'node:path';

/**
 * Which files of the built renderer a host serves, and as what. Both hosts use these
 * rules: Electron's app:// protocol (electron/app-protocol.ts) and the browser server
 * (server/files.ts), so a traversal refused by one is refused by the other.
 */

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

export function contentTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A URL parser quietly folds "/../" away; the app never asks for such a path, so any
 * dot-dot in the raw request (plain or percent-encoded) is refused outright, before parsing.
 */
const DOT_DOT = /(?:\.|%2e){2}/i;

export function hasDotDot(rawRequest: string): boolean {
  return DOT_DOT.test(rawRequest);
}

/**
 * The file inside `root` that a URL's (still percent-encoded) path names, or null when
 * the path cannot be decoded, holds a NUL byte, a backslash or a ".." segment, or
 * resolves outside the folder. "/" is index.html.
 */
export function rendererFileFor(root: string, encodedPathname: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPathname);
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
