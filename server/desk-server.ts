import fs from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { contentTypeOf, hasDotDot, rendererFileFor } from '../host/renderer-files';
import type { Services } from '../services/contract';
import { createAccess, type Access } from './access';
import { BRIDGE_PATH, SOCKET_PATH, bridgeScript } from './bridge';
import { MAX_CALL_BYTES, answerCall } from './calls';
import { allowedHosts, fetchSiteAllowed, hostIsAllowed, originIsOwn } from './gate';
import { SECURITY_HEADERS } from './headers';
import { ICON_PATH, SESSION_PATH, UNLOCK_PAGE, UNLOCK_SCRIPT, UNLOCK_SCRIPT_PATH, UNLOCK_STYLE, UNLOCK_STYLE_PATH } from './unlock';

/** What the tests add to the shipped server; the product passes none. */
export interface ServerHooks {
  /** Files a signed-in page may load besides the app's own, by path (the tests' axe-core). */
  files?: Readonly<Record<string, { type: string; body: () => Buffer | string }>>;
  /** While it says false the server drops every connection, request and call, as if it had died (the tests' "stop answering"). */
  answering?: () => boolean;
}

export interface DeskServerOptions {
  services: Services;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The address to listen on: loopback unless the reviewer chose to share (server/serve.ts decides). */
  host: string;
  /** 0: any free port. */
  port: number;
  /** Names besides 127.0.0.1 and localhost that the Host header may carry (the shared address). */
  sharedOn?: readonly string[];
  hooks?: ServerHooks;
  random?: (size: number) => Buffer;
  /** The largest call read (MAX_CALL_BYTES); the tests make it small. */
  maxCallBytes?: number;
}

export interface DeskServer {
  readonly port: number;
  /** http://127.0.0.1:PORT: where the server answers, without the secret. */
  readonly origin: string;
  /** The address to open: the origin with the launch secret in its fragment. */
  readonly url: string;
  /** The launch secret (spent once a browser trades it): for the addresses of a shared server. */
  readonly secret: string;
  /** Stops listening and drops every connection and socket. */
  close(): Promise<void>;
}

const APP_PAGES = new Set(['/', '/index.html']);
/** The secret is 43 characters; anything much longer is not an attempt at it. */
const MAX_SESSION_BODY = 1024;

/**
 * The browser front door: the built renderer and window.desk's socket on one origin, behind
 * the checks of server/gate.ts (Host, Origin, Sec-Fetch-Site) and server/access.ts (the
 * session cookie). A refusal is a 403 with no body; every response carries SECURITY_HEADERS.
 */
