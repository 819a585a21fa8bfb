import fs from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { contentTypeOf, hasDotDot, rendererFileFor } from '../host/renderer-files';
import { APP_HOST, APP_SCHEME } from './app-url';
import { tryParseUrl } from './parse-url';

/**
 * Maps app://desk/<path> to a file inside `root`, or null when the request points
 * anywhere else: another host, a traversal ("..", encoded or not), a backslash, a NUL
 * byte, or a path that resolves outside the folder (host/renderer-files.ts: the browser
 * server applies the same rules).
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  if (hasDotDot(requestUrl)) return null;
  const url = tryParseUrl(requestUrl);
  if (!url) return null;
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return rendererFileFor(root, url.pathname);
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
          'content-type': contentTypeOf(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
