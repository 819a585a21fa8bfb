import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { openDesk, type Desk } from '../../../services/desk';
import { dispatch } from '../../../services/dispatch';
import { bridgeScript } from './bridge';

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

const MAX_BODY = 16 * 1024 * 1024;

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
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
    if (request.method === 'POST' && url.pathname.startsWith('/__desk/call/')) {
      let input: unknown;
      try {
        input = JSON.parse((await readBody(request)) || '{}');
      } catch {
        send(400, 'application/json', JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request was not JSON.' } }));
        return;
      }
      const envelope = await dispatch(desk.services, url.pathname.slice('/__desk/call/'.length), input);
      send(200, 'application/json', JSON.stringify(envelope));
      return;
    }
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

  let server: http.Server | undefined;
  let port = 0;
  const sockets = new Set<Socket>();
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer((req, res) => void handler(req, res));
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
      desk.close();
    },
  };
}
