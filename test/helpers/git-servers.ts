import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const GIT_DAEMON = '/usr/lib/git-core/git-daemon';
export const GIT_HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function untilListening(port: number, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`git daemon stopped at once (exit ${child.exitCode})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('git daemon did not start listening');
}

export interface GitServer {
  url(repository: string): string;
  stop(): Promise<void>;
}

/**
 * `git daemon --export-all` on 127.0.0.1: every repository under `basePath` readable by anyone
 * who asks, as a public host would serve it.
 */
export async function startGitDaemon(basePath: string): Promise<GitServer> {
  const port = await freePort();
  const child = spawn(GIT_DAEMON, ['--export-all', '--reuseaddr', `--base-path=${basePath}`, '--listen=127.0.0.1', `--port=${port}`, basePath], { stdio: 'ignore' });
  await untilListening(port, child);
  return {
    url: (repository) => `git://127.0.0.1:${port}/${repository}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Git's smart HTTP (`git http-backend` as a CGI) behind a tiny server on 127.0.0.1. With
 * `account`, every request needs it (Basic auth), as a private repository on a Git host does;
 * without, anyone may read and push.
 */
export async function startGitHttp(projectRoot: string, account: { user: string; password: string } | null): Promise<GitServer> {
  const expected = account ? `Basic ${Buffer.from(`${account.user}:${account.password}`).toString('base64')}` : null;
  const server = http.createServer((request, response) => {
    if (expected !== null && request.headers.authorization !== expected) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="team"' });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const cgi = spawn(GIT_HTTP_BACKEND, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        REQUEST_METHOD: request.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        REMOTE_ADDR: '127.0.0.1',
        ...(account ? { REMOTE_USER: account.user } : {}),
        ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
      },
    });
    request.pipe(cgi.stdin);
    const out: Buffer[] = [];
    cgi.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    cgi.on('close', () => {
      const all = Buffer.concat(out);
      const end = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, end).toString('latin1');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.end(all.subarray(end + 4));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: (repository) => `http://127.0.0.1:${port}/${repository}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Lets pushes over http reach a repository (git http-backend refuses them to anonymous users). */
export function allowHttpPush(repository: string): void {
  fs.appendFileSync(path.join(repository, 'config'), '[http]\n\treceivepack = true\n');
}

/**
 * A stand-in `ssh` first on the PATH: it logs its arguments and runs the Git command it was
 * asked to run on "the server" here, so an ssh remote (`ssh://ana@127.0.0.1/<folder>`) works
 * without an ssh server. Returns the log's lines.
 */
export function standInSsh(root: string, setPath: (value: string) => void): () => string[] {
  const bin = path.join(root, 'bin');
  const log = path.join(root, 'ssh.log');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'ssh'), `#!/bin/sh\necho "$*" >> '${log}'\nfor last; do :; done\nexec sh -c "$last"\n`, { mode: 0o755 });
  setPath(`${bin}${path.delimiter}${process.env.PATH ?? ''}`);
  return () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);
}
