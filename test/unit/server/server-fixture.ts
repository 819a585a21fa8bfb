import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Services } from '../../../services/contract';
import { startDeskServer, type DeskServer, type DeskServerOptions } from '../../../server/desk-server';
import { rawRequest } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

export const APP_HTML = '<!doctype html><html><head><title>app</title></head><body>THE APP</body></html>';
export const SECRET_TEXT = 'the reviewer’s private notes';

const running: DeskServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/**
 * A server over a small built renderer (index.html, one asset) with a file beside the folder
 * that no request may reach, and services that only record which operations ran.
 */
export async function startTestServer(options: Partial<DeskServerOptions> = {}) {
  const root = tempDir('adoption-desk-server-');
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), APP_HTML);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET_TEXT);
  const called: { name: string; input: unknown }[] = [];
  const services = new Proxy({} as Services, {
    get: (_target, name) => (input: unknown) => {
      called.push({ name: String(name), input });
      return { ran: String(name) };
    },
  });
  const server = await startDeskServer({ services, rendererDir, host: '127.0.0.1', port: 0, ...options });
  running.push(server);
  const host = `127.0.0.1:${server.port}`;
  const origin = `http://${host}`;
  /** Trades the secret the way the sign-in page does; returns the Cookie header to send. */
  const signIn = async () => {
    const response = await rawRequest(server.port, { method: 'POST', path: '/__desk/session', headers: { origin }, body: server.secret });
    if (response.status !== 204) throw new Error(`sign-in refused: ${response.status}`);
    return response.headers['set-cookie']!.split(';')[0]!;
  };
  return { server, called, rendererDir, host, origin, signIn, socketUrl: `ws://${host}/__desk/socket` };
}
