import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Adoption Desk';
export const DATABASE_FILE = 'adoption-desk.sqlite';

type Env = Record<string, string | undefined>;

/**
 * Electron's `userData` folder, computed the same way Electron does (appData +
 * productName), so the CLI finds the app's database without loading Electron.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

/** `--data-dir DIR` or `--data-dir=DIR` from a command line, if present. */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}

/** Where the data folder is: --data-dir, then ADOPTION_DESK_DATA_DIR, then userData. */
export function resolveDataDir(argv: readonly string[], env: Env, userDataDir: string): string {
  const chosen = dataDirFromArgs(argv) || env.ADOPTION_DESK_DATA_DIR || userDataDir;
  return path.resolve(chosen);
}

/** The CLI's database: --db, then ADOPTION_DESK_DB, then the app's own database. */
export function resolveDatabaseFile(dbArg: string | undefined, env: Env, userDataDir: string = defaultUserDataDir()): string {
  if (dbArg) return path.resolve(dbArg);
  if (env.ADOPTION_DESK_DB) return path.resolve(env.ADOPTION_DESK_DB);
  return path.join(resolveDataDir([], env, userDataDir), DATABASE_FILE);
}
