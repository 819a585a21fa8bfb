// An environment in which every Electron or electron-builder download fails at once, the
// same way on every machine: the mirrors point at the discard port on 127.0.0.1 (nothing
// listens there, so the connection is refused) and the download caches are fresh folders.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');

const UNREACHABLE = 'http://127.0.0.1:9/';

// Settings from the caller's shell or .npmrc that could point a download somewhere that works.
const INHERITED_DOWNLOAD_SETTINGS = /^(npm_config_electron|npm_package_config_electron|electron_|csc_)/i;

export function offlineEnv(cacheDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_DOWNLOAD_SETTINGS.test(name)));
  return {
    ...inherited,
    ELECTRON_MIRROR: UNREACHABLE,
    npm_config_electron_mirror: UNREACHABLE,
    ELECTRON_BUILDER_BINARIES_MIRROR: UNREACHABLE,
    npm_config_electron_builder_binaries_mirror: UNREACHABLE,
    electron_config_cache: path.join(cacheDir, 'electron'),
    ELECTRON_CACHE: path.join(cacheDir, 'electron'),
    ELECTRON_BUILDER_CACHE: path.join(cacheDir, 'electron-builder'),
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_GET_NO_PROGRESS: '1',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    ...extra,
  };
}

/** Runs a command to its end; resolves with what it printed and how long it took. */
export function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; killAfterMs: number },
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}
