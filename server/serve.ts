import { DeskError } from '../domain/errors';
import { openDesk, type DailyBackupOutcome, type Desk, type DeskClosed } from '../services/desk';
import { acquireInstanceLock, type LockWorld } from '../services/instance-lock';
import { startDeskServer, type DeskServer, type ServerHooks } from './desk-server';
import { addressesOf, isLoopback } from './gate';
import { builtRendererDir } from './renderer-dir';

export interface ServeOptions {
  databaseFile: string;
  /** The built renderer; by default out/renderer (server/renderer-dir.ts). */
  rendererDir?: string;
  /** Where to listen: 127.0.0.1 unless the reviewer shares on purpose (`shareBeyondThisComputer`). */
  host?: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** The reviewer's consent to listen where other computers can connect. */
  shareBeyondThisComputer?: boolean;
  hooks?: ServerHooks;
  lockWorld?: LockWorld;
}

export interface Serving {
  /** The address to open on this computer, with the launch secret in its fragment. */
  readonly url: string;
  /** Where the server answers, without the secret. */
  readonly origin: string;
  readonly port: number;
  /** Addresses other computers can open (only when shared), each with the secret. */
  readonly sharedUrls: readonly string[];
  readonly databaseFile: string;
  readonly desk: Desk;
  /** Problems that did not stop the opening (a damaged database kept for a restore). */
  readonly warnings: readonly string[];
  /**
   * The day's automatic backup, started once the server answers (so the first page never waits
   * for it) and written in short steps; its `warning` says why it failed. Closing abandons it.
   */
  readonly dailyBackup: Promise<DailyBackupOutcome>;
  /** Stops answering, brings the search index up to date, checkpoints and closes the database, releases the lock. */
  close(): Promise<DeskClosed>;
}

/** What `--host` would expose, said plainly; the consent flag is the only way past it. */
export function sharingRefusedMessage(host: string): string {
  return (
    `Adoption Desk listens only on this computer (127.0.0.1). --host ${host} would let any computer that can reach ` +
    `this one try to open your data: every project, interview and note, and the names of anonymous adopters. ` +
    `It stays behind the one-time address, but that address and the session travel unencrypted (http), so anyone ` +
    `on the network path can read them. If you mean it, add --i-understand-this-shares-my-data.`
  );
}

/**
 * `adoption-desk serve` as a module: the desktop app's data rule (one Adoption Desk per
 * database: services/instance-lock.ts), the database opened as the desktop app opens it
 * (recovery mode, so Settings → Backups can restore a damaged one), and the built renderer
 * with window.desk served on this computer only. The command line and the tests both start it here.
 */
export async function serve(options: ServeOptions): Promise<Serving> {
  const host = options.host === undefined || options.host.toLowerCase() === 'localhost' ? '127.0.0.1' : options.host;
  const shared = !isLoopback(host);
  if (shared && !options.shareBeyondThisComputer) throw new DeskError('VALIDATION', sharingRefusedMessage(host));
  const rendererDir = options.rendererDir ?? builtRendererDir();
  if (!rendererDir) throw new DeskError('IO_ERROR', 'Adoption Desk is not built: out/renderer is missing. Run npm run build.');

  const lock = acquireInstanceLock(options.databaseFile, { program: 'serve' }, options.lockWorld);
  let desk: Desk | undefined;
  let server: DeskServer;
  try {
    desk = openDesk(options.databaseFile, { recover: true, laterDailyBackup: true });
    const sharedOn = shared ? addressesOf(host) : [];
    server = await startDeskServer({
      services: desk.services,
      rendererDir,
      host,
      port: options.port ?? 0,
      sharedOn,
      ...(options.hooks ? { hooks: options.hooks } : {}),
    }).catch((error: NodeJS.ErrnoException) => {
      const where = `port ${options.port ?? 0} of ${host}`;
      if (error.code === 'EADDRINUSE') throw new DeskError('IO_ERROR', `Another program already listens on ${where}. Choose another with --port, or leave --port out to take any free one.`);
      if (error.code === 'EACCES') throw new DeskError('IO_ERROR', `Adoption Desk may not listen on ${where}. Choose a port above 1023 with --port, or leave it out.`);
      if (error.code === 'EADDRNOTAVAIL') throw new DeskError('IO_ERROR', `This computer has no address ${host} to listen on.`);
      throw error;
    });
    lock.update({ url: `${server.origin}/` });
    const opened = desk;
    const warnings = [...(opened.failure ? [opened.failure.message] : []), ...opened.warnings];
    const sharedUrls = sharedOn.map((address) => `http://${address.includes(':') ? `[${address}]` : address}:${server.port}/#key=${server.secret}`);
    const dailyBackup = opened.startDailyBackup();
    let closing: Promise<DeskClosed> | undefined;
    return {
      url: server.url,
      origin: server.origin,
      port: server.port,
      sharedUrls,
      databaseFile: options.databaseFile,
      desk: opened,
      warnings,
      dailyBackup,
      close: () =>
        (closing ??= server.close().then(() => {
          try {
            return opened.close();
          } finally {
            lock.release();
          }
        })),
    };
  } catch (error) {
    desk?.close();
    lock.release();
    throw error;
  }
}
