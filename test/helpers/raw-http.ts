import net from 'node:net';
import { WebSocket } from 'ws';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One HTTP/1.1 request written byte for byte (any Host, any path, no normalizing): what a
 * hostile page or process could send, not what a polite client would.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, connection: 'close', ...options.headers };
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  const head = [`${options.method ?? 'GET'} ${options.path ?? '/'} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${head}\r\n\r\n${options.body ?? ''}`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return resolve({ status: 0, headers: {}, body: '' });
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: text.slice(end + 4) });
    });
  });
}

/** Opens a WebSocket with the given handshake headers; resolves with the socket, or the status it was refused with. */
export function openSocket(url: string, headers: Record<string, string>): Promise<{ ws: WebSocket } | { refused: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_request, response) => {
      resolve({ refused: response.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', () => resolve({ refused: 0 }));
  });
}

/** Sends one text message and resolves with the next message, or with the close code if the socket closes first. */
export function exchange(ws: WebSocket, message: string | Buffer): Promise<{ message: string } | { closed: number }> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      ws.off('close', onClose);
      resolve({ message: data.toString('utf8') });
    };
    const onClose = (code: number) => {
      ws.off('message', onMessage);
      resolve({ closed: code });
    };
    ws.once('message', onMessage);
    ws.once('close', onClose);
    ws.send(message);
  });
}
