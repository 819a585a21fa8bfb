import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { openDesk, type Desk } from '../../../services/desk';
import { dispatch } from '../../../services/dispatch';
import { WebSocket, WebSocketServer } from 'ws';
import { SOCKET_PATH, bridgeScript } from './bridge';

export const RENDERER_DIR = path.resolve(__dirname, '../../../out/renderer');
const AXE_SCRIPT = path.resolve(__dirname, '../../../node_modules/axe-core/axe.min.js');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface Harness {
  url: string;
  port: number;
  desk: Desk;
  /** Stops answering (as if the back end died); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The largest call the harness takes (an imported document travels inside one). */
const MAX_MESSAGE = 16 * 1024 * 1024;

/** One call from the bridge: `{ id, name, input }`; the answer is `{ id, envelope }`. */
async function answer(desk: Desk, data: string): Promise<string> {
  let message: { id?: unknown; name?: unknown; input?: unknown };
  try {
    message = JSON.parse(data) as typeof message;
  } catch {
    return JSON.stringify({ id: null, envelope: { ok: false, error: { code: 'VALIDATION', message: 'The call was not JSON.' } } });
  }
  const envelope = await dispatch(desk.services, message.name, message.input);
  return JSON.stringify({ id: message.id, envelope });
}

/**
 * Serves the BUILT renderer on 127.0.0.1 (a random port) with the app's CSP, and
 * answers window.desk calls with the real services over a database of its own.
 */
export async function startHarness(options: { dbFile: string; rendererDir?: string }): Promise<Harness> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const index = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`${index} is missing: run npm run build first.`);
  const desk = openDesk(options.dbFile);
  const html = fs
    .readFileSync(index, 'utf8')
    .replace('<head>', '<head>\n    <script src="/__desk/bridge.js"></script>');

  const handler = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/__desk/bridge.js') return send(200, MIME['.js']!, bridgeScript());
    // axe-core for the accessibility checks, served same-origin so the shipped CSP stays on.
    if (url.pathname === '/__test/axe.js' && fs.existsSync(AXE_SCRIPT)) return send(200, MIME['.js']!, fs.readFileSync(AXE_SCRIPT));
    if (url.pathname === '/' || url.pathname === '/index.html') return send(200, MIME['.html']!, html);
    const file = path.resolve(rendererDir, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(404, 'text/plain', 'Not found');
    }
    send(200, MIME[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  };

  // The HTTP server (and the sockets on it) come and go with stop()/start(); this only speaks the protocol.
  const calls = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  let server: http.Server | undefined;
  let port = 0;
  const sockets = new Set<Socket>();
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer((req, res) => void handler(req, res));
      server.on('upgrade', (request, socket, head) => {
        if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== SOCKET_PATH) return socket.destroy();
        calls.handleUpgrade(request, socket, head, (ws) => {
          ws.on('message', (data: Buffer) => {
            void answer(desk, data.toString('utf8')).then((reply) => {
              if (ws.readyState === WebSocket.OPEN) ws.send(reply);
            });
          });
        });
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}/`;
    },
    get port() {
      return port;
    },
    desk,
    stop,
    start: listen,
    close: async () => {
      await stop();
      calls.close();
      desk.close();
    },
  };
}