export async function startDeskServer(options: DeskServerOptions): Promise<DeskServer> {
  const answering = options.hooks?.answering ?? (() => true);
  const extraFiles = options.hooks?.files ?? {};
  const maxCallBytes = options.maxCallBytes ?? MAX_CALL_BYTES;
  const bridge = bridgeScript(maxCallBytes);
  // Set once the port is known, before the first connection is read.
  const known: { allowed: ReadonlySet<string>; access?: Access } = { allowed: new Set() };

  const send = (request: http.IncomingMessage, response: http.ServerResponse, status: number, body?: string | Buffer, headers: Record<string, string> = {}) => {
    const length = body === undefined ? 0 : Buffer.byteLength(body);
    response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-length': String(length) });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const deny = (request: http.IncomingMessage, response: http.ServerResponse) => send(request, response, 403);

  const readBody = (request: http.IncomingMessage, limit: number) =>
    new Promise<string | null>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          resolve(null);
          request.destroy();
        } else chunks.push(chunk);
      });
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', () => resolve(null));
    });

  const appPage = async () =>
    (await fs.readFile(path.join(options.rendererDir, 'index.html'), 'utf8')).replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);

  const sendRendererFile = async (request: http.IncomingMessage, response: http.ServerResponse, encodedPath: string) => {
    const file = rendererFileFor(options.rendererDir, encodedPath);
    if (!file) return send(request, response, 404);
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return send(request, response, 404);
    }
    return send(request, response, 200, body, { 'content-type': contentTypeOf(file) });
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (!answering()) return void request.socket.destroy();
    const { allowed, access } = known;
    const host = request.headers.host;
    const raw = request.url ?? '';
    // Only "/path?query": an absolute URL or "//host/…" names some other server.
    if (!access || !hostIsAllowed(host, allowed) || !fetchSiteAllowed(request.headers['sec-fetch-site'])) return deny(request, response);
    if (!raw.startsWith('/') || raw.startsWith('//')) return deny(request, response);
    const encodedPath = raw.split('?', 1)[0]!;
    const method = request.method ?? '';
    const read = method === 'GET' || method === 'HEAD';

    // The sign-in page and its files are the same for everyone and hold no data.
    if (encodedPath === UNLOCK_SCRIPT_PATH && read) return send(request, response, 200, UNLOCK_SCRIPT, { 'content-type': contentTypeOf(UNLOCK_SCRIPT_PATH) });
    if (encodedPath === UNLOCK_STYLE_PATH && read) return send(request, response, 200, UNLOCK_STYLE, { 'content-type': contentTypeOf(UNLOCK_STYLE_PATH) });
    if (encodedPath === ICON_PATH && read) return sendRendererFile(request, response, encodedPath);
    if (encodedPath === SESSION_PATH) {
      if (method !== 'POST' || !originIsOwn(request.headers.origin, host, allowed)) return deny(request, response);
      const body = await readBody(request, MAX_SESSION_BODY);
      const cookie = body === null ? null : access.exchange(body.trim());
      if (!cookie) return deny(request, response);
      return send(request, response, 204, undefined, { 'set-cookie': cookie });
    }
    if (!read) return deny(request, response);
    if (!access.admits(request.headers.cookie)) {
      return APP_PAGES.has(encodedPath) ? send(request, response, 200, UNLOCK_PAGE, { 'content-type': contentTypeOf('index.html') }) : deny(request, response);
    }

    if (encodedPath === BRIDGE_PATH) return send(request, response, 200, bridge, { 'content-type': contentTypeOf(BRIDGE_PATH) });
    const extra = extraFiles[encodedPath];
    if (extra) return send(request, response, 200, extra.body(), { 'content-type': extra.type });
    if (APP_PAGES.has(encodedPath)) return send(request, response, 200, await appPage(), { 'content-type': contentTypeOf('index.html') });
    if (hasDotDot(raw)) return send(request, response, 404);
    return sendRendererFile(request, response, encodedPath);
  };

  const calls = new WebSocketServer({ noServer: true, maxPayload: maxCallBytes });
  const refuseUpgrade = (socket: Socket) => {
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    socket.destroy();
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(request, response, 500);
      else response.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    if (!answering()) socket.destroy();
  });
  server.on('upgrade', (request: http.IncomingMessage, socket: Socket, head: Buffer) => {
    if (!answering()) return void socket.destroy();
    const { allowed, access } = known;
    const host = request.headers.host;
    const admitted =
      access !== undefined &&
      request.url === SOCKET_PATH &&
      hostIsAllowed(host, allowed) &&
      fetchSiteAllowed(request.headers['sec-fetch-site']) &&
      originIsOwn(request.headers.origin, host, allowed) &&
      access.admits(request.headers.cookie);
    if (!admitted) return refuseUpgrade(socket);
    calls.handleUpgrade(request, socket, head, (ws) => {
      // A frame over the limit closes this socket (1009) and reports here; the server goes on.
      ws.on('error', () => ws.terminate());
      ws.on('message', (data: Buffer) => {
        if (!answering()) return void ws.terminate();
        void answerCall(options.services, data.toString('utf8')).then((reply) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(reply);
        });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // On all addresses (shared), this computer still reaches it at 127.0.0.1.
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const ownName = wildcard || options.host.startsWith('127.') ? '127.0.0.1' : options.host;
  known.allowed = allowedHosts(port, [...(wildcard ? [] : [options.host]), ...(options.sharedOn ?? [])]);
  const access = createAccess(port, options.random);
  known.access = access;
  const origin = `http://${net.isIPv6(ownName) ? `[${ownName}]` : ownName}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    port,
    origin,
    url: `${origin}/#key=${access.secret}`,
    secret: access.secret,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const ws of calls.clients) ws.terminate();
        calls.close();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
